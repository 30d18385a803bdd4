// The e-mails the outbox sends, per language (Spanish unless the client used English; staff mail in Spanish),
// as plain text plus simple HTML. Clients are addressed as usted. The worker runs outside SvelteKit, so these
// texts live here in both languages rather than in messages/*.json (Paraglide's runtime is the app's).
// Pure: the same row renders the same mail, so a retried send is the same message.

export type MailLocale = 'es' | 'en';

export interface OutboxRow {
	id: string;
	kind: string;
	recipient: string;
	locale: MailLocale;
	payload: Record<string, unknown>;
	message_id: string;
}

export interface MailContext {
	/** Where links point (PUBLIC_SITE_URL). */
	siteUrl: string;
	/** PUBLIC_ORGANISATION_NAME. */
	organisation: string;
}

export interface RenderedMail {
	subject: string;
	text: string;
	html: string;
	/** The unsubscribe page of client mail (one button; also the List-Unsubscribe header). */
	unsubscribeUrl?: string;
}

const escapeHtml = (text: string) =>
	text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const str = (value: unknown) => (typeof value === 'string' ? value : value == null ? '' : String(value));

type Block = { text: string } | { quote: string } | { link: string; label: string };

interface Draft {
	subject: string;
	greeting: string;
	blocks: Block[];
	footer: string[];
}

const T = {
	es: {
		hello: 'Estimado/a cliente:',
		helloStaff: 'Hola:',
		signature: (org: string) => `Atentamente,\n${org}`,
		trackLabel: 'Ver el estado de su caso',
		unsubscribe: 'Si no desea recibir más correos sobre este caso, puede darse de baja aquí:',
		unsubscribeLabel: 'Darme de baja',
		why: (org: string) => `Recibe este correo porque nos dio su dirección y su consentimiento al enviar su caso a ${org}.`,
		kindName: { complaint: 'reclamación', suggestion: 'sugerencia', compliment: 'felicitación' } as Record<string, string>,
		filedSubject: (org: string, subject: string) => `${org}: hemos recibido su caso «${subject}»`,
		filedBody: (kind: string) =>
			`Hemos recibido su ${kind}. Le avisaremos por correo cuando le respondamos. Puede seguir su caso y añadir información en este enlace:`,
		replySubject: (org: string, subject: string) => `${org}: nueva respuesta sobre «${subject}»`,
		replyBody: 'Le hemos respondido:',
		replyMore: 'Puede contestarnos o añadir información desde la página de su caso:',
		resolvedSubject: (org: string, subject: string) => `${org}: su caso «${subject}» está resuelto`,
		resolvedBody: 'Hemos resuelto su caso. Esto es lo que hicimos:',
		resolvedAsk: '¿Quedó satisfecho con la solución? Un toque basta:',
		yes: 'Sí, estoy satisfecho',
		no: 'No, no está resuelto',
		staffNewSubject: (subject: string) => `Nuevo caso: ${subject}`,
		staffNewBody: 'Ha llegado un caso nuevo:',
		staffAssignedSubject: (subject: string) => `Te han asignado: ${subject}`,
		staffAssignedBody: 'Te han asignado este caso:',
		staffClientSubject: (subject: string) => `El cliente ha escrito: ${subject}`,
		staffClientBody: 'El cliente ha añadido un mensaje:',
		staffNotResolvedSubject: (subject: string) => `El cliente dice que no está resuelto: ${subject}`,
		staffNotResolvedBody: 'El cliente ha respondido que su caso no está resuelto, y el caso ha vuelto a trabajo.',
		staffWarningSubject: (subject: string) => `Plazo a punto de vencer: ${subject}`,
		staffWarningBody: (due: string) => `El plazo de este caso vence el ${due}.`,
		staffBreachedSubject: (subject: string) => `Plazo vencido: ${subject}`,
		staffBreachedBody: (due: string) => `El plazo de este caso venció el ${due}.`,
		staffDigestSubject: (count: number) => `Resumen diario: ${count} aviso(s)`,
		staffDigestBody: 'Estos son los avisos de ayer:',
		openItem: 'Abrir el caso',
		inviteSubject: (org: string) => `${org} quiere conocer su opinión`,
		inviteHello: (name: string) => `Estimado/a ${name}:`,
		inviteBody: (org: string) =>
			`En ${org} queremos saber cómo lo estamos haciendo. Este es su enlace personal: le llevará un par de minutos, y también puede usarlo para enviarnos una queja o una sugerencia.`,
		inviteLabel: 'Dar mi opinión',
		inviteFooter: 'El enlace es personal: por favor, no lo reenvíe.',
		inviteWhy: (org: string, client: string) => `Recibe este correo como contacto de ${client} en ${org}.`,
		staffFooter: 'Puedes elegir cómo recibir estos avisos en:',
		unknown: 'Aviso'
	},
	en: {
		hello: 'Dear customer,',
		helloStaff: 'Hello,',
		signature: (org: string) => `Kind regards,\n${org}`,
		trackLabel: 'See the status of your case',
		unsubscribe: 'If you no longer wish to receive e-mail about this case, you can unsubscribe here:',
		unsubscribeLabel: 'Unsubscribe',
		why: (org: string) => `You receive this e-mail because you gave us your address and consent when you sent your case to ${org}.`,
		kindName: { complaint: 'complaint', suggestion: 'suggestion', compliment: 'compliment' } as Record<string, string>,
		filedSubject: (org: string, subject: string) => `${org}: we have received your case "${subject}"`,
		filedBody: (kind: string) =>
			`We have received your ${kind}. We will let you know by e-mail when we reply. You can follow your case and add information at this link:`,
		replySubject: (org: string, subject: string) => `${org}: new reply about "${subject}"`,
		replyBody: 'We have replied:',
		replyMore: 'You can answer or add information on your case page:',
		resolvedSubject: (org: string, subject: string) => `${org}: your case "${subject}" is resolved`,
		resolvedBody: 'We have resolved your case. This is what we did:',
		resolvedAsk: 'Were you satisfied with the solution? One tap is enough:',
		yes: 'Yes, I am satisfied',
		no: 'No, it is not resolved',
		staffNewSubject: (subject: string) => `New case: ${subject}`,
		staffNewBody: 'A new case has arrived:',
		staffAssignedSubject: (subject: string) => `Assigned to you: ${subject}`,
		staffAssignedBody: 'This case has been assigned to you:',
		staffClientSubject: (subject: string) => `The client wrote: ${subject}`,
		staffClientBody: 'The client added a message:',
		staffNotResolvedSubject: (subject: string) => `The client says it is not resolved: ${subject}`,
		staffNotResolvedBody: 'The client answered that the case is not resolved, and it is back in progress.',
		staffWarningSubject: (subject: string) => `Deadline about to pass: ${subject}`,
		staffWarningBody: (due: string) => `This case is due on ${due}.`,
		staffBreachedSubject: (subject: string) => `Deadline passed: ${subject}`,
		staffBreachedBody: (due: string) => `This case was due on ${due}.`,
		staffDigestSubject: (count: number) => `Daily digest: ${count} notice(s)`,
		staffDigestBody: 'These are yesterday’s notices:',
		openItem: 'Open the case',
		inviteSubject: (org: string) => `${org} would like your opinion`,
		inviteHello: (name: string) => `Dear ${name},`,
		inviteBody: (org: string) =>
			`At ${org} we would like to know how we are doing. This is your personal link: it takes a couple of minutes, and you can also use it to send us a complaint or a suggestion.`,
		inviteLabel: 'Give my opinion',
		inviteFooter: 'The link is personal: please do not forward it.',
		inviteWhy: (org: string, client: string) => `You receive this e-mail as the contact of ${client} at ${org}.`,
		staffFooter: 'Choose how you receive these notices at:',
		unknown: 'Notice'
	}
} as const;

function formatDate(iso: string, locale: MailLocale): string {
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) return iso;
	return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Madrid' }).format(date);
}

const NOTICE_NAMES: Record<string, string> = {
	staff_new_item: 'caso nuevo',
	staff_assigned: 'asignación',
	staff_client_message: 'mensaje del cliente',
	staff_not_resolved: 'el cliente dice que no está resuelto',
	staff_deadline_warning: 'plazo a punto de vencer',
	staff_deadline_breached: 'plazo vencido'
};
const digestNotice = (notice: unknown) => NOTICE_NAMES[str(notice)] ?? str(notice);

function staffDraft(row: OutboxRow, context: MailContext): Draft {
	const t = T.es;
	const p = row.payload;
	const subject = str(p.subject);
	const itemUrl = `${context.siteUrl}/staff/inbox/${str(p.itemId)}`;
	const footer = [`${t.staffFooter} ${context.siteUrl}/staff/notifications`];
	const open: Block = { link: itemUrl, label: t.openItem };
	const drafts: Record<string, () => Draft> = {
		staff_new_item: () => ({
			subject: t.staffNewSubject(subject),
			greeting: t.helloStaff,
			blocks: [{ text: t.staffNewBody }, { quote: `${subject}\n\n${str(p.description)}` }, open],
			footer
		}),
		staff_assigned: () => ({
			subject: t.staffAssignedSubject(subject),
			greeting: t.helloStaff,
			blocks: [{ text: t.staffAssignedBody }, { quote: subject }, open],
			footer
		}),
		staff_client_message: () => ({
			subject: t.staffClientSubject(subject),
			greeting: t.helloStaff,
			blocks: [{ text: t.staffClientBody }, { quote: str(p.message) }, open],
			footer
		}),
		staff_not_resolved: () => ({
			subject: t.staffNotResolvedSubject(subject),
			greeting: t.helloStaff,
			blocks: [{ text: t.staffNotResolvedBody }, open],
			footer
		}),
		staff_deadline_warning: () => ({
			subject: t.staffWarningSubject(subject),
			greeting: t.helloStaff,
			blocks: [{ text: t.staffWarningBody(formatDate(str(p.dueAt), 'es')) }, { quote: subject }, open],
			footer
		}),
		staff_deadline_breached: () => ({
			subject: t.staffBreachedSubject(subject),
			greeting: t.helloStaff,
			blocks: [{ text: t.staffBreachedBody(formatDate(str(p.dueAt), 'es')) }, { quote: subject }, open],
			footer
		}),
		staff_digest: () => {
			const entries = Array.isArray(p.entries) ? (p.entries as Record<string, unknown>[]) : [];
			return {
				subject: t.staffDigestSubject(entries.length),
				greeting: t.helloStaff,
				blocks: [
					{ text: t.staffDigestBody },
					...entries.map((entry): Block => ({
						link: `${context.siteUrl}/staff/inbox/${str(entry.itemId)}`,
						label: `${str(entry.subject)} (${digestNotice(entry.notice)})`
					}))
				],
				footer
			};
		}
	};
	return (drafts[row.kind] ?? (() => ({ subject: t.unknown, greeting: t.helloStaff, blocks: [open], footer })))();
}

function clientDraft(row: OutboxRow, context: MailContext, trackingUrl: string, unsubscribeUrl: string): Draft {
	const t = T[row.locale] ?? T.es;
	const p = row.payload;
	const org = context.organisation;
	const subject = str(p.subject);
	const footer = [t.why(org), `${t.unsubscribe} ${unsubscribeUrl}`];
	const track: Block = { link: trackingUrl, label: t.trackLabel };
	if (row.kind === 'client_filed')
		return {
			subject: t.filedSubject(org, subject),
			greeting: t.hello,
			blocks: [{ text: t.filedBody(t.kindName[str(p.kind)] ?? str(p.kind)) }, track],
			footer
		};
	if (row.kind === 'client_reply')
		return {
			subject: t.replySubject(org, subject),
			greeting: t.hello,
			blocks: [{ text: t.replyBody }, { quote: str(p.reply) }, { text: t.replyMore }, track],
			footer
		};
	return {
		subject: t.resolvedSubject(org, subject),
		greeting: t.hello,
		blocks: [
			{ text: t.resolvedBody },
			{ quote: str(p.resolution) },
			{ text: t.resolvedAsk },
			// The links only preselect the answer: the tap on the page records it (mail scanners open links).
			{ link: `${trackingUrl}?satisfied=yes#satisfaction`, label: t.yes },
			{ link: `${trackingUrl}?satisfied=no#satisfaction`, label: t.no }
		],
		footer
	};
}

function toText(draft: Draft, signature: string): string {
	const blocks = draft.blocks.map((block) =>
		'text' in block ? block.text : 'quote' in block ? block.quote.replace(/^/gm, '> ') : `${block.label}: ${block.link}`
	);
	return [draft.greeting, ...blocks, signature, '--', ...draft.footer].join('\n\n') + '\n';
}

function toHtml(draft: Draft, signature: string, locale: MailLocale): string {
	const blocks = draft.blocks
		.map((block) =>
			'text' in block
				? `<p>${escapeHtml(block.text)}</p>`
				: 'quote' in block
					? `<blockquote style="border-left:3px solid #999;margin:0 0 1em;padding-left:1em;white-space:pre-wrap">${escapeHtml(block.quote)}</blockquote>`
					: `<p><a href="${escapeHtml(block.link)}">${escapeHtml(block.label)}</a></p>`
		)
		.join('\n');
	const footer = draft.footer.map((line) => `<p style="color:#555;font-size:small">${escapeHtml(line)}</p>`).join('\n');
	return `<!doctype html><html lang="${locale}"><meta charset="utf-8"><body style="font-family:sans-serif;max-width:40em">
<p>${escapeHtml(draft.greeting)}</p>
${blocks}
<p style="white-space:pre-line">${escapeHtml(signature)}</p>
<hr>
${footer}
</body></html>`;
}

export function isClientMail(kind: string): boolean {
	return kind.startsWith('client_');
}

function invitationMail(row: OutboxRow, context: MailContext, locale: MailLocale): RenderedMail {
	const t = T[locale];
	const link = `${context.siteUrl}/f/${encodeURIComponent(str(row.payload.linkToken))}`;
	const contact = str(row.payload.contactName);
	const draft: Draft = {
		subject: t.inviteSubject(context.organisation),
		greeting: contact ? t.inviteHello(contact) : t.hello,
		blocks: [{ text: t.inviteBody(context.organisation) }, { link, label: t.inviteLabel }, { text: t.inviteFooter }],
		footer: [t.inviteWhy(context.organisation, str(row.payload.clientName))]
	};
	const signature = t.signature(context.organisation);
	return { subject: draft.subject, text: toText(draft, signature), html: toHtml(draft, signature, locale) };
}

export function renderMail(row: OutboxRow, context: MailContext): RenderedMail {
	const locale: MailLocale = row.locale === 'en' && isClientMail(row.kind) ? 'en' : 'es';
	const t = T[locale];
	if (row.kind === 'client_invitation') return invitationMail(row, context, locale);
	if (isClientMail(row.kind)) {
		const token = encodeURIComponent(str(row.payload.trackingToken));
		const trackingUrl = `${context.siteUrl}/t/${token}`;
		const unsubscribeUrl = `${context.siteUrl}/t/${token}/unsubscribe`;
		const draft = clientDraft({ ...row, locale }, context, trackingUrl, unsubscribeUrl);
		const signature = t.signature(context.organisation);
		return { subject: draft.subject, text: toText(draft, signature), html: toHtml(draft, signature, locale), unsubscribeUrl };
	}
	const draft = staffDraft(row, context);
	const signature = context.organisation;
	return { subject: draft.subject, text: toText(draft, signature), html: toHtml(draft, signature, 'es') };
}
