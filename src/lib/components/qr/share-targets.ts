// Where a link can be sent from the staff member's phone without any third-party script: WhatsApp's and e-mail's own URLs.
export function whatsappUrl(text: string): string {
	return `https://wa.me/?text=${encodeURIComponent(text)}`;
}

export function mailtoUrl(subject: string, body: string): string {
	return `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
