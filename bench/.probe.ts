import { startThrowawayStack } from '/work/wt/load/supabase/local/throwaway.ts';
const lines: string[] = [];
const { stack, dispose } = await startThrowawayStack('probe', { log: (l) => lines.push(l) });
const h = { apikey: stack.anonKey, 'content-type': 'application/json' };
const tries: [string, string, Record<string,string>][] = [
 ['get_feedback_page', '{"p_token":"x"}', h],
 ['get_tracking', '{"p_tracking_token":{}}', h],
 ['get_feedback_page', '{"p_token":"nm>Hq/mF', h],
 ['submit_resolution_feedback', '<p_token>x</p_token>', { ...h, 'content-type': 'text/xml' }],
 ['get_feedback_page', '{"p_token":"a\\u0000b"}', h],
 ['submit_survey_response', JSON.stringify({ p_token: 'x', p_submission: 'é'.repeat(40000), p_answers: {}, p_client_address: null }), h],
 ['submit_survey_response', JSON.stringify({ p_token: 'demo-campaign-2026', p_submission: '\ud800', p_answers: 5, p_client_address: '\ud800' }), h],
];
for (const [name, body, headers] of tries) {
  const r = await fetch(`${stack.apiUrl}/rest/v1/rpc/${name}`, { method: 'POST', headers, body });
  console.log(name, body.slice(0, 40), r.status, (await r.text()).slice(0, 150));
  await new Promise((res) => setTimeout(res, 700));
  const sup = lines.filter((l) => /supervisor|postgrest/i.test(l)); if (sup.length) { console.log(sup); lines.length = 0; }
}
await dispose();
