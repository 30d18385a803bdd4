// The deadline clocks with a fixed clock: business hours of the default calendar (Europe/Madrid,
// Monday to Friday 09:00-18:00, national holidays), a weekend, a holiday and a waiting_client pause.
// Instants are written in Madrid time (+01:00 in early March, +02:00 from 29 March 2026).
import { describe, it, expect } from 'vitest';
import { clocks, insertItem, logMessage, logStatus, sql } from './fixtures.ts';

const at = (iso: string) => new Date(iso).toISOString();

describe('first response clock', () => {
	it('runs over a weekend in business hours only: Friday 17:00 + one working day is Monday 17:00', async () => {
		const item = await insertItem({ priority: 'normal', createdAt: '2026-03-06T17:00:00+01:00' });
		const monday = await clocks(item, '2026-03-09T10:00:00+01:00');
		expect(monday.first_response).toMatchObject({
			state: 'on_time',
			target_minutes: 540,
			elapsed_minutes: '120.00',
			remaining_minutes: '420.00'
		});
		expect(monday.first_response.due_at?.toISOString()).toBe(at('2026-03-09T17:00:00+01:00'));
		// Saturday counts nothing.
		const saturday = await clocks(item, '2026-03-07T12:00:00+01:00');
		expect(saturday.first_response.elapsed_minutes).toBe('60.00');
	});

	it('is due soon within a quarter of the target (at most two hours), then overdue, and says when it breached', async () => {
		const item = await insertItem({ priority: 'normal', createdAt: '2026-03-02T09:00:00+01:00' });
		expect((await clocks(item, '2026-03-02T15:59:00+01:00')).first_response.state).toBe('on_time');
		expect((await clocks(item, '2026-03-02T16:30:00+01:00')).first_response.state).toBe('due_soon');
		const late = await clocks(item, '2026-03-03T10:00:00+01:00');
		expect(late.first_response).toMatchObject({ state: 'overdue', elapsed_minutes: '600.00' });
		expect(late.first_response.breached_at?.toISOString()).toBe(at('2026-03-02T18:00:00+01:00'));
		const [{ state }] = await sql<{ state: string }>('select public.feedback_item_deadline_state($1, $2) as state', [
			item,
			'2026-03-03T10:00:00+01:00'
		]);
		expect(state).toBe('overdue');
	});

	it('stops at the first public reply; an internal note does not count', async () => {
		const item = await insertItem({ priority: 'urgent', createdAt: '2026-03-02T09:00:00+01:00' });
		await logMessage(item, false, '2026-03-02T10:00:00+01:00');
		expect((await clocks(item, '2026-03-02T11:00:00+01:00')).first_response.state).toBe('on_time');
		await logMessage(item, true, '2026-03-02T14:00:00+01:00');
		const after = await clocks(item, '2026-03-02T17:00:00+01:00');
		expect(after.first_response).toMatchObject({ state: 'breached', elapsed_minutes: '300.00' });
		expect(after.first_response.stopped_at?.toISOString()).toBe(at('2026-03-02T14:00:00+01:00'));
		expect(after.first_response.breached_at?.toISOString()).toBe(at('2026-03-02T13:00:00+01:00'));
	});
});

describe('resolution clock', () => {
	it('skips a holiday: urgent (one working day) from Thursday 15:00 before Good Friday is Monday 15:00', async () => {
		const item = await insertItem({ priority: 'urgent', createdAt: '2026-04-02T15:00:00+02:00' });
		const { resolution } = await clocks(item, '2026-04-03T12:00:00+02:00');
		expect(resolution).toMatchObject({ state: 'on_time', elapsed_minutes: '180.00', remaining_minutes: '360.00' });
		expect(resolution.due_at?.toISOString()).toBe(at('2026-04-06T15:00:00+02:00'));
	});

	it('pauses while waiting for the client and reports the paused time', async () => {
		const item = await insertItem({ priority: 'high', createdAt: '2026-03-02T09:00:00+01:00' });
		await logStatus(item, 'new', 'triaged', '2026-03-02T09:30:00+01:00');
		await logMessage(item, true, '2026-03-02T10:00:00+01:00');
		await logStatus(item, 'triaged', 'in_progress', '2026-03-02T10:30:00+01:00');
		await logStatus(item, 'in_progress', 'waiting_client', '2026-03-02T12:00:00+01:00');
		const waiting = await clocks(item, '2026-03-03T12:00:00+01:00');
		expect(waiting.resolution).toMatchObject({ state: 'paused', elapsed_minutes: '180.00', paused_minutes: '540.00', due_at: null });
		expect(waiting.first_response).toMatchObject({ state: 'met', elapsed_minutes: '60.00', paused_minutes: '0.00' });

		await logStatus(item, 'waiting_client', 'in_progress', '2026-03-04T12:00:00+01:00');
		const { resolution } = await clocks(item, '2026-03-05T10:00:00+01:00');
		// 3 h before the pause, 6 h on Wednesday afternoon, 1 h on Thursday; paused 6 + 9 + 3 h.
		expect(resolution).toMatchObject({
			state: 'on_time',
			elapsed_minutes: '600.00',
			paused_minutes: '1080.00',
			remaining_minutes: '1020.00'
		});
		expect(resolution.due_at?.toISOString()).toBe(at('2026-03-06T18:00:00+01:00'));
	});

	it('stops on resolution and runs again after a reopen, the resolved time counted as paused', async () => {
		const item = await insertItem({ priority: 'urgent', createdAt: '2026-03-02T09:00:00+01:00' });
		await logStatus(item, 'new', 'triaged', '2026-03-02T09:00:00+01:00');
		await logStatus(item, 'triaged', 'in_progress', '2026-03-02T09:00:00+01:00');
		await logStatus(item, 'in_progress', 'resolved', '2026-03-02T11:00:00+01:00');
		const resolved = await clocks(item, '2026-03-02T16:00:00+01:00');
		expect(resolved.resolution).toMatchObject({ state: 'met', elapsed_minutes: '120.00' });
		await logStatus(item, 'resolved', 'in_progress', '2026-03-02T13:00:00+01:00');
		const reopened = await clocks(item, '2026-03-02T14:00:00+01:00');
		expect(reopened.resolution).toMatchObject({ state: 'on_time', elapsed_minutes: '180.00', paused_minutes: '120.00', stopped_at: null });
	});
});

describe('changing a target', () => {
	it('recomputes the explanation and the cached due date of open items', async () => {
		const item = await insertItem({ priority: 'low', createdAt: '2026-03-02T09:00:00+01:00' });
		const cached = async () =>
			(
				await sql<{ due: Date }>('select sla_first_response_due_at as due from public.feedback_items where id = $1', [item])
			)[0].due.toISOString();
		// Low: three working days, so Wednesday 18:00 (overdue today, so the cache holds the breach instant).
		expect(await cached()).toBe(at('2026-03-04T18:00:00+01:00'));
		try {
			await sql("update public.sla_targets set first_response_minutes = 600 where priority = 'low'");
			expect((await clocks(item, '2026-03-02T12:00:00+01:00')).first_response.target_minutes).toBe(600);
			expect(await cached()).toBe(at('2026-03-03T10:00:00+01:00'));
		} finally {
			await sql("update public.sla_targets set first_response_minutes = 1620 where priority = 'low'");
		}
		expect(await cached()).toBe(at('2026-03-04T18:00:00+01:00'));
	});
});

describe('what a settings change recomputes', () => {
	// An overdue high item from June 2025 (no other test's dates): resolution (three working days) breached on
	// Wednesday 18:00. Its cache is then spoilt by hand, so a refresh shows as the spoilt value being put right.
	async function spoiltItem(): Promise<{ item: string; cached: () => Promise<string> }> {
		const item = await insertItem({ priority: 'high', createdAt: '2025-06-09T09:00:00+02:00' });
		await sql(`update public.feedback_items set sla_resolution_due_at = '2000-01-01T00:00:00Z' where id = $1`, [item]);
		const cached = async () =>
			(
				await sql<{ due: Date }>('select sla_resolution_due_at as due from public.feedback_items where id = $1', [item])
			)[0].due.toISOString();
		return { item, cached };
	}

	it('a holiday its clock can cross recomputes the item; a holiday after all its dates does not', async () => {
		const { cached } = await spoiltItem();
		try {
			await sql(`insert into public.business_holidays (holiday_date, name) values ('2099-06-10', 'Lejano')`);
			expect(await cached()).toBe(at('2000-01-01T00:00:00Z'));
			await sql(`insert into public.business_holidays (holiday_date, name) values ('2025-06-10', 'Prueba de plazos')`);
			expect(await cached()).toBe(at('2025-06-12T18:00:00+02:00'));
			// Renaming moves nothing; removing the day moves the breach back to Wednesday.
			await sql(`update public.business_holidays set name = 'Otro nombre' where holiday_date = '2025-06-10'`);
			await sql(`delete from public.business_holidays where holiday_date = '2025-06-10'`);
			expect(await cached()).toBe(at('2025-06-11T18:00:00+02:00'));
		} finally {
			await sql(`delete from public.business_holidays where holiday_date in ('2025-06-10', '2099-06-10')`);
		}
	});

	it('a target recomputes the items of its priority only', async () => {
		const { cached } = await spoiltItem();
		const [{ minutes }] = await sql<{ minutes: number }>(
			"select resolution_minutes as minutes from public.sla_targets where priority = 'low'"
		);
		// Low resolution one minute longer and back (no other test reads low resolution deadlines): the high item keeps its value.
		await sql("update public.sla_targets set resolution_minutes = $1 where priority = 'low'", [minutes + 1]);
		await sql("update public.sla_targets set resolution_minutes = $1 where priority = 'low'", [minutes]);
		expect(await cached()).toBe(at('2000-01-01T00:00:00Z'));
		// The same high target written again changes nothing either; the calendar recomputes everyone.
		await sql("update public.sla_targets set resolution_minutes = resolution_minutes where priority = 'high'");
		expect(await cached()).toBe(at('2000-01-01T00:00:00Z'));
		await sql('update public.business_calendar set day_ends_at = day_ends_at where id = 1');
		expect(await cached()).toBe(at('2025-06-11T18:00:00+02:00'));
	});
});
