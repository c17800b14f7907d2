/** The value below which `fraction` of the sorted samples lie (nearest rank). */
export function percentile(samples: readonly number[], fraction: number): number {
	if (samples.length === 0) {
		return Number.NaN;
	}
	const sorted = [...samples].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
}

/** Milliseconds with two decimals. */
export function ms(value: number): string {
	return `${value.toFixed(2)} ms`;
}

/** Mebibytes with one decimal. */
export function mib(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
