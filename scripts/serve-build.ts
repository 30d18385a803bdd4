// Serves the production build (scripts/serve.ts around adapter-node's handler) for `npm start` and `npm run demo`: on a port
// that is really free, reporting the URL only once that server answers. Imports nothing from the embedded
// stack, so it runs on a production install (`npm ci --omit=dev`).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { firstFreePortFrom, portIsFree } from '../supabase/local/ports.ts';

export const SUPABASE_VARS = ['PUBLIC_SUPABASE_URL', 'PUBLIC_SUPABASE_ANON_KEY', 'SUPABASE_SERVICE_ROLE_KEY'] as const;

export function missingSupabaseVars(env: NodeJS.ProcessEnv = process.env): string[] {
	return SUPABASE_VARS.filter((name) => !env[name]);
}

export interface PortChoice {
	/** Used when PORT is unset. */
	preferred: number;
	/** Where the server will listen; the check must bind the same address. */
	host: string;
	/** When PORT is unset, move on to the next free port instead of refusing (demo and dev do, start does not). */
	moveOnWhenTaken: boolean;
}

/** PORT when set (refused by name when taken), else `preferred` or the next free one. */
export async function choosePort({ preferred, host, moveOnWhenTaken }: PortChoice, env: NodeJS.ProcessEnv = process.env): Promise<number> {
	const given = env.PORT ? Number(env.PORT) : null;
	if (given !== null && !(Number.isInteger(given) && given > 0 && given < 65536)) throw new Error(`PORT=${env.PORT} is not a port number.`);
	if (given === null && moveOnWhenTaken) return firstFreePortFrom(preferred, host);
	const port = given ?? preferred;
	if (!(await portIsFree(port, host))) {
		throw new Error(`Port ${port} is already in use on ${host} (another server is listening there): stop it, or set PORT to a free port.`);
	}
	return port;
}

/** Resolves once `url` answers HTTP at all; rejects if the child exits first. */
export async function waitUntilAnswering(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null || child.signalCode !== null)
			throw new Error(`The app server exited (${child.exitCode ?? child.signalCode}) before answering.`);
		const answered = await fetch(url, { redirect: 'manual' }).then(
			() => true,
			() => false
		);
		if (answered) return;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`${url} did not answer within ${timeoutMs / 1000} s.`);
}

export interface ServedApp {
	child: ChildProcess;
	/** The server that actually listens. */
	appUrl: string;
	/** Where links and QR codes point (PUBLIC_SITE_URL, else appUrl). */
	siteUrl: string;
}

/**
 * Node flags of the production server. V8 sizes its heap from the machine's memory and lets it grow lazily:
 * on a 24 GB machine the server reached 540 MB resident under 256 submissions a second, with a live heap
 * under 192 MB (the same load ran at the same rate with that cap, 305 MB resident). A 256 MB old space keeps
 * it well inside a 512 MB container; NODE_OPTIONS with its own --max-old-space-size takes precedence.
 */
export const SERVER_NODE_FLAGS = /--max-old-space-size/.test(process.env.NODE_OPTIONS ?? '') ? [] : ['--max-old-space-size=256'];

/** Starts scripts/serve.ts with `env` added to this process's environment; resolves when it answers. */
export async function serveBuild(env: Record<string, string>, moveOnWhenTaken: boolean): Promise<ServedApp> {
	if (!existsSync(fileURLToPath(new URL('../build/handler.js', import.meta.url))))
		throw new Error('No production build: run `npm run build` first.');
	// serve.ts puts the security headers on every response, including those hooks.server.ts never sees.
	const entry = fileURLToPath(new URL('./serve.ts', import.meta.url));
	const host = process.env.HOST ?? '0.0.0.0';
	const port = await choosePort({ preferred: 3000, host, moveOnWhenTaken });
	const appUrl = `http://localhost:${port}`;
	const siteUrl = process.env.PUBLIC_SITE_URL ?? appUrl;
	const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, entry], {
		stdio: 'inherit',
		env: { ...process.env, ...env, PORT: String(port), HOST: host, ORIGIN: process.env.ORIGIN ?? siteUrl, PUBLIC_SITE_URL: siteUrl }
	});
	try {
		await waitUntilAnswering(appUrl, child);
	} catch (error) {
		child.kill('SIGTERM');
		throw error;
	}
	return { child, appUrl, siteUrl };
}

/** Forwards Ctrl-C and SIGTERM to the app, runs `cleanup`, and exits with the app's code. */
export function stopTogether(child: ChildProcess, cleanup: () => Promise<void> = async () => {}) {
	let stopping = false;
	const shutdown = async (code: number) => {
		if (stopping) return;
		stopping = true;
		if (child.exitCode === null && child.signalCode === null) {
			child.kill('SIGTERM');
			await new Promise((resolve) => child.once('exit', resolve));
		}
		await cleanup();
		process.exit(code);
	};
	process.on('SIGINT', () => void shutdown(0));
	process.on('SIGTERM', () => void shutdown(0));
	child.on('exit', (code) => void shutdown(code ?? 0));
}
