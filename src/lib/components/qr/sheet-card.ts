/** One client's card on a printable QR sheet. */
export interface SheetCard {
	/** The invitation id: its QR downloads post to /staff/invitations/<id>/qr. */
	id: string;
	clientName: string;
	/** E.g. the contract reference; null when the link is for the client as a whole. */
	detail: string | null;
	link: string;
	/** The raw token, only ever on this page: the downloads send it back to be checked against the hash. */
	token: string;
	svgDataUrl: string;
}
