// The supervisor's restart policy, with a stand-in service whose deaths and failed starts the test decides.
import { describe, it, expect } from 'vitest';
import { supervise, type ServiceSpec } from '../../../supabase/local/supervisor.ts';

interface Fake {
	id: number;
	die(reason: string): void;
	died: Promise<string>;
}

function fakeService(failingStarts: number) {
	let made = 0;
	let failuresLeft = failingStarts;
	const instances: Fake[] = [];
	const make = (): Fake => {
		let die: (reason: string) => void = () => {};
		const died = new Promise<string>((resolve) => (die = resolve));
		const fake = { id: ++made, die, died };
		instances.push(fake);
		return fake;
	};
	const spec: ServiceSpec<Fake> = {
		name: 'Fake',
		start: async () => {
			if (failuresLeft > 0) {
				failuresLeft--;
				throw new Error('port in use');
			}
			return make();
		},
		stop: async () => {},
		died: (fake) => fake.died
	};
	return { spec, first: make(), instances };
}

const until = async (check: () => boolean) => {
	while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('supervisor', () => {
	it('restarts a dead service, says why, and doubles the wait while starts keep failing', async () => {
		const { spec, first, instances } = fakeService(3);
		const lines: string[] = [];
		const supervised = supervise(spec, first, (line) => lines.push(line), { backoff: { firstMs: 10, maxMs: 60, stableMs: 10_000 } });
		first.die('killed by SIGKILL');
		await until(() => instances.length === 2);
		expect(lines).toEqual([
			'[supervisor] Fake died (killed by SIGKILL); restarting in 10 ms',
			'[supervisor] Fake did not start: port in use; next try in 20 ms',
			'[supervisor] Fake did not start: port in use; next try in 40 ms',
			'[supervisor] Fake did not start: port in use; next try in 60 ms',
			'[supervisor] Fake is running again (restart 4)'
		]);
		expect(supervised.current()).toBe(instances[1]);
		await supervised.stop();
	});

	it('waits longer each time a service dies again soon after a restart', async () => {
		const { spec, first, instances } = fakeService(0);
		const lines: string[] = [];
		const supervised = supervise(spec, first, (line) => lines.push(line), { backoff: { firstMs: 5, maxMs: 100, stableMs: 10_000 } });
		for (let death = 0; death < 3; death++) {
			instances[death].die(`exited with code ${death + 1}`);
			await until(() => instances.length === death + 2);
		}
		expect(lines.filter((line) => line.includes('died'))).toEqual([
			'[supervisor] Fake died (exited with code 1); restarting in 5 ms',
			'[supervisor] Fake died (exited with code 2); restarting in 10 ms',
			'[supervisor] Fake died (exited with code 3); restarting in 20 ms'
		]);
		await supervised.stop();
	});

	it('leaves a service it was told to stop alone until it is resumed', async () => {
		const { spec, first, instances } = fakeService(0);
		const supervised = supervise(spec, first, () => {}, { backoff: { firstMs: 5, maxMs: 5, stableMs: 10_000 } });
		await supervised.pause();
		first.die('exited with code 0');
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(instances).toHaveLength(1);
		await supervised.resume();
		expect(supervised.current()).toBe(instances[1]);
		await supervised.stop();
	});
});
