// A phone sending the demo survey through the full path (form POST to the production build), as the page's
// script does or as a browser without JavaScript does, or enhanced (JSON) as SvelteKit's own use:enhance would.
import { newToken } from '../../src/lib/server/tokens.ts';

export const CAMPAIGN_PATH = '/f/demo-campaign-2026';

export type Answer =
	| { kind: 'stored' }
	| { kind: 'retry'; status: number; body: string }
	| { kind: 'aborted' }
	| { kind: 'wrong'; status: number; body: string };

export const newSubmission = () => newToken();

function formBody(submission: string): string {
	return new URLSearchParams({ _submission: submission, recommend: '8', satisfaction: '4' }).toString();
}

/** One attempt. `abortAfterMs` cuts the request off mid-flight, as a phone losing its network would. */
export async function sendSurvey(
	appUrl: string,
	submission: string,
	options: { enhanced?: boolean; abortAfterMs?: number } = {}
): Promise<Answer> {
	const controller = new AbortController();
	const timer = options.abortAfterMs === undefined ? undefined : setTimeout(() => controller.abort(), options.abortAfterMs);
	try {
		const response = await fetch(`${appUrl}${CAMPAIGN_PATH}?/survey`, {
			method: 'POST',
			headers: {
				origin: appUrl,
				'content-type': 'application/x-www-form-urlencoded',
				...(options.enhanced ? { 'x-sveltekit-action': 'true', accept: 'application/json' } : { accept: 'text/html' })
			},
			body: formBody(submission),
			signal: controller.signal
		});
		const body = await response.text();
		if (options.enhanced) {
			const answer = JSON.parse(body) as { type: string; status?: number };
			if (response.status === 200 && answer.type === 'success') return { kind: 'stored' };
			const status = answer.status ?? response.status;
			return status === 503 ? { kind: 'retry', status, body } : { kind: 'wrong', status, body };
		}
		if (response.status === 200 && body.includes('data-testid="survey-thanks"')) return { kind: 'stored' };
		return response.status === 503 ? { kind: 'retry', status: 503, body } : { kind: 'wrong', status: response.status, body };
	} catch (error) {
		if (controller.signal.aborted) return { kind: 'aborted' };
		throw error;
	} finally {
		clearTimeout(timer);
	}
}
