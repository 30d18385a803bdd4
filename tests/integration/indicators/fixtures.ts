// Rows with known answers for the indicator tests, written as the superuser so each test
// chooses its own dates (the public RPCs stamp now()). Old quarters (2001) hold no demo data.
import { randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';

/** The demo survey of supabase/seed.sql: NPS 'recommend', CSAT 'satisfaction', threshold 4. */
export const DEMO_SURVEY_ID = 'f0000000-0000-4000-8000-000000000001';

export async function createClientRow(db: pg.Client, accountManagerId: string | null = null, sector = 'Pruebas'): Promise<string> {
	const id = randomUUID();
	await db.query('insert into public.clients (id, name, sector, account_manager_id) values ($1, $2, $3, $4)', [
		id,
		`Cliente de prueba ${id.slice(0, 8)}`,
		sector,
		accountManagerId
	]);
	return id;
}

export interface ContractFixture {
	due: string;
	delivered?: string | null;
	conformity?: 'pending' | 'accepted' | 'rejected';
}

export async function createContract(db: pg.Client, clientId: string, contract: ContractFixture): Promise<string> {
	const id = randomUUID();
	await db.query(
		`insert into public.contracts (id, client_id, reference, title, start_date, due_date, delivered_at, conformity)
		values ($1, $2, $3, 'Contrato de prueba', $4::date - 30, $4, $5, $6)`,
		[id, clientId, `T-${id}`, contract.due, contract.delivered ?? null, contract.conformity ?? 'pending']
	);
	return id;
}

export interface ResponseFixture {
	clientId: string | null;
	at: string;
	/** CSAT 1-5; satisfied when >= 4 (the demo survey's threshold). */
	csat: number;
	nps?: number;
}

export async function createResponse(db: pg.Client, response: ResponseFixture): Promise<string> {
	const id = randomUUID();
	await db.query(
		`insert into public.survey_responses (id, survey_id, client_id, answers, satisfaction_score, is_satisfied, submission_hash, created_at)
		values ($1, $2, $3, $4, $5, $5 >= 4, $6, $7)`,
		[
			id,
			DEMO_SURVEY_ID,
			response.clientId,
			{ recommend: response.nps ?? response.csat * 2, satisfaction: response.csat },
			response.csat,
			randomBytes(32),
			response.at
		]
	);
	return id;
}

/** The first day of the quarter `offset` quarters from today's (0 = this one), as YYYY-MM-DD. */
export function quarterStart(offset: number, today = new Date()): string {
	const month = Math.floor(today.getUTCMonth() / 3) * 3 + offset * 3;
	const start = new Date(Date.UTC(today.getUTCFullYear(), month, 1));
	return start.toISOString().slice(0, 10);
}

/** A day inside that quarter, at midday UTC (the same day in Madrid). */
export function dayInQuarter(offset: number, day = 20): string {
	const start = new Date(`${quarterStart(offset)}T12:00:00Z`);
	start.setUTCDate(day);
	return start.toISOString();
}
