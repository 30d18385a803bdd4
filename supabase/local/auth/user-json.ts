// auth.users rows and the user JSON GoTrue returns for them (models/user.go).
export interface UserRow {
	id: string;
	aud: string | null;
	role: string | null;
	email: string | null;
	encrypted_password: string | null;
	email_confirmed_at: Date | null;
	phone: string | null;
	phone_confirmed_at: Date | null;
	confirmed_at: Date | null;
	invited_at: Date | null;
	confirmation_sent_at: Date | null;
	recovery_sent_at: Date | null;
	last_sign_in_at: Date | null;
	raw_app_meta_data: Record<string, unknown> | null;
	raw_user_meta_data: Record<string, unknown> | null;
	created_at: Date | null;
	updated_at: Date | null;
	banned_until: Date | null;
	is_anonymous: boolean;
}

export const USER_COLUMNS = `id, aud, role, email, encrypted_password, email_confirmed_at, phone,
	phone_confirmed_at, confirmed_at, invited_at, confirmation_sent_at, recovery_sent_at, last_sign_in_at,
	raw_app_meta_data, raw_user_meta_data, created_at, updated_at, banned_until, is_anonymous`;

export const isBanned = (user: UserRow) => user.banned_until !== null && user.banned_until.getTime() > Date.now();

/** The role the user's access tokens carry; rows inserted by hand may leave it empty. */
export const roleOf = (user: UserRow) => user.role || 'authenticated';

const iso = (value: Date | null) => (value ? value.toISOString() : undefined);

// Rows have no auth.identities table behind them: every email user gets one
// email identity, shaped as GoTrue returns it, so code reading identities works.
function emailIdentities(user: UserRow) {
	if (!user.email) return [];
	return [
		{
			identity_id: user.id,
			id: user.id,
			user_id: user.id,
			identity_data: { email: user.email, email_verified: Boolean(user.email_confirmed_at), phone_verified: false, sub: user.id },
			provider: 'email',
			last_sign_in_at: iso(user.last_sign_in_at),
			created_at: iso(user.created_at),
			updated_at: iso(user.updated_at),
			email: user.email
		}
	];
}

/** GoTrue leaves unset timestamps out of the JSON (omitempty); JSON.stringify drops the undefined ones. */
export function userJson(user: UserRow) {
	return {
		id: user.id,
		aud: user.aud ?? 'authenticated',
		role: roleOf(user),
		email: user.email ?? '',
		email_confirmed_at: iso(user.email_confirmed_at),
		phone: user.phone ?? '',
		phone_confirmed_at: iso(user.phone_confirmed_at),
		confirmation_sent_at: iso(user.confirmation_sent_at),
		confirmed_at: iso(user.confirmed_at),
		recovery_sent_at: iso(user.recovery_sent_at),
		invited_at: iso(user.invited_at),
		last_sign_in_at: iso(user.last_sign_in_at),
		app_metadata: user.raw_app_meta_data ?? {},
		user_metadata: user.raw_user_meta_data ?? {},
		identities: emailIdentities(user),
		created_at: iso(user.created_at),
		updated_at: iso(user.updated_at),
		banned_until: iso(user.banned_until),
		is_anonymous: user.is_anonymous
	};
}
