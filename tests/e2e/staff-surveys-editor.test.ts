// Survey editor journeys: quality builds a survey (with and without JavaScript); an agent cannot.
import { test, expect, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';
import { signInAsStaff, openStaffPage, signInAsStaffWithoutScripts } from './staff-session.ts';

const unique = (prefix: string) => `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function fillTexts(page: Page, title: string) {
	await page.getByLabel('Título en español').fill(title);
	await page.getByLabel('Título en inglés').fill(`${title} (EN)`);
	await page.getByLabel('Introducción en español').fill('Cuéntanos qué tal la entrega.');
	await page.getByLabel('Introducción en inglés').fill('Tell us how the delivery went.');
	await page.getByLabel('Agradecimiento en español').fill('¡Gracias!');
	await page.getByLabel('Agradecimiento en inglés').fill('Thank you!');
}

async function addQuestion(page: Page, type: string) {
	await page.getByLabel('Tipo de la nueva pregunta').selectOption({ label: type });
	// The editor's question cards (the preview beside it draws questions too).
	const cards = page.locator('form.survey-editor fieldset.question');
	const count = await cards.count();
	await page.getByRole('button', { name: 'Añadir pregunta' }).click();
	await expect(cards).toHaveCount(count + 1);
}

test('quality creates a survey with several question types and a satisfaction question', async ({ page }) => {
	// Slow when the whole suite shares two cores.
	test.setTimeout(90_000);
	const title = unique('Encuesta entrega');
	await signInAsStaff(page, 'quality@demo.local');
	await expect(page).toHaveURL(/\/staff$/);
	await openStaffPage(page, '/staff/surveys');
	await page.getByRole('link', { name: 'Nueva encuesta' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Nueva encuesta' })).toBeVisible();
	await expectNoAxeViolations(page);

	await fillTexts(page, title);
	// Question 1 starts as a required CSAT question, already the satisfaction question.
	await page.getByLabel('Pregunta 1 en español').fill('¿Cómo valora la entrega?');
	await page.getByLabel('Pregunta 1 en inglés').fill('How do you rate the delivery?');

	await addQuestion(page, 'NPS (0 a 10)');
	await page.getByLabel('Pregunta 2 en español').fill('¿Nos recomendaría?');
	await page.getByLabel('Pregunta 2 en inglés').fill('Would you recommend us?');

	await addQuestion(page, 'Opción única');
	await page.getByLabel('Pregunta 3 en español').fill('¿Por qué canal nos contactó?');
	await page.getByLabel('Pregunta 3 en inglés').fill('How did you contact us?');
	await page.getByLabel('Opción 1 en español').fill('Teléfono');
	await page.getByLabel('Opción 1 en inglés').fill('Phone');
	await page.getByLabel('Opción 2 en español').fill('Correo');
	await page.getByLabel('Opción 2 en inglés').fill('E-mail');

	await addQuestion(page, 'Texto largo');
	await page.getByLabel('Pregunta 4 en español').fill('¿Algo más?');
	await page.getByLabel('Pregunta 4 en inglés').fill('Anything else?');
	// Move the comment above the choice question, to check the order is kept.
	await page.getByRole('button', { name: 'Subir la pregunta 4' }).click();
	await expect(page.getByLabel('Pregunta 3 en español')).toHaveValue('¿Algo más?');

	await page.getByLabel('Umbral de satisfacción').fill('4');
	await page.getByRole('button', { name: 'Guardar encuesta' }).click();

	await expect(page).toHaveURL(/\/staff\/surveys\?saved=/);
	await expect(page.getByText('Encuesta guardada.')).toBeVisible();
	const listed = page.getByRole('row').filter({ hasText: title });
	await expect(listed).toContainText('Borrador');
	await expect(listed.locator('td[data-label="Preguntas"]')).toHaveText('4');
	await expectNoAxeViolations(page);

	await listed.getByRole('link', { name: title }).click();
	await expect(page.getByLabel('Pregunta 3 en español')).toHaveValue('¿Algo más?');
	await expect(page.getByLabel('Opción 2 en inglés')).toHaveValue('E-mail');
});

test('a survey that breaks the shared schema is refused field by field', async ({ page }) => {
	await signInAsStaff(page, 'manager@demo.local');
	await expect(page).toHaveURL(/\/staff$/);
	await openStaffPage(page, '/staff/surveys/new');
	await fillTexts(page, unique('Encuesta incompleta'));
	await page.getByLabel('Pregunta 1 en español').fill('¿Qué tal?');
	await page.getByLabel('Pregunta 1 en inglés').fill('How was it?');
	// A CSAT question goes from 1 to 5: a threshold of 9 is outside its scale. The browser allows it (max 10), the schema does not.
	await page.getByLabel('Umbral de satisfacción').fill('9');
	await page.getByRole('button', { name: 'Guardar encuesta' }).click();
	await expect(page.getByText('El valor está fuera de la escala de la pregunta de satisfacción.')).toBeVisible();
	await expect(page.getByLabel('Umbral de satisfacción')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel('Pregunta 1 en español')).toHaveValue('¿Qué tal?');
});

test('an agent sees surveys read-only and cannot create one', async ({ page }) => {
	await signInAsStaff(page, 'agent@demo.local');
	await expect(page).toHaveURL(/\/staff$/);
	await page.getByRole('navigation', { name: 'Portal del personal' }).getByRole('link', { name: 'Encuestas' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Encuestas' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Nueva encuesta' })).toHaveCount(0);
	await expect(page.getByText('Solo calidad y dirección pueden crear o modificar encuestas.')).toBeVisible();

	const opened = await page.goto('/staff/surveys/new');
	expect(opened?.status()).toBe(403);

	// A hand-made POST to the action is refused by the server (and by RLS behind it).
	const baseURL = new URL(page.url()).origin;
	const response = await page.request.post('/staff/surveys/new?/save', {
		headers: { origin: baseURL },
		form: { triggerPoint: 'campaign', status: 'draft', 'definition.title.es': 'No' }
	});
	expect(response.status()).toBe(403);
});

test('a survey with responses keeps its questions and offers a new version', async ({ page }) => {
	test.setTimeout(60_000);
	await signInAsStaff(page, 'quality@demo.local');
	await expect(page).toHaveURL(/\/staff$/);
	// The seeded demo survey has responses.
	await openStaffPage(page, '/staff/surveys/f0000000-0000-4000-8000-000000000001');
	await expect(page.getByText(/Esta encuesta ya tiene respuestas/)).toBeVisible();
	await expect(page.getByLabel('Tipo de la pregunta 1')).toBeDisabled();
	await expect(page.getByRole('button', { name: /^Quitar la pregunta/ })).toHaveCount(0);
	await expectNoAxeViolations(page);

	// Only one next version per survey: the other viewport's run may have made it already.
	const create = page.getByRole('button', { name: 'Crear una versión nueva' });
	if (await create.isVisible()) await create.click();
	else await page.getByRole('link', { name: 'Versión siguiente' }).click();
	await expect(page.getByText('Versión 2', { exact: true })).toBeVisible();
	await expect(page.getByLabel('Tipo de la pregunta 1')).toBeEnabled();
	await expect(page.getByRole('button', { name: 'Quitar la pregunta 1' })).toBeVisible();
});

test.describe('with JavaScript disabled', () => {
	test.use({ javaScriptEnabled: false });

	test('the editor adds a question, removes one and saves', async ({ page }) => {
		// Each structural edit is a server round trip; slow when the whole suite shares two cores.
		test.setTimeout(90_000);
		const title = unique('Encuesta sin JS');
		await signInAsStaffWithoutScripts(page, 'quality@demo.local');
		await expect(page).toHaveURL(/\/staff$/);
		await page.goto('/staff/surveys/new');
		await fillTexts(page, title);
		await page.getByLabel('Pregunta 1 en español').fill('¿Qué tal la atención?');
		await page.getByLabel('Pregunta 1 en inglés').fill('How was the service?');

		await addQuestion(page, 'Valoración (1 a 5 estrellas)');
		// What was typed before the round trip is still there.
		await expect(page.getByLabel('Título en español')).toHaveValue(title);
		await expect(page.getByLabel('Pregunta 1 en español')).toHaveValue('¿Qué tal la atención?');
		await addQuestion(page, 'Texto corto');
		await page.getByRole('button', { name: 'Quitar la pregunta 3' }).click();
		await expect(page.locator('form.survey-editor fieldset.question')).toHaveCount(2);

		await page.getByLabel('Pregunta 2 en español').fill('Puntúe la rapidez');
		await page.getByLabel('Pregunta 2 en inglés').fill('Rate the speed');
		await page.getByRole('button', { name: 'Guardar encuesta' }).click();
		await expect(page).toHaveURL(/\/staff\/surveys\?saved=/);
		await expect(page.getByRole('row').filter({ hasText: title }).locator('td[data-label="Preguntas"]')).toHaveText('2');
	});
});

test('the preview shows the survey as the client will see it and follows every edit', { tag: '@both' }, async ({ page }) => {
	await signInAsStaff(page, 'quality@demo.local');
	await openStaffPage(page, '/staff/surveys/new');
	const preview = page.getByTestId('survey-preview');
	// On a phone the preview sits behind a toggle; on a desktop it is beside the editor.
	const toggle = page.getByRole('button', { name: 'Ver la vista previa' });
	if (await toggle.isVisible()) {
		await expect(preview).toBeHidden();
		await toggle.click();
		await expect(page.getByRole('button', { name: 'Ocultar la vista previa' })).toHaveAttribute('aria-expanded', 'true');
	}
	await expect(preview).toBeVisible();
	await expect(preview).toContainText('(Sin título)');

	await page.getByLabel('Título en español').fill('Encuesta en directo');
	await expect(preview).toContainText('Encuesta en directo');
	await page.getByLabel('Pregunta 1 en español').fill('¿Cómo fue la instalación?');
	// The client's own component: a 1–5 scale group named by the question.
	const group = preview.getByRole('group', { name: /¿Cómo fue la instalación\?/ });
	await expect(group.getByRole('radio')).toHaveCount(5);
	await page.getByLabel('Pregunta 1 en español').fill('¿Cómo fue el montaje?');
	await expect(preview.getByRole('group', { name: /¿Cómo fue el montaje\?/ })).toBeVisible();
	await expect(preview).not.toContainText('instalación');
	await expectNoAxeViolations(page);
});

test('with JavaScript, adding, moving and removing happen in the page and Save posts the nested draft as JSON', async ({ page }) => {
	test.setTimeout(60_000);
	const title = unique('Encuesta JSON');
	await signInAsStaff(page, 'quality@demo.local');
	await expect(page).toHaveURL(/\/staff$/);
	await openStaffPage(page, '/staff/surveys/new');
	const posts: string[] = [];
	page.on('request', (request) => {
		if (request.method() === 'POST') posts.push(request.url());
	});

	await fillTexts(page, title);
	await page.getByLabel('Pregunta 1 en español').fill('¿Qué tal la visita?');
	await page.getByLabel('Pregunta 1 en inglés').fill('How was the visit?');
	await addQuestion(page, 'NPS (0 a 10)');
	await addQuestion(page, 'Opción única');
	await page.getByLabel('Pregunta 3 en español').fill('¿Qué técnico le atendió?');
	await page.getByLabel('Pregunta 3 en inglés').fill('Which technician came?');
	await page.getByLabel('Opción 1 en español').fill('Ana');
	await page.getByLabel('Opción 1 en inglés').fill('Ana (EN)');
	await page.getByLabel('Opción 2 en español').fill('Luis');
	await page.getByLabel('Opción 2 en inglés').fill('Luis (EN)');
	await page.getByRole('button', { name: 'Añadir opción' }).click();
	await expect(page.getByLabel('Opción 3 en español')).toBeVisible();
	await page.getByRole('button', { name: 'Quitar la opción 3' }).click();
	await expect(page.getByLabel('Opción 3 en español')).toHaveCount(0);
	await page.getByRole('button', { name: 'Subir la pregunta 3' }).click();
	await expect(page.getByLabel('Pregunta 2 en español')).toHaveValue('¿Qué técnico le atendió?');
	await page.getByRole('button', { name: 'Quitar la pregunta 3' }).click();
	const cards = page.locator('form.survey-editor fieldset.question');
	await expect(cards).toHaveCount(2);
	// The preview follows the edited draft too.
	await expect(page.getByTestId('survey-preview')).toContainText('¿Qué técnico le atendió?');
	expect(posts).toEqual([]);

	const saving = page.waitForRequest((request) => request.method() === 'POST' && request.url().includes('?/save'));
	await page.getByRole('button', { name: 'Guardar encuesta' }).click();
	const save = await saving;
	expect(save.postData() ?? '').toContain('__superform_json');
	expect(posts).toHaveLength(1);
	await expect(page).toHaveURL(/\/staff\/surveys\?saved=/);
	const listed = page.getByRole('row').filter({ hasText: title });
	await expect(listed.locator('td[data-label="Preguntas"]')).toHaveText('2');

	await listed.getByRole('link', { name: title }).click();
	await expect(page.getByLabel('Pregunta 2 en español')).toHaveValue('¿Qué técnico le atendió?');
	await expect(page.getByLabel('Opción 2 en inglés')).toHaveValue('Luis (EN)');
	await expect(page.getByLabel('Opción 3 en español')).toHaveCount(0);
	await expect(page.getByLabel('Tipo de la pregunta 2')).toHaveValue('single_choice');
});
