// One benchmark figure, in the shape bench/results/*.json holds (README: Benchmarks).
export interface Figure {
	name: string;
	value: number;
	unit: string;
	target: number | null;
	better: 'lower' | 'higher';
	note: string;
}

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
