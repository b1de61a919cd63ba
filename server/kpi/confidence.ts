// How much a number can be trusted (kpi-spec: "Statistical confidence"): a rate of 2 out of 3
// is not the same news as 2,000 out of 3,000. Pure arithmetic on the counts a KPI already has,
// so it costs no SQL.

/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

/** Below this many records (denominator, responses or count) a number is flagged lowSample. */
export const LOW_SAMPLE = 30;

export interface Interval {
  low: number;
  high: number;
}

export const isLowSample = (sample: number): boolean => sample < LOW_SAMPLE;

/** Wilson score interval of numerator / denominator; null when the denominator is 0. */
export function wilsonInterval(numerator: number, denominator: number): Interval | null {
  if (denominator <= 0) return null;
  const n = denominator;
  // Retention's numerator (E - N) may leave [0, S]; the interval is of the share as reported, clamped.
  const p = Math.min(1, Math.max(0, numerator / n));
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z95 / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** NPS score +/- z * 100 * sqrt((P + D - (P - D)^2) / n), clipped to [-100, 100]; null with no responses. */
export function npsInterval(promoters: number, detractors: number, responses: number): Interval | null {
  if (responses <= 0) return null;
  const p = promoters / responses;
  const d = detractors / responses;
  const score = 100 * (p - d);
  const half = Z95 * 100 * Math.sqrt(Math.max(0, p + d - (p - d) ** 2) / responses);
  return { low: Math.max(-100, score - half), high: Math.min(100, score + half) };
}
