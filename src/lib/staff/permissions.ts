// What the UI offers each role. The database's RLS policies
// (supabase/migrations/20261128000100_staff_foundation.sql) are the gate;
// this mirrors them so nobody is shown a button that would be refused.
import type { StaffMember } from './roles.ts';

export interface OwnedByClient {
	/** The account manager of the client the record belongs to. */
	accountManagerId: string | null;
}

const isCommercialLead = (staff: StaffMember) => staff.role === 'manager' || staff.role === 'admin';
const managesIt = (staff: StaffMember, record: OwnedByClient) =>
	staff.role === 'account_manager' && record.accountManagerId === staff.userId;

export const can = {
	createClient: (staff: StaffMember) => isCommercialLead(staff),
	editClient: (staff: StaffMember, client: OwnedByClient) => isCommercialLead(staff) || managesIt(staff, client),
	/** Archiving hides a client from the lists and keeps its history: whoever may edit it (the same update policies). */
	archiveClient: (staff: StaffMember, client: OwnedByClient) => isCommercialLead(staff) || managesIt(staff, client),
	/** Handing a client to another account manager is a commercial decision. */
	assignAccountManager: (staff: StaffMember) => isCommercialLead(staff),
	/** Contracts and requirements follow the same rule. */
	createForClient: (staff: StaffMember, client: OwnedByClient) => isCommercialLead(staff) || managesIt(staff, client),
	editForClient: (staff: StaffMember, client: OwnedByClient) => isCommercialLead(staff) || managesIt(staff, client),
	delete: (staff: StaffMember) => staff.role === 'admin',
	manageStaff: (staff: StaffMember) => staff.role === 'admin',
	/** Dashboard and headline figures (account managers: their clients' only, by RLS in the aggregate functions). */
	seeIndicators: (staff: StaffMember) => staff.role !== 'agent',
	/** Management reviews (supabase/migrations/20261201002000_indicators.sql). */
	readReviews: (staff: StaffMember) => staff.role === 'manager' || staff.role === 'admin' || staff.role === 'quality',
	writeReviews: (staff: StaffMember) => isCommercialLead(staff),
	editTargets: (staff: StaffMember) => isCommercialLead(staff)
};
