// stack.start_ms: embedded stack from launch to ready, fresh data folder (initdb, bootstrap, migrations, seed).
import { startStack } from '../supabase/local/stack.ts';
import { makeTempDataDir, removeDataDir } from '../supabase/local/throwaway.ts';
import { median, type Figure } from './figure.ts';

const RUNS = 5;

export async function benchStackStart(): Promise<Figure[]> {
	const fresh: number[] = [];
	const warm: number[] = [];
	for (let run = 0; run < RUNS; run++) {
		const dataDir = await makeTempDataDir('feedback-bench');
		try {
			const first = await startStack({ dataDir, apiPort: 0, dbPort: 0 });
			fresh.push(first.startMs);
			await first.stop();
			const second = await startStack({ dataDir, apiPort: 0, dbPort: 0 });
			warm.push(second.startMs);
			await second.stop();
		} finally {
			await removeDataDir(dataDir);
		}
	}
	return [
		{
			name: 'stack.start_ms',
			value: Math.round(median(fresh)),
			unit: 'ms',
			target: 10_000,
			better: 'lower',
			note: `median of ${RUNS} starts on a fresh data folder`
		},
		{
			name: 'stack.restart_ms',
			value: Math.round(median(warm)),
			unit: 'ms',
			target: null,
			better: 'lower',
			note: `median of ${RUNS} starts on existing data`
		}
	];
}
