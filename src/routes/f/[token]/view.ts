// Which form a link shows: the one asked for with ?as=, if the link offers it; else the survey,
// else the only form offered, else a choice between them.
import type { FeedbackPage } from '$lib/feedback/rpc-types';

export type View = 'survey' | 'complaint' | 'suggestion' | 'choice';

export function chooseView(page: FeedbackPage, asked: string | null): View {
	const offered = {
		survey: page.survey !== null,
		complaint: page.invitation.offersComplaint,
		suggestion: page.invitation.offersSuggestion
	};
	if ((asked === 'survey' || asked === 'complaint' || asked === 'suggestion') && offered[asked]) return asked;
	if (offered.survey) return 'survey';
	if (offered.complaint !== offered.suggestion) return offered.complaint ? 'complaint' : 'suggestion';
	return 'choice';
}
