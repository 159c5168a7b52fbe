// YAML scalars: quoted forms and the 1.2 core schema for plain ones.
// Spec: https://yaml.org/spec/1.2.2/#103-core-schema and #731-double-quoted-style.
import type { YamlValue } from './yaml.js';

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

/** Reads the quoted scalar starting at s[start] ("..." with escapes, '...' with '' for '). */
export function scanQuoted(s: string, start: number): { value: string; end: number } {
  const q = s[start];
  let out = '';
  for (let i = start + 1; i < s.length; i++) {
    const c = s[i];
    if (q === "'" && c === "'") {
      if (s[i + 1] === "'") (out += "'", i++);
      else return { value: out, end: i + 1 };
    } else if (q === '"' && c === '"') return { value: out, end: i + 1 };
    else if (q === '"' && c === '\\') {
      const e = s[++i];
      const n = HEX_LENGTH[e];
      if (n) {
        const hex = s.slice(i + 1, i + 1 + n);
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== n) throw new Error(`yaml: bad escape \\${e}${hex}`);
        out += String.fromCodePoint(parseInt(hex, 16));
        i += n;
      } else if (e in ESCAPES) out += ESCAPES[e];
      else throw new Error(`yaml: unknown escape \\${e}`);
    } else out += c;
  }
  throw new Error(`yaml: unterminated quoted scalar ${s.slice(start)}`);
}

/**
 * A plain scalar under the core schema. Examples: "~" -> null, "True" -> true, "0x1F" -> 31,
 * "0o17" -> 15, "-1.5e3" -> -1500, ".inf" -> Infinity, "yes" -> "yes" (1.2 has no yes/no), "012"
 * -> 12 (decimal in 1.2), "1_000" -> "1_000".
 */
export function resolveScalar(s: string): YamlValue {
  if (s === '' || s === '~' || s === 'null' || s === 'Null' || s === 'NULL') return null;
  if (s === 'true' || s === 'True' || s === 'TRUE') return true;
  if (s === 'false' || s === 'False' || s === 'FALSE') return false;
  if (/^[-+]?[0-9]+$/.test(s)) return Number.parseInt(s, 10);
  if (/^0o[0-7]+$/.test(s)) return Number.parseInt(s.slice(2), 8);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return Number.parseInt(s.slice(2), 16);
  if (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(s)) return Number.parseFloat(s);
  if (/^[-+]?\.(inf|Inf|INF)$/.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
  if (/^\.(nan|NaN|NAN)$/.test(s)) return Number.NaN;
  return s;
}
