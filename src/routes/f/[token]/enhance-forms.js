// The only script of /f/<token> (the page ships no framework: csr is off). The page works without it;
// it adds what a client feels on a phone and nothing else:
// - a submit without a full reload: the form posts as it would without JavaScript, and the page the
//   server answers with (errors marked inline, or the confirmation) replaces <main>;
// - focus on the error summary or the confirmation afterwards, so the outcome is on screen and announced;
// - what was typed survives a language switch (kept for that one reload in this tab's sessionStorage).
// Plain JavaScript on purpose: Vite ships it as is, a few hundred bytes gzip.
(() => {
	const draftKey = 'fb-draft:' + location.pathname + location.search;
	const feedbackForm = () => /** @type {HTMLFormElement | null} */ (document.querySelector('form.feedback-form'));
	/** @param {Element} element */
	const asField = (element) => /** @type {HTMLInputElement} */ (element);
	/** @param {HTMLInputElement} field */
	const typed = (field) => field.name && !field.closest('.honeypot') && !['hidden', 'submit', 'button'].includes(field.type);

	function saveDraft() {
		const form = feedbackForm();
		if (!form) return;
		/** @type {[string, string][]} */
		const fields = [];
		for (const field of Array.from(form.elements, asField)) {
			if (!typed(field)) continue;
			if ((field.type === 'radio' || field.type === 'checkbox') && !field.checked) continue;
			fields.push([field.name, field.value]);
		}
		sessionStorage.setItem(draftKey, JSON.stringify({ action: form.getAttribute('action'), fields }));
	}

	function restoreDraft() {
		const saved = sessionStorage.getItem(draftKey);
		sessionStorage.removeItem(draftKey);
		const form = feedbackForm();
		if (!saved || !form) return;
		/** @type {{ action: string | null, fields: [string, string][] }} */
		const draft = JSON.parse(saved);
		if (draft.action !== form.getAttribute('action')) return;
		for (const field of Array.from(form.elements, asField)) {
			if (!typed(field)) continue;
			const values = draft.fields.filter(([name]) => name === field.name).map(([, value]) => value);
			if (field.type === 'radio' || field.type === 'checkbox') field.checked = values.includes(field.value);
			else if (values.length) field.value = values[0];
		}
	}

	function focusOutcome() {
		/** @type {HTMLElement | null} */
		const target =
			document.querySelector('[data-error-summary]') ?? document.querySelector('#main [tabindex="-1"]') ?? document.getElementById('main');
		target?.focus();
		target?.scrollIntoView({ block: 'start' });
	}

	/** @param {HTMLFormElement} form */
	async function sendWithoutReload(form) {
		/** @type {HTMLButtonElement | null} */
		const button = form.querySelector('button[type="submit"]');
		if (button) button.disabled = true;
		try {
			const response = await fetch(form.action, { method: 'POST', body: new FormData(form), headers: { accept: 'text/html' } });
			const page = new DOMParser().parseFromString(await response.text(), 'text/html');
			const main = page.getElementById('main');
			if (!main) throw new Error('no page in the answer');
			document.getElementById('main')?.replaceWith(document.adoptNode(main));
			document.title = page.title;
			focusOutcome();
		} catch {
			// No answer we can show (offline, a proxy's error): let the browser post the form itself.
			if (button) button.disabled = false;
			form.submit();
		}
	}

	document.addEventListener('submit', (event) => {
		const form = event.target;
		if (!(form instanceof HTMLFormElement)) return;
		if (form.getAttribute('action') === '/lang') return saveDraft();
		if (!form.classList.contains('feedback-form')) return;
		event.preventDefault();
		if (!form.querySelector('button[type="submit"]:disabled')) sendWithoutReload(form);
	});

	// A summary link moves focus into its field, not only the scroll position.
	document.addEventListener('click', (event) => {
		const link = event.target instanceof Element ? event.target.closest('[data-error-summary] a[href^="#"]') : null;
		const field = link && document.getElementById((link.getAttribute('href') ?? '').slice(1));
		if (!field) return;
		event.preventDefault();
		field.focus();
		field.closest('fieldset, label')?.scrollIntoView({ block: 'center' });
	});

	restoreDraft();
})();
