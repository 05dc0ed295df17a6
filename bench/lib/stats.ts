// Order statistics for timings and latencies. Percentiles use the nearest-rank method: the
// reported p99 is a latency that was actually observed, never an interpolation between two.

export function median(values: ArrayLike<number>): number {
  return percentiles(values, [50])[0] as number;
}

/** Several percentiles of the same values, sorting them once. */
export function percentiles(values: ArrayLike<number>, ps: readonly number[]): number[] {
  if (values.length === 0) return ps.map(() => Number.NaN);

  const sorted = Float64Array.from(values).sort();
  return ps.map((p) => {
    const rank = Math.ceil((p / 100) * sorted.length);
    return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
  });
}

/** Rounds for reports: whole numbers from 100 up, three significant digits below. */
export function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  if (Math.abs(value) >= 100) return Math.round(value);
  return Number(value.toPrecision(3));
}
