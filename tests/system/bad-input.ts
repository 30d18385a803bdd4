// fast-check arbitraries for bad requests to every public route, form action and public RPC. Each request
// carries at least one defect that must refuse it (so none can be stored), plus random noise around it.
import fc from 'fast-check';

export interface BadRequest {
	target: string;
	method: 'GET' | 'POST';
	path: string;
	headers: Record<string, string>;
	body?: string | Uint8Array;
	/** Straight on PostgREST: answered with an outcome in a 200, or a 4xx; never stored, never a 5xx. */
	rpc?: boolean;
}

export const CAMPAIGN = 'demo-campaign-2026';
export const TRACKING = 'demo-tracking-2026';

const nasty = fc.constantFrom(
	'<script>alert(1)</script>',
	'"><img src=x onerror=alert(1)>',
	"'; drop table public.survey_responses; --",
	"' or '1'='1",
	'\u0000',
	'a\u0000b',
	'\u0007\u001b[2J',
	'\ud800',
	'\uffff',
	'%00',
	'%ff%fe',
	'../../etc/passwd',
	'${7*7}{{7*7}}',
	'\u202eevil',
	' '
);
const oversize = fc.constantFrom('x'.repeat(5_000), 'é'.repeat(40_000), '<b>'.repeat(2_000));
export const badText = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), nasty, oversize);
const badNumber = fc.oneof(
	fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e309', '4.5', '99999999999999999999', '0x1', '11', '-1', '5abc', '[]', '{}'),
	fc.double({ noDefaultInfinity: true }).map(String),
	fc.integer({ min: 11 }).map(String),
	fc.integer({ max: -1 }).map(String)
);
/** Never a usable submission token (those are 22-128 base64url characters). */
const badSubmission = fc
	.oneof(badText, fc.constantFrom('', 'short', 'a'.repeat(129)))
	.filter((value) => !/^[A-Za-z0-9_-]{22,128}$/.test(value));
/** Never a live link: the demo links are the only ones, and these are none of them. */
export const badToken = fc
	.oneof(
		badText,
		fc.string({ minLength: 22, maxLength: 22, unit: fc.constantFrom(...'ABCabc012_-') }),
		fc.constantFrom('demo-campaign-2027', 'DEMO-CAMPAIGN-2026')
	)
	.filter((value) => !value.startsWith('demo-') || value === 'demo-campaign-2027');
const noise = fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), badText, { maxKeys: 4 });

const inRange = (value: string, min: number, max: number) => {
	const number = Number(value);
	return value.trim() !== '' && Number.isInteger(number) && number >= min && number <= max;
};

/** Survey answers with one certain defect among random noise. */
const surveyFields = fc.oneof(
	fc.record({
		recommend: badNumber.filter((v) => !inRange(v, 0, 10)),
		satisfaction: fc.constant('4'),
		_submission: fc.constant('A'.repeat(22))
	}),
	fc.record({
		recommend: fc.constant('9'),
		satisfaction: fc.oneof(badNumber, badText).filter((v) => !inRange(v, 1, 5)),
		_submission: fc.constant('B'.repeat(22))
	}),
	fc.record({ recommend: fc.constant('9'), satisfaction: fc.constant('4'), _submission: badSubmission }),
	fc.record({
		recommend: fc.constant('9'),
		satisfaction: fc.constant('4'),
		_submission: fc.constant('C'.repeat(22)),
		_website: badText.filter((v) => v.length > 0)
	}),
	fc.record({ strengths: fc.oneof(badText, fc.constant('not_an_option')), comments: badText }, { requiredKeys: [] })
);

/** A complaint or suggestion with one certain defect. */
const itemFields = fc.oneof(
	fc.record({
		category: badText.filter((v) => !['product', 'delivery', 'service', 'billing', 'communication', 'other'].includes(v)),
		subject: fc.constant('Asunto'),
		description: fc.constant('Una descripción suficiente.'),
		submission: fc.constant('D'.repeat(22))
	}),
	fc.record({
		category: fc.constant('billing'),
		subject: fc.constant('Asunto'),
		description: fc.string({ maxLength: 9 }),
		submission: fc.constant('E'.repeat(22))
	}),
	fc.record({
		category: fc.constant('billing'),
		subject: fc.constant('Asunto'),
		description: fc.constant('x'.repeat(4_001)),
		submission: fc.constant('F'.repeat(22))
	}),
	fc.record({
		category: fc.constant('billing'),
		subject: fc.constant('Asunto'),
		description: fc.constant('Una descripción suficiente.'),
		contact_email: fc.constantFrom('not-an-email', 'a@', '<script>@x', 'x'.repeat(300) + '@example.com'),
		submission: fc.constant('G'.repeat(22))
	}),
	fc.record({
		category: fc.constant('billing'),
		subject: fc.constant('Asunto'),
		description: fc.constant('Una descripción suficiente.'),
		submission: badSubmission
	}),
	fc.record({
		category: fc.constant('billing'),
		subject: fc.constant('Asunto'),
		description: fc.constant('Una descripción suficiente.'),
		contract_id: fc.constantFrom('not-a-uuid', "' or 1=1 --", 'd0000000-0000-4000-8000-000000000099'),
		submission: fc.constant('H'.repeat(22))
	}),
	fc.record({
		category: fc.constant('billing'),
		subject: fc.constant('Asunto'),
		description: fc.constant('Una descripción suficiente.'),
		website: badText.filter((v) => v.length > 0),
		submission: fc.constant('I'.repeat(22))
	})
);

const satisfactionFields = fc.oneof(
	fc.record({ submission: fc.constant('J'.repeat(22)), satisfied: badText.filter((v) => v !== 'yes' && v !== 'no') }),
	fc.record({ submission: badSubmission, satisfied: fc.constantFrom('yes', 'no') })
);

const urlencoded = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

function multipart(fields: Record<string, string>): { body: string; type: string } {
	const boundary = 'fuzzboundary7MA4YWxkTrZu0gW';
	const parts = Object.entries(fields).map(
		([name, value]) => `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`
	);
	return { body: parts.join('') + `--${boundary}--\r\n`, type: `multipart/form-data; boundary=${boundary}` };
}

/** How a form is sent: well-formed, or with the wrong type, broken bytes, a foreign origin, or too big. */
function formRequest(appUrl: string, target: string, path: string, fields: fc.Arbitrary<Record<string, string>>): fc.Arbitrary<BadRequest> {
	const base = { target, method: 'POST' as const, path };
	return fc.tuple(fields, noise, fc.nat(9)).map(([defect, extra, how]) => {
		const all = { ...extra, ...defect };
		const form = { origin: appUrl, 'content-type': 'application/x-www-form-urlencoded' };
		switch (how) {
			case 0:
				return { ...base, headers: { ...form, 'x-sveltekit-action': 'true', accept: 'application/json' }, body: urlencoded(all) };
			case 1: {
				const { body, type } = multipart(all);
				return { ...base, headers: { origin: appUrl, 'content-type': type }, body };
			}
			case 2:
				return { ...base, headers: { origin: appUrl, 'content-type': 'application/json' }, body: JSON.stringify(all) };
			case 3:
				return { ...base, headers: { origin: appUrl, 'content-type': 'text/plain' }, body: urlencoded(all) };
			case 4:
				return { ...base, headers: form, body: new Uint8Array([0x72, 0x65, 0x63, 0x3d, 0xff, 0xfe, 0xc3, 0x28, 0x26, 0x00, 0x80]) };
			case 5:
				return { ...base, headers: { ...form, origin: 'https://evil.example' }, body: urlencoded(all) };
			case 6:
				return { ...base, headers: form, body: urlencoded({ ...all, padding: 'x'.repeat(140 * 1024) }) };
			default:
				return { ...base, headers: { ...form, accept: 'text/html' }, body: urlencoded(all) };
		}
	});
}

/** Percent-encodes the token's UTF-8 bytes but keeps slashes (lone surrogates become U+FFFD, as a browser sends them). */
const pathToken = (token: string) =>
	Array.from(Buffer.from(token, 'utf8'), (byte) =>
		/[A-Za-z0-9_.~/-]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).padStart(2, '0')}`
	).join('');

export function appRequests(appUrl: string): fc.Arbitrary<BadRequest> {
	return fc.oneof(
		badToken.map((token) => ({ target: 'GET /f/<token>', method: 'GET' as const, path: `/f/${pathToken(token)}`, headers: {} })),
		badToken.map((token) => ({ target: 'GET /t/<token>', method: 'GET' as const, path: `/t/${pathToken(token)}`, headers: {} })),
		fc
			.constantFrom('/f/%ff%fe', '/t/%c3%28', '/f/%00', '/f/..%2f..%2fetc', '/f/' + 'a'.repeat(3000))
			.map((path) => ({ target: 'GET malformed path', method: 'GET' as const, path, headers: {} })),
		formRequest(appUrl, 'POST /f/<token>?/survey', `/f/${CAMPAIGN}?/survey`, surveyFields),
		formRequest(appUrl, 'POST /f/<token>?/complaint', `/f/${CAMPAIGN}?as=complaint&/complaint`, itemFields),
		formRequest(appUrl, 'POST /f/<token>?/suggestion', `/f/${CAMPAIGN}?as=suggestion&/suggestion`, itemFields),
		badToken.chain((token) => formRequest(appUrl, 'POST /f/<unknown>?/survey', `/f/${pathToken(token)}?/survey`, surveyFields)),
		formRequest(appUrl, 'POST /t/<token>?/satisfaction', `/t/${TRACKING}?/satisfaction`, satisfactionFields),
		formRequest(appUrl, 'POST /lang', '/lang', fc.record({ locale: badText.filter((v) => v !== 'es' && v !== 'en'), next: badText }))
	);
}

const json = fc.jsonValue({ maxDepth: 2 });
const rpcArgs = {
	get_feedback_page: fc.record({ p_token: fc.oneof(badToken, json) }),
	get_tracking: fc.record({ p_tracking_token: fc.oneof(badToken, json) }),
	submit_survey_response: fc.record({
		p_token: fc.oneof(fc.constant(CAMPAIGN), badToken),
		p_submission: badSubmission,
		p_answers: json,
		p_client_address: fc.oneof(badText, fc.constant(null))
	}),
	submit_feedback_item: fc.record({
		p_token: fc.oneof(fc.constant(CAMPAIGN), badToken),
		p_submission: badSubmission,
		p_item: json,
		p_client_address: fc.oneof(badText, fc.constant(null))
	}),
	submit_resolution_feedback: fc.record({
		p_tracking_token: fc.oneof(fc.constant(TRACKING), badToken),
		p_submission: badSubmission,
		p_satisfied: json,
		p_client_address: fc.oneof(badText, fc.constant(null))
	})
};

export function rpcRequests(anonKey: string): fc.Arbitrary<BadRequest> {
	const headers = { apikey: anonKey, 'content-type': 'application/json' };
	return fc.oneof(
		...Object.entries(rpcArgs).map(([name, args]) =>
			fc.tuple(args, noise, fc.nat(5)).map(([values, extra, how]): BadRequest => {
				const base = { target: `rpc ${name}`, method: 'POST' as const, path: `/rest/v1/rpc/${name}`, rpc: true };
				switch (how) {
					case 0:
						return { ...base, headers, body: JSON.stringify({ ...values, ...extra }) };
					case 1:
						return { ...base, headers, body: JSON.stringify(Object.fromEntries(Object.entries(values).slice(1))) };
					case 2:
						return { ...base, headers, body: JSON.stringify(values).slice(0, -3) };
					case 3:
						return { ...base, headers: { ...headers, 'content-type': 'text/xml' }, body: '<p_token>x</p_token>' };
					default:
						return { ...base, headers, body: JSON.stringify(values) };
				}
			})
		)
	);
}
