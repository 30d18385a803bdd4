// Routes that say what this server is: GET /health, GET /settings, and the signup it refuses.
import { unprocessable } from './errors.ts';
import { ok, type Handler } from './context.ts';

export const health: Handler = async () =>
	ok({ version: 'local', name: 'GoTrue', description: 'Local stand-in for Supabase Auth (GoTrue)' });

// Mirrors supabase/config.toml: email/password only, signups off, no confirmation emails.
export const settings: Handler = async () =>
	ok({
		external: { anonymous_users: false, email: true, phone: false },
		disable_signup: true,
		mailer_autoconfirm: false,
		phone_autoconfirm: false,
		sms_provider: '',
		saml_enabled: false
	});

// enable_signup = false in config.toml: accounts are made by staff through the admin API.
export const signup: Handler = async () => {
	throw unprocessable('signup_disabled', 'Signups not allowed for this instance');
};
