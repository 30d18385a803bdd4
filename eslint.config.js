// ESLint flat config: typescript-eslint's recommended rules for TypeScript, eslint-plugin-svelte's for components.
// Formatting is Prettier's job (eslint-config-prettier turns off the rules that would fight it).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{
		ignores: ['build/', '.svelte-kit/', '.data/', 'src/lib/paraglide/', 'test-results/', 'playwright-report/', 'bench/results/']
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// Links are root-relative and the app has no `paths.base`, so resolve() would only add noise.
			'svelte/no-navigation-without-resolve': 'off',
			// A leading underscore, or a rest sibling (`const { id, ...fields } = row`), marks a value dropped on purpose.
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }
			]
		}
	},
	{
		// The Realtime protocol tests pick apart untyped Phoenix frames and change payloads.
		files: ['tests/integration/realtime-*.ts'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' }
	},
	{
		// CommonJS on purpose (scripts/check-node.cjs must run on any Node).
		files: ['**/*.cjs'],
		languageOptions: { sourceType: 'commonjs' },
		rules: { '@typescript-eslint/no-require-imports': 'off' }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: { extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig }
		}
	}
);
