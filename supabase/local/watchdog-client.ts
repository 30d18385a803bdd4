// Starts the watchdog beside the stack and tells it which pids to clean up.
import { fork, type ChildProcess } from 'node:child_process';

export interface Watchdog {
	watch(pid: number): void;
	forget(pid: number): void;
	release(): void;
}

export function startWatchdog(): Watchdog {
	const child: ChildProcess = fork(new URL('./watchdog.ts', import.meta.url), [], {
		detached: true,
		stdio: ['ignore', 'ignore', 'ignore', 'ipc']
	});
	child.unref();
	child.channel?.unref();
	const send = (message: object) => {
		if (child.connected) child.send(message);
	};
	return {
		watch: (pid) => send({ add: pid }),
		forget: (pid) => send({ remove: pid }),
		release: () => {
			send({ done: true });
			if (child.connected) child.disconnect();
		}
	};
}
