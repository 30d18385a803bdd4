// Rows the feedback tests need, made with the superuser connection so each test owns its links and
// knows their raw tokens (the database keeps only hashes). Sign-in helpers for the demo staff.
import { randomUUID } from 'node:crypto';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { anonKey, apiUrl, serviceRoleKey, superuser } from '../env.ts';
import { newSubmissionToken, newToken, sha256Hex } from '../../../src/lib/server/tokens.ts';
import type { SurveyDefinition } from '../../../src/lib/feedback/survey-definition.ts';

export { newSubmissionToken, newToken };

const text = (es: string) => ({ es, en: es });

/** NPS + CSAT (satisfaction, threshold 4) + single choice + optional short text of at most 20. */
export function testDefinition(): SurveyDefinition {
	return {
		title: text('Encuesta de prueba'),
		intro: text('Introducción'),
		thanks: text('Gracias'),
		questions: [
			{ id: 'recommend', type: 'nps', label: text('¿Nos recomendaría?'), required: true },
			{ id: 'satisfaction', type: 'csat', label: text('¿Satisfecho?'), required: true },
			{
				id: 'channel',
				type: 'single_choice',
				label: text('Canal'),
				required: false,
				options: [
					{ id: 'phone', label: text('Teléfono') },
					{ id: 'email', label: text('Correo') }
				]
			},
			{ id: 'note', type: 'short_text', label: text('Nota'), required: false, maxLength: 20 }
		],
		satisfactionQuestionId: 'satisfaction',
		satisfactionThreshold: 4
	};
}

export const validAnswers = () => ({ recommend: 9, satisfaction: 5, channel: 'email', note: 'Muy bien' });

export const validItem = () => ({
	kind: 'complaint',
	category: 'delivery',
	subject: 'Entrega incompleta',
	description: 'Faltan dos cajas del pedido de esta semana.',
	contact_email: 'cliente@example.com',
	contact_consent: true
});

export const CLIENT_OF_ACCOUNT = 'c0000000-0000-4000-8000-000000000001'; // account@demo.local's client
export const CLIENT_OF_ACCOUNT_2 = 'c0000000-0000-4000-8000-000000000002'; // account2@demo.local's client
export const CONTRACT_OF_CLIENT_1 = 'd0000000-0000-4000-8000-000000000001';
export const CONTRACT_OF_CLIENT_2 = 'd0000000-0000-4000-8000-000000000002';

export async function sql<T extends Record<string, unknown> = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
	const db = await superuser();
	try {
		return (await db.query(text, values)).rows as T[];
	} finally {
		await db.end();
	}
}

export async function createSurvey(options: { status?: string; triggerPoint?: string; definition?: SurveyDefinition } = {}) {
	const [row] = await sql<{ id: string }>(
		'insert into public.surveys (trigger_point, status, definition) values ($1, $2, $3) returning id',
		[options.triggerPoint ?? 'campaign', options.status ?? 'active', options.definition ?? testDefinition()]
	);
	return row.id;
}

export interface InvitationOptions {
	kind?: 'personal' | 'campaign';
	surveyId?: string | null;
	offersComplaint?: boolean;
	offersSuggestion?: boolean;
	clientId?: string | null;
	contractId?: string | null;
	maxUses?: number | null;
	expiresAt?: Date | null;
	revokedAt?: Date | null;
}

/** An invitation and its raw token. Personal links default to client 1 and one use. */
export async function createInvitation(options: InvitationOptions = {}) {
	const kind = options.kind ?? 'personal';
	const token = newToken();
	const [row] = await sql<{ id: string }>(
		`insert into public.survey_invitations
			(kind, survey_id, offers_complaint, offers_suggestion, token_hash, client_id, contract_id, max_uses, expires_at, revoked_at)
		values ($1, $2, $3, $4, decode($5, 'hex'), $6, $7, $8, $9, $10) returning id`,
		[
			kind,
			options.surveyId === undefined ? await createSurvey() : options.surveyId,
			options.offersComplaint ?? false,
			options.offersSuggestion ?? false,
			sha256Hex(token),
			options.clientId === undefined ? (kind === 'personal' ? CLIENT_OF_ACCOUNT : null) : options.clientId,
			options.contractId ?? null,
			options.maxUses === undefined ? null : options.maxUses,
			options.expiresAt ?? null,
			options.revokedAt ?? null
		]
	);
	return { id: row.id, token };
}

/**
 * A different address per test, so the per-address limit of one test never trips another. Only the
 * app's server (app() below) may name an address; anon's p_client_address is ignored.
 */
export function testAddress(): string {
	return `test-${randomUUID()}`;
}

/** Submits the same answers once per submission token, all at once, as the app's server; returns the outcomes. */
export async function submitConcurrently(token: string, submissions: string[]): Promise<string[]> {
	const results = await Promise.all(
		submissions.map((submission) =>
			app().rpc('submit_survey_response', {
				p_token: token,
				p_submission: submission,
				p_answers: validAnswers(),
				p_client_address: testAddress()
			})
		)
	);
	const failed = results.find(({ error }) => error);
	if (failed) throw new Error(`submit_survey_response failed: ${failed.error!.message}`);
	return results.map(({ data }) => data.outcome as string);
}

export function anon(): SupabaseClient {
	return createClient(apiUrl(), anonKey(), { auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false } });
}

/** The app's server as the database sees it: the service role, which may name the phone's address. */
export function app(): SupabaseClient {
	return createClient(apiUrl(), serviceRoleKey(), { auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false } });
}

export type DemoStaff = 'admin' | 'manager' | 'quality' | 'agent' | 'account';

/** A supabase-js client signed in through the Auth server as a demo staff member. */
export async function signedIn(who: DemoStaff): Promise<SupabaseClient> {
	const client = anon();
	const { error } = await client.auth.signInWithPassword({ email: `${who}@demo.local`, password: 'demo-password' });
	if (error) throw new Error(`sign-in as ${who} failed: ${error.message}`);
	return client;
}

/** Walks an item along the workflow's allowed transitions to resolved (the trigger refuses shortcuts). */
export async function resolveThroughWorkflow(itemId: string): Promise<void> {
	await sql("update public.feedback_items set status = 'triaged' where id = $1", [itemId]);
	await sql("update public.feedback_items set status = 'in_progress' where id = $1", [itemId]);
	await sql("update public.feedback_items set status = 'resolved', resolution_text = 'Resuelto en la prueba.' where id = $1", [itemId]);
}
