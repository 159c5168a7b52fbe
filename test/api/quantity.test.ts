import { describe, expect, it } from 'vitest';
import {
  QUANTITY_FORMAT_ERROR,
  QUANTITY_SUFFIX_ERROR,
  canonicalQuantity,
  compareQuantities,
  milliValue,
  parseQuantity,
  quantityError,
  roundUpQuantity,
  quantityToString,
  unitValue,
} from '../../src/api/quantity.js';

describe('canonical form, as the API server writes quantities back', () => {
  it.each([
    ['0', '0'],
    ['500m', '500m'],
    ['0.5', '500m'],
    ['1.5', '1500m'],
    ['1000', '1k'],
    ['1000m', '1'],
    ['100Mi', '100Mi'],
    ['1.5Gi', '1536Mi'],
    ['1024Mi', '1Gi'],
    ['0.5Ki', '512'],
    ['1536', '1536'],
    ['1e3', '1e3'],
    ['1E3', '1e3'],
    ['1.5e3', '1500'],
    ['12e6', '12e6'],
    ['1M', '1M'],
    ['1000k', '1M'],
    ['-500m', '-500m'],
    ['0.1m', '100u'],
    ['1n', '1n'],
    ['0.0000000001', '1n'],
    ['1Ei', '1Ei'],
    ['+2', '2'],
    ['.5', '500m'],
    ['1.', '1'],
    ['100', '100'],
    ['2000000k', '2G'],
  ])('%s -> %s', (input, expected) => {
    expect(canonicalQuantity(input)).toBe(expected);
  });

  it('accepts JSON numbers', () => {
    expect(canonicalQuantity(0.25)).toBe('250m');
    expect(canonicalQuantity(2)).toBe('2');
  });
});

describe('parse errors carry Go messages', () => {
  it.each(['', 'abc', '1.5.5', '1e3e3', '1Kb', '1 Gi'])('%j does not match the format', (input) => {
    expect(quantityError(input)).toBe(QUANTITY_FORMAT_ERROR);
  });
  it.each(['1K', '1mi', '1e', '--1'])('%j has a bad suffix', (input) => {
    expect(quantityError(input)).toBe(QUANTITY_SUFFIX_ERROR);
  });
  it('names the regular expression', () => {
    expect(QUANTITY_FORMAT_ERROR).toBe("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
    expect(quantityError('1Gi')).toBeUndefined();
  });
});

describe('comparison and values', () => {
  it('compares across suffix families', () => {
    expect(compareQuantities(parseQuantity('1Gi'), parseQuantity('1G'))).toBe(1);
    expect(compareQuantities(parseQuantity('1000m'), parseQuantity('1'))).toBe(0);
    expect(compareQuantities(parseQuantity('250m'), parseQuantity('0.5'))).toBe(-1);
  });
  it('rounds milli and unit values up, like MilliValue and Value', () => {
    expect(milliValue(parseQuantity('1.5'))).toBe(1500);
    expect(milliValue(parseQuantity('1u'))).toBe(1);
    expect(unitValue(parseQuantity('1Ki'))).toBe(1024);
    expect(unitValue(parseQuantity('100m'))).toBe(1);
  });
  it('rounds up to milli scale away from zero', () => {
    expect(quantityToString(roundUpQuantity(parseQuantity('0.5m'), -3))).toBe('1m');
    expect(quantityToString(roundUpQuantity(parseQuantity('-1.5m'), -3))).toBe('-2m');
    expect(quantityToString(roundUpQuantity(parseQuantity('2'), -3))).toBe('2');
  });
  it('caps binary quantities at 2^63-1', () => {
    expect(canonicalQuantity('8Ei')).toBe('9223372036854775807');
  });
});
