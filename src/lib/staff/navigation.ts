// The staff portal's menu: every role sees what it may open, nothing else.
import { m } from '$lib/paraglide/messages.js';
import type { StaffRole } from './roles.ts';

export interface NavLink {
	href: string;
	label: () => string;
	roles: readonly StaffRole[] | 'all';
	/** Administration links share one entry of the desktop row (a disclosure); the phone menu lists them all. */
	group?: 'admin';
}

const LINKS: NavLink[] = [
	{ href: '/staff', label: m.staff_nav_home, roles: 'all' },
	{ href: '/staff/inbox', label: m.tr_nav_inbox, roles: 'all' },
	{ href: '/staff/actions', label: m.ac_nav_actions, roles: 'all' },
	{ href: '/staff/dashboard', label: m.ind_nav_dashboard, roles: ['account_manager', 'quality', 'manager', 'admin'] },
	{ href: '/staff/reviews', label: m.staff_nav_reviews, roles: ['quality', 'manager', 'admin'] },
	{ href: '/staff/clients', label: m.staff_nav_clients, roles: 'all' },
	{ href: '/staff/contracts', label: m.staff_nav_contracts, roles: 'all' },
	{ href: '/staff/requirements', label: m.staff_nav_requirements, roles: 'all' },
	{ href: '/staff/surveys', label: m.sv_nav_surveys, roles: 'all' },
	{ href: '/staff/invitations', label: m.sv_nav_invitations, roles: 'all' },
	{ href: '/staff/audit', label: m.tr_nav_audit, roles: ['admin', 'quality'] },
	{ href: '/staff/notifications', label: m.nt_nav_notifications, roles: 'all' },
	{ href: '/staff/admin/staff', label: m.staff_nav_staff, roles: ['admin'], group: 'admin' },
	{ href: '/staff/admin/triage', label: m.staff_nav_deadlines, roles: ['admin'], group: 'admin' },
	{ href: '/staff/admin/outbox', label: m.nt_nav_outbox, roles: ['admin'], group: 'admin' },
	{ href: '/staff/admin/webhooks', label: m.nt_nav_webhooks, roles: ['admin'], group: 'admin' }
];

export function staffNavigation(role: StaffRole): NavLink[] {
	return LINKS.filter((link) => link.roles === 'all' || link.roles.includes(role));
}

/** The menu entry the path belongs to: the longest link that is the path or a folder above it ('/staff' only itself). */
export function currentSection(links: readonly Pick<NavLink, 'href'>[], pathname: string): string | undefined {
	const path = pathname.replace(/\/+$/, '') || '/';
	let best: string | undefined;
	for (const { href } of [...links, { href: '/staff/profile' }]) {
		const within = path === href || (href !== '/staff' && path.startsWith(`${href}/`));
		if (within && (!best || href.length > best.length)) best = href;
	}
	return best;
}
