// Mail from the local Auth server (recovery links). With SUPABASE_LOCAL_SMTP_URL set (e.g. smtp://127.0.0.1:1025,
// a local mail catcher) it is sent over SMTP with nodemailer; otherwise the whole message is written to the
// stack's log, so a developer can open the link from there. Hosted Supabase sends it through its own SMTP.
import nodemailer from 'nodemailer';

export interface AuthMail {
	to: string;
	subject: string;
	text: string;
}

export type MailSender = (mail: AuthMail) => Promise<void>;

export function mailSender(log: (line: string) => void, smtpUrl = process.env.SUPABASE_LOCAL_SMTP_URL): MailSender {
	if (!smtpUrl) {
		return async (mail) => log(`auth: mail to ${mail.to}: ${mail.subject}\n${mail.text}`);
	}
	const transport = nodemailer.createTransport(smtpUrl);
	return async (mail) => {
		await transport.sendMail({ from: process.env.SUPABASE_LOCAL_MAIL_FROM ?? 'Auth <auth@localhost>', ...mail });
		log(`auth: mail to ${mail.to} sent over SMTP: ${mail.subject}`);
	};
}
