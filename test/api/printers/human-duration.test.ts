import { describe, expect, it } from 'vitest';
import { humanDuration, shortHumanDuration, timestampSince } from '../../../src/api/printers/human-duration.js';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe('humanDuration (duration.HumanDuration)', () => {
  it.each([
    [-3 * s, '<invalid>'],
    [-2 * s, '<invalid>'],
    [-1999, '0s'], // up to 2s of clock skew reads as now
    [-1 * s, '0s'],
    [0, '0s'],
    [999, '0s'],
    [45 * s, '45s'],
    [119 * s, '119s'],
    [120 * s, '2m'],
    [121 * s, '2m1s'],
    [5 * m + 2 * s, '5m2s'],
    [9 * m + 59 * s, '9m59s'],
    [10 * m, '10m'],
    [10 * m + 30 * s, '10m'],
    [179 * m, '179m'],
    [3 * h, '3h'],
    [3 * h + 30 * m, '3h30m'],
    [7 * h + 59 * m, '7h59m'],
    [8 * h, '8h'],
    [47 * h + 59 * m, '47h'],
    [48 * h, '2d'],
    [2 * d + 3 * h, '2d3h'],
    [7 * d + 23 * h, '7d23h'],
    [8 * d, '8d'],
    [400 * d, '400d'],
    [729 * d, '729d'],
    [730 * d, '2y'],
    [3 * 365 * d + 20 * d, '3y20d'],
    [8 * 365 * d - 1 * d, '7y364d'],
    [8 * 365 * d, '8y'],
    [20 * 365 * d, '20y'],
  ])('%d ms -> %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});

describe('shortHumanDuration (duration.ShortHumanDuration)', () => {
  it.each([
    [-2 * s, '<invalid>'],
    [-1 * s, '0s'],
    [59 * s, '59s'],
    [60 * s, '1m'],
    [59 * m + 59 * s, '59m'],
    [60 * m, '1h'],
    [23 * h + 59 * m, '23h'],
    [24 * h, '1d'],
    [364 * d, '364d'],
    [365 * d, '1y'],
    [800 * d, '2y'],
  ])('%d ms -> %s', (ms, text) => {
    expect(shortHumanDuration(ms)).toBe(text);
  });
});

describe('timestampSince', () => {
  const now = Date.parse('2025-01-10T12:00:00Z');
  it('ages a timestamp', () => {
    expect(timestampSince('2025-01-10T11:55:00Z', now)).toBe('5m');
  });
  it('is <unknown> without a timestamp', () => {
    expect(timestampSince(undefined, now)).toBe('<unknown>');
    expect(timestampSince(null, now)).toBe('<unknown>');
    expect(timestampSince('not a time', now)).toBe('<unknown>');
  });
  it('reads microsecond timestamps (events eventTime)', () => {
    expect(timestampSince('2025-01-10T11:59:30.123456Z', now)).toBe('29s');
  });
});
