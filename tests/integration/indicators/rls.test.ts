// Who may read and write targets, reviews and decisions, and whose figures the aggregate functions show.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { superuser } from '../env.ts';
import { demoStaff, signIn, type Client } from '../actors.ts';
import { createClientRow, createContract, dayInQuarter, quarterStart } from './fixtures.ts';

let db: pg.Client;
let manager: Client;
let quality: Client;
let agent: Client;
let accountManager: Client;
let otherAccountManager: Client;

beforeAll(async () => {
	db = await superuser();
	[manager, quality, agent, accountManager, otherAccountManager] = await Promise.all([
		signIn(demoStaff.manager.email),
		signIn(demoStaff.quality.email),
		signIn(demoStaff.agent.email),
		signIn(demoStaff.accountManager.email),
		signIn(demoStaff.otherAccountManager.email)
	]);
});
afterAll(async () => {
	await db.end();
});

describe('indicator targets', () => {
	it('managers add a target from a quarter on; quality reads but cannot; agents see nothing', async () => {
		const added = await manager
			.from('indicator_targets')
			.insert({ indicator: 'sc', valid_from: '2031-01-01', target_percent: 90 })
			.select('id');
		expect(added.error).toBeNull();
		const refused = await quality.from('indicator_targets').insert({ indicator: 'sc', valid_from: '2032-01-01', target_percent: 50 });
		expect(refused.error?.code).toBe('42501');
		const read = await quality.from('indicator_targets').select('target_percent').eq('valid_from', '2031-01-01');
		expect(read.data).toEqual([{ target_percent: 90 }]);
		const hidden = await agent.from('indicator_targets').select('id');
		expect(hidden.data).toEqual([]);
		const edit = await quality.from('indicator_targets').update({ target_percent: 10 }).eq('valid_from', '2031-01-01').select('id');
		expect(edit.data).toEqual([]);
	});

	it('applies the target valid for each quarter', async () => {
		const { rows } = await db.query(
			`select private.target_for('sc', '2030-10-01') as before, private.target_for('sc', '2031-04-01') as after`
		);
		expect(rows[0]).toEqual({ before: '85.00', after: '90.00' });
	});
});

describe('management reviews and decisions', () => {
	it('managers write them, quality reads them, agents and account managers see nothing', async () => {
		const review = await manager
			.from('management_reviews')
			.insert({ quarter: '2001-01-01', conclusions: 'Conclusiones' })
			.select('id')
			.single();
		expect(review.error).toBeNull();
		const reviewId = review.data!.id;
		const decision = await manager
			.from('review_decisions')
			.insert({ review_id: reviewId, description: 'Revisar plazos de entrega' })
			.select('id');
		expect(decision.error).toBeNull();

		expect((await quality.from('management_reviews').select('id').eq('id', reviewId)).data).toEqual([{ id: reviewId }]);
		expect((await quality.from('review_decisions').insert({ review_id: reviewId, description: 'No' })).error?.code).toBe('42501');
		expect((await quality.from('management_reviews').insert({ quarter: '2001-04-01' })).error?.code).toBe('42501');
		expect((await agent.from('management_reviews').select('id')).data).toEqual([]);
		expect((await agent.from('review_decisions').select('id')).data).toEqual([]);
		expect((await accountManager.from('management_reviews').select('id')).data).toEqual([]);
	});

	it('approval freezes the figures and the conclusions; only managers approve', async () => {
		const review = await manager.from('management_reviews').insert({ quarter: '2001-07-01', conclusions: 'Antes' }).select('id').single();
		const reviewId = review.data!.id;
		expect((await quality.rpc('approve_review', { p_review_id: reviewId })).error?.code).toBe('42501');
		expect((await manager.rpc('approve_review', { p_review_id: reviewId })).error).toBeNull();
		const approved = await quality.from('management_reviews').select('approved_by, figures').eq('id', reviewId).single();
		expect(approved.data?.approved_by).toBe(demoStaff.manager.id);
		expect(approved.data?.figures).toMatchObject({ quarter: '2001-Q3' });
		const edit = await manager.from('management_reviews').update({ conclusions: 'Después' }).eq('id', reviewId).select('id');
		expect(edit.data).toEqual([]);
		const decision = await manager.from('review_decisions').insert({ review_id: reviewId, description: 'Tarde' });
		expect(decision.error?.code).toBe('42501');
	});
});

describe('aggregate functions', () => {
	it("show an account manager only their own clients' figures", async () => {
		const theirs = await createClientRow(db, demoStaff.otherAccountManager.id);
		const due = dayInQuarter(-1, 10).slice(0, 10);
		await createContract(db, theirs, { due, delivered: `${due}T08:00:00Z`, conformity: 'accepted' });
		const start = quarterStart(-1);
		const label = `${start.slice(0, 4)}-Q${(Number(start.slice(5, 7)) + 2) / 3}`;
		const lastQuarter = (figures: { quarters: { indicator: string; quarter: string }[] }) =>
			figures.quarters.find((q) => q.indicator === 'cct' && q.quarter === label);

		const owner = await otherAccountManager.rpc('dashboard_aggregates', { p_filters: { client: theirs } });
		expect(owner.error).toBeNull();
		expect(lastQuarter(owner.data as never)).toMatchObject({ n: 1, successes: 1 });

		const stranger = await accountManager.rpc('dashboard_aggregates', { p_filters: { client: theirs } });
		expect(stranger.error).toBeNull();
		expect(lastQuarter(stranger.data as never)).toMatchObject({ n: 0, status: 'no_data' });
		expect((stranger.data as { scope: { clients: number } }).scope.clients).toBe(0);

		const agentView = await agent.rpc('dashboard_aggregates', { p_filters: {} });
		expect((agentView.data as { quarters: { n: number }[] }).quarters.every((q) => q.n === 0)).toBe(true);
	});

	it('refuse a malformed filter with a clear message and no stack', async () => {
		const bad = await manager.rpc('dashboard_aggregates', { p_filters: { quarters: 40 } });
		expect(bad.error?.code).toBe('22023');
		expect(bad.error?.message).toBe('invalid dashboard filter');
	});

	it('are not callable by anon', async () => {
		const { anonClient } = await import('../env.ts');
		const anon = await anonClient().rpc('dashboard_aggregates', { p_filters: {} });
		expect(anon.error?.code).toBe('42501');
	});
});
