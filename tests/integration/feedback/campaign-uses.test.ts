// An uncapped campaign poster counts its uses in counter rows (no row every submission queues on), and
// public.uses() adds them up for the staff screens, readable only where the link itself is.
import { describe, it, expect } from 'vitest';
import { superuser } from '../env.ts';
import {
	CLIENT_OF_ACCOUNT,
	CLIENT_OF_ACCOUNT_2,
	anon,
	createInvitation,
	newSubmissionToken,
	signedIn,
	sql,
	submitConcurrently
} from './fixtures.ts';

const usesOf = async (id: string) =>
	(
		await sql<{ use_count: number; uses: number; counters: number }>(
			`select invitation.use_count, public.uses(invitation) as uses,
			(select count(*)::integer from private.invitation_use_shards as counter where counter.invitation_id = invitation.id) as counters
		from public.survey_invitations as invitation where invitation.id = $1`,
			[id]
		)
	)[0];

describe('uses of an uncapped campaign link', () => {
	it('count every stored submission of 60 concurrent ones, spread over counter rows', async () => {
		const { id, token } = await createInvitation({ kind: 'campaign' });
		const outcomes = await submitConcurrently(token, Array.from({ length: 60 }, newSubmissionToken));
		expect(outcomes.every((outcome) => outcome === 'ok')).toBe(true);
		const stored = Number((await sql('select count(*) as n from public.survey_responses where invitation_id = $1', [id]))[0].n);
		expect(stored).toBe(60);
		const uses = await usesOf(id);
		expect(uses.uses).toBe(60);
		// The link's own row was never written by a submission, and the counts sit in several rows.
		expect(uses.use_count).toBe(0);
		expect(uses.counters).toBeGreaterThan(1);
	});

	it('count a submission sent twice once', async () => {
		const { id, token } = await createInvitation({ kind: 'campaign' });
		const submission = newSubmissionToken();
		expect(await submitConcurrently(token, [submission, submission, submission])).toContain('ok');
		expect((await usesOf(id)).uses).toBe(1);
	});

	it('leave capped links counting on their own row', async () => {
		const { id, token } = await createInvitation({ kind: 'campaign', maxUses: 5 });
		await submitConcurrently(token, Array.from({ length: 3 }, newSubmissionToken));
		expect(await usesOf(id)).toEqual({ use_count: 3, uses: 3, counters: 0 });
	});
});

describe('public.uses and the counter rows', () => {
	it('show staff the uses and sort by them, and hide another client’s link from an account manager', async () => {
		const { id, token } = await createInvitation({ kind: 'campaign', clientId: CLIENT_OF_ACCOUNT_2 });
		await submitConcurrently(token, Array.from({ length: 4 }, newSubmissionToken));
		const admin = await signedIn('admin');
		const listed = await admin.from('survey_invitations').select('id, uses').eq('id', id).single();
		expect(listed.error).toBeNull();
		expect(listed.data).toEqual({ id, uses: 4 });
		const sorted = await admin.from('survey_invitations').select('id, uses').order('uses', { ascending: false }).limit(200);
		expect(sorted.error).toBeNull();
		const counts = sorted.data!.map((row) => row.uses ?? 0);
		expect(counts).toEqual([...counts].sort((a, b) => b - a));
		expect(sorted.data!.map((row) => row.id)).toContain(id);

		// account@demo.local manages client 1 only: neither the link nor its counters reach them.
		const account = await signedIn('account');
		expect((await account.from('survey_invitations').select('id, uses').eq('id', id)).data).toEqual([]);
		const ownLink = await createInvitation({ kind: 'campaign', clientId: CLIENT_OF_ACCOUNT });
		await submitConcurrently(ownLink.token, [newSubmissionToken()]);
		expect((await account.from('survey_invitations').select('uses').eq('id', ownLink.id).single()).data).toEqual({ uses: 1 });
	});

	it('refuse the counter rows to anon and to a signed-in role whose policies show no link', async () => {
		const { id, token } = await createInvitation({ kind: 'campaign' });
		await submitConcurrently(token, [newSubmissionToken()]);
		const db = await superuser();
		try {
			await db.query('begin');
			await db.query('set local role anon');
			await expect(db.query('select * from private.invitation_use_shards')).rejects.toThrow(/permission denied/);
			await db.query('rollback');
			// An authenticated user with no staff role: the policy's subquery sees no invitation.
			await db.query('begin');
			await db.query('set local role authenticated');
			await db.query(`select set_config('request.jwt.claims', $1, true)`, [
				JSON.stringify({ sub: '00000000-0000-4000-8000-00000000beef', role: 'authenticated' })
			]);
			const { rows } = await db.query('select count(*)::integer as n from private.invitation_use_shards where invitation_id = $1', [id]);
			expect(rows).toEqual([{ n: 0 }]);
			await db.query('rollback');
		} finally {
			await db.end();
		}
		// Not an RPC either: the unnamed row argument keeps it a computed field.
		expect((await anon().rpc('uses' as never)).error).not.toBeNull();
	});
});
