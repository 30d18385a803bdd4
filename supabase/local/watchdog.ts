// Kills the stack's child processes when the stack's own process dies without
// stopping them (SIGKILL, a crashed test run), so no postgres or postgrest is orphaned.
// Runs detached; the parent reports child pids over IPC and says "done" on a clean stop.
const children = new Set<number>();
let cleanStop = false;

process.on('message', (message: { add?: number; remove?: number; done?: boolean }) => {
	if (message.add) children.add(message.add);
	if (message.remove) children.delete(message.remove);
	if (message.done) cleanStop = true;
});

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

// The IPC channel closes when the parent exits, however it exits.
process.on('disconnect', async () => {
	if (cleanStop) process.exit(0);
	// SIGINT is PostgreSQL's fast shutdown and PostgREST's normal stop.
	for (const pid of children) if (alive(pid)) process.kill(pid, 'SIGINT');
	const deadline = Date.now() + 5000;
	while ([...children].some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
	for (const pid of children) if (alive(pid)) process.kill(pid, 'SIGKILL');
	process.exit(0);
});
