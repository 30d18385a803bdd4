// The public and staff RPCs of supabase/migrations/20261128000200_client_feedback.sql: argument objects
// (as supabase-js `rpc(name, args)` sends them) and the JSON each answers. Public RPCs never raise for
// bad input: they answer an outcome. Keys inside results are camelCase; p_item keys are snake_case
// because they are feedback_items columns.
import type { FieldErrors } from './field-errors.ts';
import type { FeedbackCategory, FeedbackItemInput, FeedbackKind } from './feedback-item.ts';
import type { Answers, SurveyDefinition } from './survey-definition.ts';
import type { Enums } from '$lib/database.types';

export const RPC_OUTCOMES = [
	'ok',
	/** The same submission token again: nothing new stored, the first confirmation returned. */
	'duplicate',
	'unknown_token',
	'expired',
	'revoked',
	/** A capped link (personal: one survey response by default) has no uses left; or the resolution was already rated. */
	'already_used',
	/** The invitation's survey is a draft or closed (and the link offers nothing else). */
	'survey_closed',
	/** Resolution feedback on an item that is not resolved (yet). */
	'not_resolved',
	/** A client message on an item that is no longer open. */
	'closed',
	/** Too many attempts this minute from this address or on this token. */
	'rate_limited',
	/** The payload broke a rule: see `errors`. */
	'invalid'
] as const;
export type RpcOutcome = (typeof RPC_OUTCOMES)[number];

export type InvitationKind = Enums<'invitation_kind'>;
export type SurveyStatus = Enums<'survey_status'>;
export type SurveyTriggerPoint = Enums<'survey_trigger_point'>;
export type FeedbackStatus = Enums<'feedback_status'>;
export type { FeedbackKind, FeedbackCategory };

/** ISO 8601 timestamp as Postgres renders timestamptz in JSON, e.g. 2026-11-28T10:15:00.123456+00:00. */
export type Timestamp = string;

export interface Refused<O extends RpcOutcome> {
	outcome: O;
}
export interface Invalid {
	outcome: 'invalid';
	/** Field (question id for answers; '_form' for the payload as a whole; 'submission' for p_submission) → code. */
	errors: FieldErrors;
}
type LinkRefusal = Refused<'unknown_token' | 'expired' | 'revoked' | 'already_used' | 'survey_closed'>;

// get_feedback_page -------------------------------------------------------------------------------

export interface GetFeedbackPageArgs {
	p_token: string;
}
export interface FeedbackPage {
	outcome: 'ok';
	invitation: {
		kind: InvitationKind;
		expiresAt: Timestamp | null;
		offersSurvey: boolean;
		offersComplaint: boolean;
		offersSuggestion: boolean;
	};
	/** Null when the link offers no survey, or its survey cannot be answered (see `surveyUnavailable`). */
	survey: { id: string; version: number; definition: SurveyDefinition } | null;
	/**
	 * Why the link's survey cannot be answered while the link still offers a complaint or suggestion
	 * (when it offers nothing else, the whole result is that outcome instead); null otherwise.
	 */
	surveyUnavailable: 'survey_closed' | 'already_used' | null;
	/** The contract a personal link is about, if any. */
	contract: { id: string; reference: string; title: string } | null;
	/** Contracts a complaint may name: those of the link's client (newest first, at most 50); empty without a client. */
	contracts: { id: string; reference: string; title: string }[];
}
export type GetFeedbackPageResult = FeedbackPage | LinkRefusal;

// submit_survey_response --------------------------------------------------------------------------

export interface SubmitSurveyResponseArgs {
	p_token: string;
	/** The hidden submission token rendered with the form (newSubmissionToken(); 22 to 128 base64url characters). */
	p_submission: string;
	p_answers: Answers;
	/** The client's IP address as the SvelteKit server saw it; counts toward the per-address limit. */
	p_client_address: string | null;
}
export interface SurveyResponseConfirmation {
	submittedAt: Timestamp;
}
export type SubmitSurveyResponseResult =
	{ outcome: 'ok' | 'duplicate'; confirmation: SurveyResponseConfirmation } | LinkRefusal | Refused<'rate_limited'> | Invalid;

// submit_feedback_item ----------------------------------------------------------------------------

export interface SubmitFeedbackItemArgs {
	p_token: string;
	/**
	 * Also the tracking token: /t/<p_submission> follows the item. Only its SHA-256 is stored.
	 * Render a separate one for each form on a page (survey, complaint, suggestion).
	 */
	p_submission: string;
	/** `locale`: the language the client used ('es' unless 'en'), which the item's e-mails are written in. */
	p_item: FeedbackItemInput & { locale?: 'es' | 'en' };
	p_client_address: string | null;
}
export interface FeedbackItemConfirmation {
	kind: FeedbackKind;
	/** Equals p_submission; the database keeps only its hash. */
	trackingToken: string;
	submittedAt: Timestamp;
}
export type SubmitFeedbackItemResult =
	| { outcome: 'ok' | 'duplicate'; confirmation: FeedbackItemConfirmation }
	/** Links cap survey responses only, so a used-up personal link still takes a complaint. */
	| Refused<'unknown_token' | 'expired' | 'revoked'>
	| Refused<'rate_limited'>
	| Invalid;

// get_tracking ------------------------------------------------------------------------------------

export interface GetTrackingArgs {
	p_tracking_token: string;
}
export interface TrackingPage {
	outcome: 'ok';
	item: {
		kind: FeedbackKind;
		category: FeedbackCategory;
		subject: string;
		description: string;
		status: FeedbackStatus;
		submittedAt: Timestamp;
		updatedAt: Timestamp;
		resolvedAt: Timestamp | null;
		/** The client's answer to "were you satisfied with the solution?", once given. */
		resolutionSatisfied: boolean | null;
		/** Resolved or closed after a resolution, and not answered yet. */
		canRateResolution: boolean;
		/** Open: the client may add a message. */
		canAddMessage: boolean;
	};
	/** Replies staff marked public and the client's own messages, oldest first; never internal notes, never who wrote them. */
	replies: { body: string; sentAt: Timestamp; fromClient: boolean }[];
}
export type GetTrackingResult = TrackingPage | Refused<'unknown_token'>;

// submit_resolution_feedback ----------------------------------------------------------------------

export interface SubmitResolutionFeedbackArgs {
	p_tracking_token: string;
	p_submission: string;
	p_satisfied: boolean;
	p_client_address: string | null;
}
export interface ResolutionFeedbackConfirmation {
	satisfied: boolean;
	submittedAt: Timestamp;
}
export type SubmitResolutionFeedbackResult =
	| { outcome: 'ok' | 'duplicate'; confirmation: ResolutionFeedbackConfirmation }
	| Refused<'unknown_token' | 'not_resolved' | 'already_used' | 'rate_limited'>
	| Invalid;

// add_client_message ------------------------------------------------------------------------------

export interface AddClientMessageArgs {
	p_tracking_token: string;
	p_body: string;
	p_client_address: string | null;
}
export type AddClientMessageResult = { outcome: 'ok' } | Refused<'unknown_token' | 'rate_limited' | 'closed'> | Invalid;

// Staff RPCs (signed in; these raise errors, as staff screens show database errors) -----------------

/** One invitation to create; omitted keys take the defaults noted. */
export interface NewInvitation {
	kind: InvitationKind;
	/** Null or omitted: the link offers no survey. */
	survey_id?: string | null;
	offers_complaint?: boolean; // default false
	offers_suggestion?: boolean; // default false
	/** Required for personal invitations; optional for campaigns. */
	client_id?: string | null;
	/** Must belong to client_id; client_id is taken from it when omitted. */
	contract_id?: string | null;
	/** Personal default 1; campaign default null (no cap). */
	max_uses?: number | null;
	expires_at?: Timestamp | null;
	label?: string | null;
}
export interface CreatedInvitation {
	id: string;
	/** The raw token, shown once: the link is `${PUBLIC_SITE_URL}/f/${token}`. */
	token: string;
}
/** All or nothing; the answer keeps the order of the rows. */
export interface CreateInvitationsArgs {
	p_invitations: NewInvitation[];
}
export type CreateInvitationsResult = CreatedInvitation[];
export interface CreateInvitationArgs {
	p_invitation: NewInvitation;
}
export type CreateInvitationResult = CreatedInvitation;
/** Replaces the token (the old link stops working) and answers the new raw token once. */
export interface ReissueInvitationLinkArgs {
	p_invitation_id: string;
}
export type ReissueInvitationLinkResult = string;

/** Every RPC by name, for a typed wrapper around supabase.rpc. */
export interface FeedbackRpcs {
	get_feedback_page: { args: GetFeedbackPageArgs; result: GetFeedbackPageResult };
	submit_survey_response: { args: SubmitSurveyResponseArgs; result: SubmitSurveyResponseResult };
	submit_feedback_item: { args: SubmitFeedbackItemArgs; result: SubmitFeedbackItemResult };
	get_tracking: { args: GetTrackingArgs; result: GetTrackingResult };
	submit_resolution_feedback: { args: SubmitResolutionFeedbackArgs; result: SubmitResolutionFeedbackResult };
	add_client_message: { args: AddClientMessageArgs; result: AddClientMessageResult };
	create_invitations: { args: CreateInvitationsArgs; result: CreateInvitationsResult };
	create_invitation: { args: CreateInvitationArgs; result: CreateInvitationResult };
	reissue_invitation_link: { args: ReissueInvitationLinkArgs; result: ReissueInvitationLinkResult };
}
