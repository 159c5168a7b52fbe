// The validators accept valid names with a character scan before any regex runs: each boolean
// fast check must agree with the message-producing check of the same name on every input.
import { describe, expect, it } from 'vitest';
import { FieldPath } from '../../src/api/field-errors.js';
import {
  dns1123LabelOk,
  dns1123SubdomainOk,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidIP,
  isValidLabelValue,
  isValidPortName,
  isValidPortNum,
  isLongerInUTF8,
  labelValueOk,
  portNameOk,
  portNumberOk,
  qualifiedNameOk,
} from '../../src/api/validation/names.js';
import { validatePathNoBacksteps } from '../../src/api/validation/pod-volumes.js';

const TRICKY = [
  '', 'a', 'A', '0', '-', '.', '_', '/', 'a-', '-a', 'a.', '.a', 'a..b', 'a.-b', 'a-.b', 'a--b', 'a_b', 'A_b.c-D',
  'x.io/y', 'x.io/', '/y', 'X.io/y', 'x.io/-y', 'x.io/y/z', 'x..io/y', 'a'.repeat(63), 'a'.repeat(64),
  `${'a.'.repeat(126)}a/b`, `${'a'.repeat(254)}/b`, `x.io/${'b'.repeat(63)}`, `x.io/${'b'.repeat(64)}`,
  'ü', 'aü', 'a b', 'http', 'h-t-p', '1234', 'a1', 'abcdefghijklmnop', '-http', 'http-', 'x\u0000',
];

describe('fast acceptance agrees with the full checks', () => {
  it.each(TRICKY)('%j', (s) => {
    expect(dns1123LabelOk(s)).toBe(isDNS1123Label(s).length === 0);
    expect(dns1123SubdomainOk(s)).toBe(isDNS1123Subdomain(s).length === 0);
    expect(qualifiedNameOk(s)).toBe(isQualifiedName(s).length === 0);
    expect(labelValueOk(s)).toBe(isValidLabelValue(s).length === 0);
    expect(portNameOk(s)).toBe(isValidPortName(s).length === 0);
    expect(isLongerInUTF8(s, 63)).toBe(Buffer.byteLength(s, 'utf8') > 63);
  });

  it('port numbers', () => {
    for (const n of [0, 1, 80, 65535, 65536, -1, 1.5]) expect(portNumberOk(n)).toBe(isValidPortNum(n).length === 0);
  });

  it('dotted quads: 1-3 digits per part, at most 255, exactly four parts', () => {
    const valid = ['1.2.3.4', '010.1.1.1', '255.255.255.255', '0.0.0.0'];
    const invalid = ['256.1.1.1', '1.2.3', '1.2.3.4.', '.1.2.3', '1..2.3', '0001.1.1.1', '1.2.3.4.5', '1.2.3.a', ''];
    for (const ip of valid) expect(isValidIP(ip)).toEqual([]);
    for (const ip of invalid) expect(isValidIP(ip)).toHaveLength(1);
  });

  it('backsteps are whole ".." elements', () => {
    const path = FieldPath.root('p');
    for (const target of ['..', '../a', 'a/..', 'a/../b']) expect(validatePathNoBacksteps(target, path)).toHaveLength(1);
    for (const target of ['...', '..a', 'a..', 'a/..b', 'a/b..', '.', '']) expect(validatePathNoBacksteps(target, path)).toEqual([]);
  });
});
