// Webhook signatures: Webhook-Id (the delivery id, the same on every retry, for deduplication), Webhook-Timestamp
// (Unix seconds) and Webhook-Signature: v1=<hex HMAC-SHA256 of "<id>.<timestamp>.<body>"> with the endpoint's secret.
// A receiver recomputes it over the raw body and rejects old timestamps (replays).
import { createHmac, timingSafeEqual } from 'node:crypto';

export function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
	return 'v1=' + createHmac('sha256', secret).update(`${id}.${timestamp}.${body}`).digest('hex');
}

export function webhookHeaders(secret: string, id: string, body: string, now = Date.now()): Record<string, string> {
	const timestamp = Math.floor(now / 1000);
	return {
		'content-type': 'application/json',
		'user-agent': 'feedback-portal-webhooks/1',
		'webhook-id': id,
		'webhook-timestamp': String(timestamp),
		'webhook-signature': signWebhook(secret, id, timestamp, body)
	};
}

/** What a receiver does: true when the signature matches and the timestamp is within `toleranceSeconds`. */
export function verifyWebhook(
	secret: string,
	headers: { id: string; timestamp: string; signature: string },
	body: string,
	now = Date.now(),
	toleranceSeconds = 300
): boolean {
	const timestamp = Number(headers.timestamp);
	if (!Number.isInteger(timestamp) || Math.abs(now / 1000 - timestamp) > toleranceSeconds) return false;
	const expected = Buffer.from(signWebhook(secret, headers.id, timestamp, body));
	const given = Buffer.from(headers.signature);
	return expected.length === given.length && timingSafeEqual(expected, given);
}
