// Okabe-Ito colours: distinguishable with the common colour-vision deficiencies. Lines also differ by dash.
export const PALETTE = {
	value: '#0072B2',
	band: '#56B4E9',
	target: '#D55E00',
	second: '#009E73',
	axis: '#555555'
} as const;
