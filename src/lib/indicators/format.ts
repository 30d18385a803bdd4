// How figures read on screen and in print: never a percentage without its base.
import { m } from '$lib/paraglide/messages.js';
import type { IndicatorFigure, IndicatorStatus } from './figures.ts';

export function percent(value: number | null | undefined): string {
	return value === null || value === undefined ? m.ind_no_data() : `${value.toLocaleString(undefined, { maximumFractionDigits: 1 })} %`;
}

export function statusLabel(figure: Pick<IndicatorFigure, 'status' | 'n'>): string {
	const labels: Record<IndicatorStatus, () => string> = {
		met: m.ind_status_met,
		not_met: m.ind_status_not_met,
		inconclusive: () => m.ind_status_inconclusive({ n: figure.n }),
		no_data: m.ind_no_data,
		no_target: m.ind_status_no_target
	};
	return labels[figure.status]();
}

/** A shape per status, so status is never told by colour alone. */
export const STATUS_MARK: Record<IndicatorStatus, string> = { met: '✓', not_met: '✕', inconclusive: '?', no_data: '–', no_target: '·' };

export function figureSentence(figure: IndicatorFigure): string {
	if (figure.n === 0) return m.ind_no_data();
	return m.ind_figure_sentence({
		value: percent(figure.value),
		successes: figure.successes,
		n: figure.n,
		lower: percent(figure.lower),
		upper: percent(figure.upper)
	});
}

export function indicatorName(code: IndicatorFigure['indicator']): string {
	return code === 'cct' ? m.ind_cct_name() : m.ind_sc_name();
}
