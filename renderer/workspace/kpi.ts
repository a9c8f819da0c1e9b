/**
 * How a KPI's change against the period before reads on its card: the
 * arrow, whether the change is good news, and the percentage. For the
 * average collection time fewer days is the good direction.
 */
export interface Trend {
  direction: 'up' | 'down' | 'flat';
  /** Green when good, red when bad; a flat change is neither. */
  tone: 'good' | 'bad' | 'neutral';
  /** "+12.5%", "−3.0%", "0.0%". */
  text: string;
}

export function trendOf(changePercent: number | null, { lowerIsBetter = false }: { lowerIsBetter?: boolean } = {}): Trend | null {
  if (changePercent === null || !Number.isFinite(changePercent)) return null;
  const rounded = roundOne(changePercent);
  if (rounded === 0) return { direction: 'flat', tone: 'neutral', text: '0.0%' };
  const direction = rounded > 0 ? 'up' : 'down';
  const good = (direction === 'up') !== lowerIsBetter;
  return { direction, tone: good ? 'good' : 'bad', text: `${rounded > 0 ? '+' : '−'}${Math.abs(rounded).toFixed(1)}%` };
}

/** A percentage or a number of days, one decimal. */
export const oneDecimal = (value: number) => roundOne(value).toFixed(1);

/** Halves away from zero, so a fall reads as large as the same rise. */
const roundOne = (value: number) => (Math.sign(value) * Math.round(Math.abs(value) * 10)) / 10;
