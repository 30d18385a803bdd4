// What the survey editor posts: the shared definition schema plus the survey's own columns.
import { z } from 'zod';
import { surveyDefinitionSchema } from '$lib/feedback/survey-definition';
import { Constants } from '$lib/database.types';

export const TRIGGER_POINTS = Constants.public.Enums.survey_trigger_point;
export const SURVEY_STATUSES = Constants.public.Enums.survey_status;

export const surveyEditorSchema = z.object({
	triggerPoint: z.enum(TRIGGER_POINTS, { error: 'invalid' }),
	status: z.enum(SURVEY_STATUSES, { error: 'invalid' }),
	definition: surveyDefinitionSchema
});

export type SurveyEditorValues = z.infer<typeof surveyEditorSchema>;
