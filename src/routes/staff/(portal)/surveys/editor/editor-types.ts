// The types the editor's parts share: superforms' store of the draft, its errors and constraints, narrowed per section.
import type { InputConstraints, SuperForm, ValidationErrors } from 'sveltekit-superforms';
import type { SurveyDraft } from './draft.ts';

export type DraftStore = SuperForm<SurveyDraft, string>['form'];
export type DraftErrors = ValidationErrors<SurveyDraft>;
export type DefinitionErrors = NonNullable<DraftErrors['definition']>;
export type QuestionErrors = NonNullable<DefinitionErrors['questions']>[number];
export type DefinitionConstraints = NonNullable<InputConstraints<SurveyDraft>['definition']>;
export type QuestionConstraints = DefinitionConstraints['questions'];
