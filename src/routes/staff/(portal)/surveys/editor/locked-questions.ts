// A survey with responses keeps its questions: none removed, none retyped (the database refuses it too).
import type { SurveyDraft } from './draft.ts';

/** True when the draft drops or retypes a question that already has answers. */
export function breaksAnsweredQuestions(draft: SurveyDraft, answered: Map<string, string>): boolean {
	const drafted = new Map(draft.definition.questions.map((question) => [question.id, question.type as string]));
	for (const [id, type] of answered) if (drafted.get(id) !== type) return true;
	return false;
}
