// /f/<token>: the page a link or QR code opens. Anon all the way: every read and write is an RPC
// that checks the token again in SQL.
import { markPrivate } from '$lib/server/feedback/private-page';
import { limitPageLoads } from '$lib/server/feedback/page-load-limit';
import { refuseOversizeBody } from '$lib/server/feedback/body-limit';
import { fetchFeedbackPage, refuse, type FeedbackPageAnswer } from './feedback-page.server';
import { emptyItemForm, emptySurveyForm } from './forms.server';
import { rememberSurvey } from './survey-of-link.server';
import { recentPage, rememberPage } from './recent-page.server';
import { submitSurvey } from './submit-survey.server';
import { submitItem } from './submit-item.server';
import { chooseView } from './view';
import type { Actions, PageServerLoad } from './$types';

// No framework in the browser: the page is complete as HTML, and a few hundred bytes of its own script
// (enhance-forms.js) give the submit without a reload. Hydrating Svelte, SvelteKit and superforms here cost
// about 65 KB gzip of JavaScript for that alone (see README, Benchmarks).
export const csr = false;

export const load: PageServerLoad = async (event) => {
	markPrivate(event);
	limitPageLoads(event);
	// After a no-JavaScript submission the page is drawn again; what the link offered a moment ago will do.
	const kept = event.request.method === 'POST' ? recentPage(event.params.token) : null;
	const link: FeedbackPageAnswer = kept ? { page: kept } : await fetchFeedbackPage(event);
	if (link.problem) {
		// After a no-JavaScript submission the page renders again: a single-use link is used up by
		// now, and the action's confirmation must still show instead of "already answered".
		if (event.request.method === 'POST') return { problem: link.problem };
		refuse(link.problem);
	}
	const { page } = link;
	const view = chooseView(page, event.url.searchParams.get('as'));
	if (page.survey) rememberSurvey(event.params.token, page.survey.definition);
	rememberPage(event.params.token, page);
	return {
		view,
		invitation: page.invitation,
		survey: page.survey,
		surveyUnavailable: page.surveyUnavailable,
		offersMore: [page.survey !== null, page.invitation.offersComplaint, page.invitation.offersSuggestion].filter(Boolean).length > 1,
		contracts: page.contracts,
		surveyForm: view === 'survey' && page.survey ? await emptySurveyForm(page.survey.definition) : null,
		itemForm:
			view === 'complaint' || view === 'suggestion' ? await emptyItemForm(view, view === 'complaint' ? page.contract?.id : undefined) : null
	};
};

export const actions: Actions = {
	survey: async (event) => {
		markPrivate(event);
		refuseOversizeBody(event);
		return submitSurvey(event);
	},
	complaint: async (event) => {
		markPrivate(event);
		refuseOversizeBody(event);
		return submitItem(event, 'complaint');
	},
	suggestion: async (event) => {
		markPrivate(event);
		refuseOversizeBody(event);
		return submitItem(event, 'suggestion');
	}
};
