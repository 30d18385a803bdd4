// What the survey editor posts: the shared definition schema plus the survey's own columns.
import { z } from 'zod';
import { surveyDefinitionSchema } from '$lib/feedback/survey-definition';

export const TRIGGER_POINTS = ['contract_delivery', 'complaint_resolution', 'campaign'] as const;
export const SURVEY_STATUSES = ['draft', 'active', 'closed'] as const;

export const surveyEditorSchema = z.object({
	triggerPoint: z.enum(TRIGGER_POINTS, { error: 'invalid' }),
	status: z.enum(SURVEY_STATUSES, { error: 'invalid' }),
	definition: surveyDefinitionSchema
});

export type SurveyEditorValues = z.infer<typeof surveyEditorSchema>;
