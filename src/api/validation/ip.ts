// IP address parsing and the address classes kube refuses as endpoints.
// Kubernetes twins: k8s.io/apimachinery/pkg/util/validation/ip.go, k8s.io/utils/net (ParseIPSloppy),
// ValidateNonSpecialIP in pkg/apis/core/validation/validation.go.

import { FieldPath, invalid, type FieldError } from '../field-errors.js';

export type IPFamily = 'IPv4' | 'IPv6';

const DOT = 46; // '.'

/** Dotted quad with leading zeros allowed, as Go before 1.17 and ParseIPSloppy ("010.1.1.1" is 10.1.1.1). */
function parseIPv4(s: string): number[] | undefined {
  // One pass over the characters: four dot-separated runs of 1-3 digits, each at most 255.
  const bytes: number[] = [];
  let value = 0;
  let digits = 0;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : DOT; // the end closes the last part as a dot would
    if (c === DOT) {
      if (digits === 0 || value > 255 || bytes.length === 4) return undefined;
      bytes.push(value);
      value = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57 && digits < 3) {
      value = value * 10 + (c - 48);
      digits++;
    } else return undefined;
  }
  return bytes.length === 4 ? bytes : undefined;
}

/** Sixteen bytes, or undefined. Accepts "::" compression and a trailing dotted quad. */
function parseIPv6(s: string): number[] | undefined {
  if (!/^[0-9A-Fa-f:.]+$/.test(s)) return undefined;
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const toWords = (h: string): number[] | undefined => {
    if (h === '') return [];
    const groups = h.split(':');
    const words: number[] = [];
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i];
      if (i === groups.length - 1 && g.includes('.')) {
        const v4 = parseIPv4(g);
        if (!v4) return undefined;
        words.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
      } else if (/^[0-9A-Fa-f]{1,4}$/.test(g)) words.push(parseInt(g, 16));
      else return undefined;
    }
    return words;
  };
  const head = toWords(halves[0]);
  const tail = halves.length === 2 ? toWords(halves[1]) : [];
  if (!head || !tail) return undefined;
  // A dotted quad may only end the address, never sit before "::".
  if (halves.length === 2 && halves[0].includes('.')) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const words = [...head, ...new Array<number>(missing).fill(0), ...tail];
  return words.flatMap((w) => [w >> 8, w & 0xff]);
}

export interface ParsedIP {
  family: IPFamily;
  /** The address as four bytes (IPv4 and IPv4-mapped IPv6) or sixteen. */
  bytes: number[];
}

/** Go's net.ParseIP semantics: "::ffff:1.2.3.4" is an IPv4 address. */
export function parseIP(value: string): ParsedIP | undefined {
  const v4 = parseIPv4(value);
  if (v4) return { family: 'IPv4', bytes: v4 };
  const v6 = parseIPv6(value);
  if (!v6) return undefined;
  const mapped = v6.slice(0, 10).every((b) => b === 0) && v6[10] === 0xff && v6[11] === 0xff;
  return mapped ? { family: 'IPv4', bytes: v6.slice(12) } : { family: 'IPv6', bytes: v6 };
}

export const ipFamilyOf = (value: string): IPFamily | undefined => parseIP(value)?.family;

export function isValidIP(value: string): string[] {
  return parseIP(value) ? [] : ['must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'];
}
export function isValidIPv4Address(value: string): string[] {
  return ipFamilyOf(value) === 'IPv4' ? [] : ['must be a valid IPv4 address'];
}
export function isValidIPv6Address(value: string): string[] {
  return ipFamilyOf(value) === 'IPv6' ? [] : ['must be a valid IPv6 address'];
}

/** CIDR "ip/prefix" with the prefix in range for the family (Go's ParseCIDR, sloppy about leading zeros). */
export function isValidCIDR(value: string): string[] {
  const slash = value.indexOf('/');
  const ip = slash < 0 ? undefined : parseIP(value.slice(0, slash));
  const prefix = value.slice(slash + 1);
  const max = ip && (ip.bytes.length === 4 && !value.slice(0, slash).includes(':') ? 32 : 128);
  const ok = ip !== undefined && max !== undefined && /^[0-9]{1,3}$/.test(prefix) && Number(prefix) <= max;
  return ok ? [] : ['must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'];
}

/**
 * Unspecified, loopback and link-local addresses make no sense as a place to send
 * service traffic (link-local is where node-local services such as metadata live).
 */
export function validateNonSpecialIP(value: string, path: FieldPath): FieldError[] {
  const ip = parseIP(value);
  if (!ip) return [invalid(path, value, 'must be a valid IP address')];
  const b = ip.bytes;
  const errs: FieldError[] = [];
  const v4 = ip.family === 'IPv4';
  if (b.every((x) => x === 0)) errs.push(invalid(path, value, `may not be unspecified (${value})`));
  const loopback = v4 ? b[0] === 127 : b.slice(0, 15).every((x) => x === 0) && b[15] === 1;
  if (loopback) errs.push(invalid(path, value, 'may not be in the loopback range (127.0.0.0/8, ::1/128)'));
  const linkLocal = v4 ? b[0] === 169 && b[1] === 254 : b[0] === 0xfe && (b[1] & 0xc0) === 0x80;
  if (linkLocal) errs.push(invalid(path, value, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'));
  const linkLocalMulticast = v4 ? b[0] === 224 && b[1] === 0 && b[2] === 0 : b[0] === 0xff && (b[1] & 0x0f) === 0x02;
  if (linkLocalMulticast) errs.push(invalid(path, value, 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'));
  return errs;
}
