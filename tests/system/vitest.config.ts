// The system suite: tests against the production build (`npm run build` first) on stacks of their own,
// run by tests/run.ts after the build. Alone: `npx vitest run --config tests/system/vitest.config.ts`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		name: 'system',
		root: new URL('../..', import.meta.url).pathname,
		include: ['tests/system/**/*.test.ts'],
		environment: 'node',
		// Each file starts its own stack and app; one at a time on a shared 2-core machine.
		fileParallelism: false,
		testTimeout: 240_000,
		hookTimeout: 120_000
	}
});
