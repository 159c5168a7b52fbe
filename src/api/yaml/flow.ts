// YAML flow collections on one (joined) line: [a, b], {k: v}, nested, with quoted scalars.
// JSON is a flow collection too. Spec: https://yaml.org/spec/1.2.2/#74-flow-collection-styles.
import { resolveScalar, scanQuoted } from './scalar.js';
import { YamlError, type YamlValue } from './yaml.js';

/** Thrown inside the reader when the text ends before the collection closes. */
class Incomplete extends Error {}

export class FlowReader {
  private i = 0;
  constructor(private readonly s: string, private readonly line: number) {}

  /** The collection, or done=false when it continues on a later line. */
  tryRead(): { done: true; value: YamlValue } | { done: false } {
    try {
      const value = this.value(']');
      this.blanks();
      if (this.i < this.s.length) throw new YamlError(`unexpected "${this.s.slice(this.i)}" after a flow collection`, this.line);
      return { done: true, value };
    } catch (e) {
      if (e instanceof Incomplete) return { done: false };
      throw e;
    }
  }

  private blanks(): void {
    while (this.i < this.s.length && (this.s[this.i] === ' ' || this.s[this.i] === '\t')) this.i++;
  }

  private peek(): string {
    this.blanks();
    if (this.i >= this.s.length) throw new Incomplete();
    return this.s[this.i];
  }

  private value(closer: string): YamlValue {
    const c = this.peek();
    if (c === '[') return this.seq();
    if (c === '{') return this.map();
    if (c === '"' || c === "'") {
      try {
        const q = scanQuoted(this.s, this.i);
        this.i = q.end;
        return q.value;
      } catch {
        throw new Incomplete();
      }
    }
    if ('&*!'.includes(c)) throw new YamlError('anchors, aliases and tags are not supported', this.line);
    return resolveScalar(this.plain(closer));
  }

  /** A plain scalar in flow context ends at "," the closer, or ": " in a map. */
  private plain(closer: string): string {
    const start = this.i;
    while (this.i < this.s.length) {
      const c = this.s[this.i];
      if (c === ',' || c === closer || c === ']' || c === '}') break;
      if (c === ':' && closer === '}' && (this.s[this.i + 1] === ' ' || this.s[this.i + 1] === undefined || ',}'.includes(this.s[this.i + 1]))) break;
      this.i++;
    }
    return this.s.slice(start, this.i).trim();
  }

  private seq(): YamlValue[] {
    this.i++;
    const out: YamlValue[] = [];
    for (;;) {
      if (this.peek() === ']') return (this.i++, out);
      out.push(this.value(']'));
      const c = this.peek();
      if (c === ',') this.i++;
      else if (c !== ']') throw new YamlError(`expected "," or "]" in a flow sequence, got "${c}"`, this.line);
    }
  }

  private map(): { [key: string]: YamlValue } {
    this.i++;
    const out: { [key: string]: YamlValue } = {};
    for (;;) {
      if (this.peek() === '}') return (this.i++, out);
      const k = this.value('}');
      const key = k === null ? 'null' : typeof k === 'object' ? JSON.stringify(k) : String(k);
      let v: YamlValue = null;
      if (this.peek() === ':') {
        this.i++;
        v = this.peek() === ',' || this.peek() === '}' ? null : this.value('}');
      }
      if (Object.hasOwn(out, key)) throw new YamlError(`mapping key "${key}" already defined`, this.line);
      out[key] = v;
      const c = this.peek();
      if (c === ',') this.i++;
      else if (c !== '}') throw new YamlError(`expected "," or "}" in a flow mapping, got "${c}"`, this.line);
    }
  }
}
