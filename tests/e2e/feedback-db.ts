// Straight to the database as superuser, for what the client pages cannot do on their own:
// make invitations of each kind, move an item along its workflow, count stored rows.
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';

/** The seed's demo survey and campaign link (multi-use: shared by every test). */
export const DEMO_SURVEY_ID = 'f0000000-0000-4000-8000-000000000001';
export const DEMO_CAMPAIGN_PATH = '/f/demo-campaign-2026';
const DEMO_CLIENT_ID = 'c0000000-0000-4000-8000-000000000001';

export async function sql<Row extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<Row[]> {
	const client = new pg.Client({ connectionString: process.env.SUPABASE_DB_URL });
	await client.connect();
	try {
		return (await client.query<Row>(text, values)).rows;
	} finally {
		await client.end();
	}
}

const sha256Hex = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
/** Unique per call, so tests never share a token or a subject. */
export const uniqueToken = (prefix: string) => `${prefix}-${randomBytes(12).toString('base64url')}`;

interface InvitationOptions {
	kind?: 'campaign' | 'personal';
	survey?: boolean;
	complaint?: boolean;
	suggestion?: boolean;
	expiresAt?: Date | null;
	usedUp?: boolean;
}

/** A new invitation; answers the raw token for /f/<token>. */
export async function createInvitation({
	kind = 'campaign',
	survey = true,
	complaint = true,
	suggestion = true,
	expiresAt = null,
	usedUp = false
}: InvitationOptions = {}) {
	const token = uniqueToken('e2e');
	const maxUses = kind === 'personal' ? 1 : null;
	await sql(
		`insert into public.survey_invitations (kind, survey_id, offers_complaint, offers_suggestion, token_hash, client_id, max_uses, use_count, expires_at, label)
		 values ($1, $2, $3, $4, decode($5, 'hex'), $6, $7, $8, $9, 'e2e')`,
		[
			kind,
			survey ? DEMO_SURVEY_ID : null,
			complaint,
			suggestion,
			sha256Hex(token),
			kind === 'personal' ? DEMO_CLIENT_ID : null,
			maxUses,
			usedUp ? 1 : 0,
			expiresAt
		]
	);
	return token;
}

/** A complaint filed earlier through the demo link, in the given status; answers its tracking token. */
export async function createTrackedComplaint(subject: string, status: 'new' | 'resolved') {
	const trackingToken = uniqueToken('track');
	await sql(
		`insert into public.feedback_items (kind, status, category, subject, description, invitation_id, submission_hash, resolved_at)
		 values ('complaint', $1, 'delivery', $2, 'La entrega llegó dos días tarde.', 'f1000000-0000-4000-8000-000000000001', decode($3, 'hex'), $4)`,
		[status, subject, sha256Hex(trackingToken), status === 'resolved' ? new Date() : null]
	);
	return trackingToken;
}

export async function countItems(subject: string): Promise<number> {
	const [row] = await sql<{ count: string }>('select count(*) from public.feedback_items where subject = $1', [subject]);
	return Number(row.count);
}

export async function countResponses(comment: string): Promise<number> {
	const [row] = await sql<{ count: string }>(`select count(*) from public.survey_responses where answers ->> 'comments' = $1`, [comment]);
	return Number(row.count);
}

/** Walks a new item along the workflow's allowed transitions (the database refuses shortcuts) up to `to`. */
export async function advanceItem(subject: string, to: 'in_progress' | 'resolved') {
	for (const status of ['triaged', 'in_progress'] as const) {
		await sql('update public.feedback_items set status = $2 where subject = $1', [subject, status]);
	}
	if (to === 'resolved') {
		await sql(`update public.feedback_items set status = 'resolved', resolution_text = 'Resuelto en la prueba.' where subject = $1`, [
			subject
		]);
	}
}
