import { describe, expect, it } from 'vitest';
import { oneDecimal, trendOf } from './kpi.js';

describe("a KPI's change against the period before", () => {
  it('is good news when collections go up and bad when they go down', () => {
    expect(trendOf(12.5)).toEqual({ direction: 'up', tone: 'good', text: '+12.5%' });
    expect(trendOf(-3)).toEqual({ direction: 'down', tone: 'bad', text: '−3.0%' });
  });

  it('is good news when the average collection time falls, since fewer days is better', () => {
    expect(trendOf(-8.25, { lowerIsBetter: true })).toEqual({ direction: 'down', tone: 'good', text: '−8.3%' });
    expect(trendOf(4, { lowerIsBetter: true })).toEqual({ direction: 'up', tone: 'bad', text: '+4.0%' });
  });

  it('is flat when it rounds to nothing, and absent when there was nothing to compare with', () => {
    expect(trendOf(0.04)).toEqual({ direction: 'flat', tone: 'neutral', text: '0.0%' });
    expect(trendOf(null)).toBeNull();
  });

  it('shows rates and days with one decimal', () => {
    expect(oneDecimal(85.25)).toBe('85.3');
    expect(oneDecimal(12)).toBe('12.0');
  });
});
