// Resource quantities ("500m", "1.5Gi", "1e3"): parse, compare, canonical string.
// Kubernetes twin: k8s.io/apimachinery/pkg/api/resource (quantity.go, suffix.go, amount.go).
//
// A quantity is held as a signed count of nano-units in a bigint. Kubernetes never
// keeps more than nine decimal places (it rounds finer values *up*, "if you asked for
// some resource you get some"), so nano-units are exact for every value it can hold.
// Worked example: "1.5Gi" = 1.5 * 2^30 = 1610612736 units = 1610612736000000000n nano;
// its canonical form is "1536Mi" (1610612736 / 1024 / 1024 = 1536, not divisible again).

export type QuantityFormat = 'DecimalExponent' | 'BinarySI' | 'DecimalSI';

export interface Quantity {
  /** The amount in nano-units (1 = 10^-9). */
  readonly nanos: bigint;
  /** How the value was written; the canonical string keeps the same family of suffix. */
  readonly format: QuantityFormat;
}

/** The three messages Go's ParseQuantity can fail with, verbatim. */
export const QUANTITY_FORMAT_ERROR =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const QUANTITY_NUMERIC_ERROR = 'unable to parse numeric part of quantity';
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";

export class QuantityParseError extends Error {}

const NANO = 1_000_000_000n;
/** Binary quantities are capped at 2^63-1 units, as Go's int64 is. */
const MAX_BINARY_NANOS = ((1n << 63n) - 1n) * NANO;
/** Beyond this exponent we refuse rather than build a huge bigint (Kubernetes has no such limit). */
const MAX_DECIMAL_EXPONENT = 1000;

const decimalSuffixes: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const binarySuffixes: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const decimalByExponent = new Map(Object.entries(decimalSuffixes).map(([s, e]) => [e, s]));
const binaryByExponent = new Map(Object.entries(binarySuffixes).map(([s, e]) => [e, s]));

interface Pieces {
  negative: boolean;
  whole: string;
  fraction: string;
  suffix: string;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** Splits "-1.5Gi" into sign, digits before and after the point, and suffix, as Go's scanner does. */
function scan(text: string): Pieces {
  let pos = 0;
  let negative = false;
  if (text[0] === '-' || text[0] === '+') {
    negative = text[0] === '-';
    pos = 1;
  }
  let start = pos;
  while (isDigit(text[pos])) pos++;
  const whole = text.slice(start, pos);
  let fraction = '';
  if (text[pos] === '.') {
    start = ++pos;
    while (isDigit(text[pos])) pos++;
    fraction = text.slice(start, pos);
  }
  const suffixStart = pos;
  while (pos < text.length && 'eEinumkKMGTP'.includes(text[pos])) pos++;
  if (text[pos] === '-' || text[pos] === '+') pos++;
  while (isDigit(text[pos])) pos++;
  if (pos !== text.length) throw new QuantityParseError(QUANTITY_FORMAT_ERROR);
  return { negative, whole, fraction, suffix: text.slice(suffixStart) };
}

interface Suffix {
  base: 2 | 10;
  exponent: number;
  format: QuantityFormat;
}

function interpretSuffix(suffix: string): Suffix {
  if (suffix in decimalSuffixes) return { base: 10, exponent: decimalSuffixes[suffix], format: 'DecimalSI' };
  if (suffix in binarySuffixes) return { base: 2, exponent: binarySuffixes[suffix], format: 'BinarySI' };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[-+]?[0-9]+$/.test(suffix.slice(1))) {
    const exponent = Number(suffix.slice(1));
    if (Math.abs(exponent) > MAX_DECIMAL_EXPONENT) throw new QuantityParseError(QUANTITY_NUMERIC_ERROR);
    return { base: 10, exponent, format: 'DecimalExponent' };
  }
  throw new QuantityParseError(QUANTITY_SUFFIX_ERROR);
}

/** a / b rounded away from zero (both non-negative here). */
const divideUp = (a: bigint, b: bigint): bigint => (a % b === 0n ? a / b : a / b + 1n);

// The same few quantities ("100m", "64Mi") are parsed over and over by defaults, validation
// and QoS: remember recent results (Quantity values are frozen, so sharing them is safe).
const parsed = new Map<string, Quantity>();
const PARSED_CACHE_LIMIT = 4096;

/** Parses a quantity as the API server decodes one; throws QuantityParseError with Go's message. */
export function parseQuantity(input: string | number): Quantity {
  const text = typeof input === 'number' ? String(input) : input;
  const known = parsed.get(text);
  if (known) return known;
  const q = Object.freeze(parseUncached(text));
  if (parsed.size >= PARSED_CACHE_LIMIT) parsed.clear();
  parsed.set(text, q);
  return q;
}

function parseUncached(text: string): Quantity {
  if (text.length === 0) throw new QuantityParseError(QUANTITY_FORMAT_ERROR);
  if (text === '0') return { nanos: 0n, format: 'DecimalSI' };
  const { negative, whole, fraction, suffix } = scan(text);
  const unit = interpretSuffix(suffix);
  let format = unit.format;
  // digits * 10^-len(fraction) * base^exponent, expressed in nano-units, magnitude rounded up.
  const digits = BigInt((whole || '0') + fraction);
  let nanos: bigint;
  if (unit.base === 10) {
    const shift = unit.exponent - fraction.length + 9;
    nanos = shift >= 0 ? digits * 10n ** BigInt(shift) : divideUp(digits, 10n ** BigInt(-shift));
  } else {
    const scaled = digits << BigInt(unit.exponent);
    const shift = 9 - fraction.length;
    nanos = shift >= 0 ? scaled * 10n ** BigInt(shift) : divideUp(scaled, 10n ** BigInt(-shift));
    if (nanos > MAX_BINARY_NANOS) nanos = MAX_BINARY_NANOS;
    // Below one unit a binary suffix would only confuse: show it as a decimal amount.
    if (nanos > 0n && nanos < NANO) format = 'DecimalSI';
  }
  return { nanos: negative ? -nanos : nanos, format };
}

/** The parse error message for a value, or undefined when it parses. */
export function quantityError(input: unknown): string | undefined {
  if (typeof input !== 'string' && typeof input !== 'number') return QUANTITY_FORMAT_ERROR;
  try {
    parseQuantity(input);
    return undefined;
  } catch (e) {
    if (e instanceof QuantityParseError) return e.message;
    throw e;
  }
}

export function compareQuantities(a: Quantity, b: Quantity): -1 | 0 | 1 {
  return a.nanos < b.nanos ? -1 : a.nanos > b.nanos ? 1 : 0;
}

export const isZero = (q: Quantity): boolean => q.nanos === 0n;

/** Mantissa and power of ten with no trailing zeros left in the mantissa beyond a multiple of three. */
function decimalParts(nanos: bigint): { mantissa: bigint; exponent: number } {
  let mantissa = nanos;
  let exponent = -9;
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exponent++;
  }
  // Lower the exponent to a multiple of three: 15e-1 becomes 1500e-3 ("1500m").
  while (((exponent % 3) + 3) % 3 !== 0) {
    mantissa *= 10n;
    exponent--;
  }
  return { mantissa, exponent };
}

function decimalString(nanos: bigint, format: QuantityFormat): string {
  let { mantissa, exponent } = decimalParts(nanos);
  if (format === 'DecimalExponent') return exponent === 0 ? `${mantissa}` : `${mantissa}e${exponent}`;
  // Past "E" there is no SI suffix; keep the digits instead of inventing one.
  while (exponent > 18) {
    mantissa *= 1000n;
    exponent -= 3;
  }
  return `${mantissa}${decimalByExponent.get(exponent) ?? ''}`;
}

function binaryString(units: bigint): string {
  let mantissa = units;
  let exponent = 0;
  while (exponent < 60 && mantissa % 1024n === 0n) {
    mantissa /= 1024n;
    exponent += 10;
  }
  return `${mantissa}${binaryByExponent.get(exponent) ?? ''}`;
}

/**
 * The canonical form the API server writes back: no fractional digits, the largest
 * suffix of the same family that loses nothing. "1.5" -> "1500m", "1.5Gi" -> "1536Mi",
 * "1000" -> "1k", "0.5Ki" -> "512", "1e3" -> "1e3".
 */
export function quantityToString(q: Quantity): string {
  if (q.nanos === 0n) return '0';
  if (q.format === 'BinarySI') {
    const abs = q.nanos < 0n ? -q.nanos : q.nanos;
    const whole = abs % NANO === 0n;
    // Small or fractional binary amounts are printed as decimal to avoid rounding.
    if (abs >= 1024n * NANO && whole) return binaryString(q.nanos / NANO);
    return decimalString(q.nanos, 'DecimalSI');
  }
  return decimalString(q.nanos, q.format);
}

/** Parse and print back: what a client reads after writing `input`. */
export function canonicalQuantity(input: string | number): string {
  return quantityToString(parseQuantity(input));
}

/**
 * Rounds away from zero to a power-of-ten scale (-3 = milli), as Quantity.RoundUp.
 * Resource lists are rounded to milli-units on decode, so "0.5m" CPU reads back "1m".
 */
export function roundUpQuantity(q: Quantity, scale: number): Quantity {
  if (scale >= 9 + 30 || scale <= -9) return q;
  const step = 10n ** BigInt(scale + 9);
  const abs = q.nanos < 0n ? -q.nanos : q.nanos;
  const rounded = divideUp(abs, step) * step;
  return { nanos: q.nanos < 0n ? -rounded : rounded, format: q.format };
}

/** Value in milli-units, rounded up, as Quantity.MilliValue (the scheduler counts CPU this way). */
export function milliValue(q: Quantity): number {
  return Number(ceilDiv(q.nanos, 1_000_000n));
}

/** Value in whole units, rounded up, as Quantity.Value (the scheduler counts memory this way). */
export function unitValue(q: Quantity): number {
  return Number(ceilDiv(q.nanos, NANO));
}

/** Ceiling of a / b for b > 0 (Go rounds these up, towards +infinity). */
function ceilDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a > 0n ? q + 1n : q;
}

export function addQuantities(a: Quantity, b: Quantity): Quantity {
  return { nanos: a.nanos + b.nanos, format: a.nanos === 0n ? b.format : a.format };
}

export function subtractQuantities(a: Quantity, b: Quantity): Quantity {
  return { nanos: a.nanos - b.nanos, format: a.nanos === 0n ? b.format : a.format };
}

export const zeroQuantity: Quantity = Object.freeze({ nanos: 0n, format: 'DecimalSI' });
