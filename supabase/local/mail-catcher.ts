// The local stack's mail catcher: a real SMTP server (smtp-server) on loopback that keeps every message it
// receives in memory, parsed with mailparser, and a small HTTP API and page to read them. Nothing it
// receives goes anywhere else: locally, no mail leaves the machine.
//   GET  /               the messages as an HTML list (MAIL_UI_URL)
//   GET  /messages       JSON: every message, oldest first
//   GET  /messages/:id   JSON: one message
//   DELETE /messages     forgets them all
import { createServer, type Server } from 'node:http';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { freePort } from './ports.ts';

export interface CaughtMail {
	id: number;
	messageId: string | null;
	from: string;
	to: string[];
	subject: string;
	text: string;
	html: string;
	headers: Record<string, string>;
	receivedAt: string;
}

export interface MailCatcher {
	smtpUrl: string;
	uiUrl: string;
	messages(): CaughtMail[];
	clear(): void;
	stop(): Promise<void>;
}

export interface MailCatcherOptions {
	host?: string;
	smtpPort?: number;
	httpPort?: number;
	/** Refuse every message with this SMTP error (tests of a failing server). */
	refuseWith?: string;
	log?: (line: string) => void;
}

const escapeHtml = (text: string) =>
	text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(messages: CaughtMail[]): string {
	const rows = messages
		.slice()
		.reverse()
		.map(
			(mail) =>
				`<article><h2>${escapeHtml(mail.subject)}</h2><p><b>To:</b> ${escapeHtml(mail.to.join(', '))} · <b>From:</b> ${escapeHtml(mail.from)} · ${escapeHtml(mail.receivedAt)}</p><pre>${escapeHtml(mail.text)}</pre></article>`
		)
		.join('\n');
	return `<!doctype html><html lang="en"><meta charset="utf-8"><title>Local mail (${messages.length})</title><style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}article{border-bottom:1px solid #ccc;padding:.5rem 0}pre{white-space:pre-wrap}</style><h1>Local mail catcher: ${messages.length} message(s)</h1><p>Nothing here left this machine. JSON: <a href="/messages">/messages</a></p>${rows || '<p>No mail yet.</p>'}</html>`;
}

export async function startMailCatcher(options: MailCatcherOptions = {}): Promise<MailCatcher> {
	const host = options.host ?? '127.0.0.1';
	const log = options.log ?? (() => {});
	const messages: CaughtMail[] = [];
	let nextId = 1;

	const smtp = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		banner: 'feedback-portal local mail catcher',
		size: 10 * 1024 * 1024,
		onAuth(_auth, _session, callback) {
			callback(null, { user: 'local' });
		},
		onData(stream, session, callback) {
			if (options.refuseWith) {
				stream.resume();
				stream.on('end', () => callback(Object.assign(new Error(options.refuseWith), { responseCode: 451 })));
				return;
			}
			simpleParser(stream)
				.then((parsed) => {
					const headers: Record<string, string> = {};
					// Raw header text (mailparser structures some, like List-Unsubscribe), by lower-case name.
					for (const { key, line } of parsed.headerLines) headers[key] = line.slice(line.indexOf(':') + 1).trim();
					const to = session.envelope.rcptTo.map((address) => address.address);
					messages.push({
						id: nextId++,
						messageId: parsed.messageId ?? null,
						from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
						to,
						subject: parsed.subject ?? '',
						text: parsed.text ?? '',
						html: typeof parsed.html === 'string' ? parsed.html : '',
						headers,
						receivedAt: new Date().toISOString()
					});
					log(`mail-catcher: "${parsed.subject}" to ${to.join(', ')}`);
					callback();
				})
				.catch((error: Error) => callback(error));
		}
	});
	const smtpPort = await freePort(options.smtpPort ?? 0, host);
	await new Promise<void>((resolve, reject) => {
		smtp.once('error', reject);
		smtp.listen(smtpPort, host, () => resolve());
	});
	smtp.on('error', (error) => log(`mail-catcher smtp: ${error.message}`));

	const http: Server = createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://local');
		const json = (status: number, body: unknown) => {
			response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
			response.end(JSON.stringify(body));
		};
		if (request.method === 'DELETE' && url.pathname === '/messages') {
			messages.length = 0;
			return json(200, { deleted: true });
		}
		if (request.method !== 'GET') return json(405, { error: 'method not allowed' });
		if (url.pathname === '/messages') return json(200, messages);
		const one = /^\/messages\/(\d+)$/.exec(url.pathname);
		if (one) {
			const mail = messages.find((message) => message.id === Number(one[1]));
			return mail ? json(200, mail) : json(404, { error: 'not found' });
		}
		if (url.pathname === '/') {
			response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
			return response.end(page(messages));
		}
		json(404, { error: 'not found' });
	});
	const httpPort = await freePort(options.httpPort ?? 0, host);
	await new Promise<void>((resolve, reject) => {
		http.once('error', reject);
		http.listen(httpPort, host, () => resolve());
	});

	return {
		smtpUrl: `smtp://${host}:${smtpPort}`,
		uiUrl: `http://${host}:${httpPort}`,
		messages: () => messages.slice(),
		clear: () => void (messages.length = 0),
		async stop() {
			http.closeAllConnections();
			await Promise.all([
				new Promise<void>((resolve) => http.close(() => resolve())),
				new Promise<void>((resolve) => smtp.close(() => resolve()))
			]);
		}
	};
}
