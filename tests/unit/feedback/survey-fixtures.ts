// A definition with one question of every type, for the survey-definition tests.
import type { SurveyDefinition } from '../../../src/lib/feedback/survey-definition.ts';

export const text = (es: string, en = es) => ({ es, en });

export function everyTypeDefinition(): SurveyDefinition {
	return {
		title: text('Encuesta', 'Survey'),
		intro: text('Introducción', 'Intro'),
		thanks: text('Gracias', 'Thanks'),
		questions: [
			{ id: 'recommend', type: 'nps', label: text('¿Nos recomendaría?'), required: true },
			{ id: 'satisfaction', type: 'csat', label: text('¿Satisfecho?'), required: true },
			{ id: 'stars', type: 'rating', label: text('Estrellas'), required: false },
			{
				id: 'channel',
				type: 'single_choice',
				label: text('Canal'),
				required: false,
				options: [
					{ id: 'phone', label: text('Teléfono') },
					{ id: 'email', label: text('Correo') }
				]
			},
			{
				id: 'strengths',
				type: 'multiple_choice',
				label: text('Puntos fuertes'),
				required: false,
				options: [
					{ id: 'price', label: text('Precio') },
					{ id: 'quality', label: text('Calidad') },
					{ id: 'speed', label: text('Rapidez') }
				]
			},
			{ id: 'name', type: 'short_text', label: text('Nombre'), required: false, maxLength: 10 },
			{ id: 'comments', type: 'long_text', label: text('Comentarios'), required: false }
		],
		satisfactionQuestionId: 'satisfaction',
		satisfactionThreshold: 4
	};
}
