import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalesce } from '../../src/lib/indicators/coalesce.ts';

describe('coalesce', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('answers a burst of 100 notices with one run, and a notice after it started with one more a window later', async () => {
		const run = vi.fn(async () => {});
		const refetch = coalesce(run, 1000);
		for (let i = 0; i < 100; i++) refetch.notify();
		await vi.advanceTimersByTimeAsync(0);
		expect(run).toHaveBeenCalledTimes(1);
		for (let i = 0; i < 100; i++) refetch.notify();
		await vi.advanceTimersByTimeAsync(999);
		expect(run).toHaveBeenCalledTimes(1);
		await vi.advanceTimersByTimeAsync(1);
		expect(run).toHaveBeenCalledTimes(2);
		await vi.advanceTimersByTimeAsync(5000);
		expect(run).toHaveBeenCalledTimes(2);
	});

	it('runs at most once a window under a steady stream, and never two at once', async () => {
		let active = 0;
		let overlapped = false;
		const run = vi.fn(async () => {
			active++;
			if (active > 1) overlapped = true;
			await new Promise((resolve) => setTimeout(resolve, 300));
			active--;
		});
		const refetch = coalesce(run, 1000);
		for (let ms = 0; ms < 10_000; ms += 20) {
			refetch.notify();
			await vi.advanceTimersByTimeAsync(20);
		}
		await vi.advanceTimersByTimeAsync(2000);
		expect(run.mock.calls.length).toBeGreaterThanOrEqual(9);
		expect(run.mock.calls.length).toBeLessThanOrEqual(11);
		expect(overlapped).toBe(false);
	});

	it('stops', async () => {
		const run = vi.fn(async () => {});
		const refetch = coalesce(run, 1000);
		refetch.notify();
		refetch.notify();
		await vi.advanceTimersByTimeAsync(0);
		refetch.stop();
		await vi.advanceTimersByTimeAsync(5000);
		expect(run).toHaveBeenCalledTimes(1);
	});
});
