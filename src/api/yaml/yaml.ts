// A small YAML reader: enough for KubeSchedulerConfiguration files, kubeconfigs and manifests.
// Spec: https://yaml.org/spec/1.2.2/ (block and flow collections, the core schema).
//
// Reads: block maps and block lists (a list may sit at its key's indentation, as kubectl
// writes), "- key: v" items, flow lists and maps ([a, b], {a: 1}, across lines), plain, single-
// and double-quoted scalars, literal (|) and folded (>) block scalars with chomping (-, +),
// comments, "---" document markers (parseYaml reads the first document, parseYamlAll all).
// Scalars resolve with the YAML 1.2 core schema: null (~, null, empty), booleans (true/false in
// three casings), ints (decimal, 0o octal, 0x hex), floats (incl. .inf, .nan); the rest are
// strings. Limits: no anchors, aliases or tags (an error says so), no complex ("? ") keys, no
// multi-line plain or quoted scalars in block context, no explicit indentation indicators.
import { resolveScalar, scanQuoted } from './scalar.js';
import { FlowReader } from './flow.js';

export type YamlValue = null | boolean | number | string | YamlValue[] | { [key: string]: YamlValue };

export class YamlError extends Error {
  constructor(message: string, readonly line: number) {
    super(`yaml: line ${line}: ${message}`);
  }
}

interface Line {
  readonly no: number;
  indent: number;
  text: string;
}

/** Cuts a trailing comment: "#" at the start or after a blank, outside quotes and flow scalars. */
export function stripComment(s: string): string {
  let quote = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = quote === "'" && s[i + 1] === "'" ? (i++, quote) : '';
    } else if ((c === '"' || c === "'") && (i === 0 || ' \t[{,:-'.includes(s[i - 1]))) quote = c;
    else if (c === '#' && (i === 0 || s[i - 1] === ' ' || s[i - 1] === '\t')) return s.slice(0, i).trimEnd();
  }
  return s.trimEnd();
}

/** Where a "key: value" line's colon is (": " or ":" at the end, outside quotes and brackets), or -1. */
function mappingColon(s: string): number {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if ((c === '"' || c === "'") && (i === 0 || ' [{,'.includes(s[i - 1]))) {
      i = scanQuoted(s, i).end - 1;
    } else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
    else if (c === ':' && depth === 0 && (i + 1 === s.length || s[i + 1] === ' ')) return i;
  }
  return -1;
}

const isSeqItem = (t: string): boolean => t === '-' || t.startsWith('- ');

class BlockReader {
  pos = 0;
  constructor(private readonly lines: Line[], private readonly raw: string[]) {}

  get cur(): Line | undefined {
    return this.lines[this.pos];
  }

  node(indent: number): YamlValue {
    const l = this.cur;
    if (!l || l.indent < indent) return null;
    if (isSeqItem(l.text)) return this.seq(l.indent);
    if (mappingColon(l.text) >= 0) return this.map(l.indent);
    this.pos++;
    return this.inline(l.text, l);
  }

  private seq(indent: number): YamlValue[] {
    const out: YamlValue[] = [];
    for (let l = this.cur; l && l.indent === indent && isSeqItem(l.text); l = this.cur) {
      const rest = l.text.slice(1).trimStart();
      if (rest === '') {
        this.pos++;
        out.push(this.cur && this.cur.indent > indent ? this.node(indent + 1) : null);
        continue;
      }
      // "- key: v" opens a node indented at the item's text: read it as if on its own line.
      l.indent += l.text.length - rest.length;
      l.text = rest;
      out.push(this.node(l.indent));
    }
    if (this.cur && this.cur.indent > indent) throw new YamlError('bad indentation of a sequence entry', this.cur.no);
    return out;
  }

  private map(indent: number): { [key: string]: YamlValue } {
    const out: { [key: string]: YamlValue } = {};
    for (let l = this.cur; l && l.indent === indent && !isSeqItem(l.text); l = this.cur) {
      const colon = mappingColon(l.text);
      if (colon < 0) throw new YamlError(`could not find expected ':' in "${l.text}"`, l.no);
      const key = this.key(l.text.slice(0, colon).trim(), l);
      if (Object.hasOwn(out, key)) throw new YamlError(`mapping key "${key}" already defined`, l.no);
      const rest = l.text.slice(colon + 1).trim();
      this.pos++;
      out[key] = this.value(rest, indent, l);
    }
    if (this.cur && this.cur.indent > indent) throw new YamlError('mapping values are not allowed in this context', this.cur.no);
    return out;
  }

  private key(text: string, l: Line): string {
    if (text.startsWith('? ')) throw new YamlError('complex keys ("? ") are not supported', l.no);
    const v = text.startsWith('"') || text.startsWith("'") ? scanQuoted(text, 0).value : resolveScalar(text);
    return v === null ? 'null' : String(v);
  }

  /** A map value: nested block, a list at the key's indentation, a block scalar or inline. */
  private value(rest: string, indent: number, l: Line): YamlValue {
    if (rest === '') {
      const next = this.cur;
      if (next && next.indent > indent) return this.node(next.indent);
      if (next && next.indent === indent && isSeqItem(next.text)) return this.seq(indent);
      return null;
    }
    if (/^[|>][-+]?$/.test(rest)) return this.blockScalar(rest, indent, l);
    return this.inline(rest, l);
  }

  /** Flow collection (possibly across lines) or a scalar. */
  private inline(text: string, l: Line): YamlValue {
    if (/^[&*!]/.test(text)) throw new YamlError('anchors, aliases and tags are not supported', l.no);
    if (text.startsWith('[') || text.startsWith('{')) {
      let src = text;
      for (;;) {
        const r = new FlowReader(src, l.no).tryRead();
        if (r.done) return r.value;
        const next = this.cur;
        if (!next) throw new YamlError('unterminated flow collection', l.no);
        src += ` ${next.text}`;
        this.pos++;
      }
    }
    if (text.startsWith('"') || text.startsWith("'")) {
      const q = scanQuoted(text, 0);
      if (q.end !== text.length) throw new YamlError('unexpected text after a quoted scalar', l.no);
      return q.value;
    }
    return resolveScalar(text);
  }

  /** "|" keeps line breaks, ">" folds them into spaces; "-" strips the final one, "+" keeps all. */
  private blockScalar(header: string, indent: number, l: Line): string {
    const body: string[] = [];
    let i = l.no; // raw index of the next raw line (line numbers count from 1)
    let bodyIndent = -1;
    for (; i < this.raw.length; i++) {
      const r = this.raw[i];
      if (r.trim() === '') {
        body.push('');
        continue;
      }
      const ind = r.length - r.trimStart().length;
      if (bodyIndent < 0) bodyIndent = ind;
      if (ind < bodyIndent || ind <= indent) break;
      body.push(r.slice(bodyIndent));
    }
    while (this.cur && this.cur.no <= i) this.pos++;
    let trailing = 0;
    while (body.length && body[body.length - 1] === '') (body.pop(), trailing++);
    const text = header[0] === '|' ? body.join('\n') : fold(body);
    if (header.endsWith('-') || body.length === 0) return text;
    return header.endsWith('+') ? text + '\n'.repeat(trailing + 1) : `${text}\n`;
  }
}

/** Folding: a break between two text lines is a space; blank lines stay breaks; more-indented lines keep theirs. */
function fold(lines: string[]): string {
  let out = lines[0] ?? '';
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1];
    const l = lines[i];
    if (l === '') out += '\n';
    else if (prev === '') out += l;
    else out += (l.startsWith(' ') || prev.startsWith(' ') ? '\n' : ' ') + l;
  }
  return out;
}

function linesOf(doc: string[], offset: number): Line[] {
  const out: Line[] = [];
  doc.forEach((raw, i) => {
    const text = stripComment(raw);
    if (text.trim() === '') return;
    const indent = text.length - text.trimStart().length;
    if (text.slice(0, indent).includes('\t')) throw new YamlError('found a tab character where an indentation space is expected', offset + i + 1);
    out.push({ no: offset + i + 1, indent, text: text.trimStart() });
  });
  return out;
}

function readDocument(raw: string[], from: number, to: number): YamlValue {
  // Keep all raw lines (for block scalars and line numbers) but blank out other documents.
  const view = raw.map((r, i) => (i >= from && i < to ? r : ''));
  const reader = new BlockReader(linesOf(view, 0), view);
  const first = reader.cur;
  const value = reader.node(first?.indent ?? 0);
  if (reader.cur) throw new YamlError(`did not expect "${reader.cur.text}" here`, reader.cur.no);
  return value;
}

/** Every document of a stream ("---" separated); an empty stream has none. */
export function parseYamlAll(text: string): YamlValue[] {
  const raw = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (raw.some((r) => r.startsWith('%'))) throw new YamlError('directives are not supported', raw.findIndex((r) => r.startsWith('%')) + 1);
  const docs: YamlValue[] = [];
  let start = 0;
  const flush = (end: number) => {
    if (raw.slice(start, end).some((r) => stripComment(r).trim() !== '')) docs.push(readDocument(raw, start, end));
  };
  raw.forEach((r, i) => {
    if (/^(---|\.\.\.)(\s|$)/.test(r)) {
      flush(i);
      start = i + 1;
      const after = r.slice(3).trim();
      if (r.startsWith('---') && after !== '' && !after.startsWith('#')) throw new YamlError('content on a "---" line is not supported', i + 1);
    }
  });
  flush(raw.length);
  return docs;
}

/** The first document, or null when there is none. */
export function parseYaml(text: string): YamlValue {
  return parseYamlAll(text)[0] ?? null;
}
