// One invitation as the staff form sends it. The database checks the same rules again (constraints on survey_invitations).
import { z } from 'zod';

const optionalId = z.union([z.uuid({ error: 'invalid' }), z.literal('')]).default('');

export const invitationSchema = z
	.object({
		kind: z.enum(['personal', 'campaign'], { error: 'invalid' }).default('personal'),
		surveyId: optionalId,
		offersComplaint: z.boolean().default(false),
		offersSuggestion: z.boolean().default(false),
		clientId: optionalId,
		contractId: optionalId,
		maxUses: z.int({ error: 'invalid' }).min(1, 'invalid').max(1_000_000, 'invalid').optional(),
		expiresOn: z.union([z.iso.date({ error: 'invalid' }), z.literal('')]).default(''),
		label: z.string().trim().max(200, 'too_long').default('')
	})
	.superRefine((value, ctx) => {
		if (!value.surveyId && !value.offersComplaint && !value.offersSuggestion) {
			ctx.addIssue({ code: 'custom', message: 'nothing_offered', path: ['surveyId'] });
		}
		// A contract names its client, so either one identifies who a personal link is for.
		if (value.kind === 'personal' && !value.clientId && !value.contractId) {
			ctx.addIssue({ code: 'custom', message: 'client_required', path: ['clientId'] });
		}
	});

export type InvitationForm = z.infer<typeof invitationSchema>;

/** The end of the chosen day, so a link "valid until the 31st" still works on the 31st. */
export function expiresAt(expiresOn: string): string | null {
	return expiresOn ? `${expiresOn}T23:59:59Z` : null;
}
