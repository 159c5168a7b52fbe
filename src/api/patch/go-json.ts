// Decoding a request body the way Go's encoding/json does, so that malformed bodies fail with the
// words kube-apiserver uses. Kubernetes twin: encoding/json (scanner.go, decode.go) as used through
// sigs.k8s.io/json by staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go.

/** An error whose message is the text Go's decoder would have produced. */
export class GoJsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GoJsonError';
  }
}

const END_OF_INPUT = 'unexpected end of JSON input';

/** Parses JSON; on failure throws a GoJsonError worded like Go ("invalid character 'x' looking for ..."). */
export function decodeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new GoJsonError(new GoScanner(text).firstError() ?? END_OF_INPUT);
  }
}

/** Go's word for a JSON value in "json: cannot unmarshal <word> into Go value of type <type>". */
export function unmarshalTypeError(value: unknown, goType: string): GoJsonError {
  const word = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value === 'object' ? 'object' : typeof value === 'boolean' ? 'bool' : typeof value;
  return new GoJsonError(`json: cannot unmarshal ${word} into Go value of type ${goType}`);
}

/** Go's quoteChar: how the scanner prints the offending character. */
function quoteChar(c: string): string {
  if (c === "'") return `'\\''`;
  if (c === '"') return `'"'`;
  const escapes: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f', '\v': '\\v', '\x07': '\\a', '\\': '\\\\' };
  if (escapes[c]) return `'${escapes[c]}'`;
  const code = c.charCodeAt(0);
  if (code < 0x20 || code === 0x7f) return `'\\x${code.toString(16).padStart(2, '0')}'`;
  return `'${c}'`;
}

class SyntaxFailure {
  constructor(readonly message: string) {}
}

/** A recursive-descent walk that stops at the first byte Go's scanner would reject. */
class GoScanner {
  private pos = 0;
  constructor(private readonly text: string) {}

  firstError(): string | undefined {
    try {
      this.value();
      this.skipSpace();
      if (this.pos < this.text.length) this.fail('after top-level value');
      return undefined;
    } catch (e) {
      if (e instanceof SyntaxFailure) return e.message;
      throw e;
    }
  }

  private fail(context: string): never {
    if (this.pos >= this.text.length) throw new SyntaxFailure(END_OF_INPUT);
    throw new SyntaxFailure(`invalid character ${quoteChar(this.text[this.pos])} ${context}`);
  }

  private peek(): string | undefined {
    return this.text[this.pos];
  }

  private skipSpace(): void {
    while (this.pos < this.text.length && ' \t\r\n'.includes(this.text[this.pos])) this.pos++;
  }

  private value(): void {
    this.skipSpace();
    const c = this.peek();
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    if (c === 't') return this.literal('true');
    if (c === 'f') return this.literal('false');
    if (c === 'n') return this.literal('null');
    this.fail('looking for beginning of value');
  }

  private object(): void {
    this.pos++;
    this.skipSpace();
    if (this.peek() === '}') return void this.pos++;
    for (;;) {
      this.skipSpace();
      if (this.peek() !== '"') this.fail('looking for beginning of object key string');
      this.string();
      this.skipSpace();
      if (this.peek() !== ':') this.fail('after object key');
      this.pos++;
      this.value();
      this.skipSpace();
      if (this.peek() === ',') {
        this.pos++;
        continue;
      }
      if (this.peek() === '}') return void this.pos++;
      this.fail('after object key:value pair');
    }
  }

  private array(): void {
    this.pos++;
    this.skipSpace();
    if (this.peek() === ']') return void this.pos++;
    for (;;) {
      this.value();
      this.skipSpace();
      if (this.peek() === ',') {
        this.pos++;
        continue;
      }
      if (this.peek() === ']') return void this.pos++;
      this.fail('after array element');
    }
  }

  private string(): void {
    this.pos++;
    for (;;) {
      const c = this.peek();
      if (c === undefined) this.fail('');
      if (c === '"') return void this.pos++;
      if (c < ' ') this.fail('in string literal');
      this.pos++;
      if (c === '\\') this.escape();
    }
  }

  private escape(): void {
    const c = this.peek();
    if (c === undefined || !'"\\/bfnrtu'.includes(c)) this.fail('in string escape code');
    this.pos++;
    if (c !== 'u') return;
    for (let i = 0; i < 4; i++) {
      if (!/[0-9a-fA-F]/.test(this.peek() ?? '')) this.fail('in \\u hexadecimal character escape');
      this.pos++;
    }
  }

  private digits(context: string): void {
    if (!/[0-9]/.test(this.peek() ?? '')) this.fail(context);
    while (/[0-9]/.test(this.peek() ?? '')) this.pos++;
  }

  private number(): void {
    if (this.peek() === '-') this.pos++;
    if (this.peek() === '0') this.pos++;
    else this.digits('in numeric literal');
    if (this.peek() === '.') {
      this.pos++;
      this.digits('after decimal point in numeric literal');
    }
    if (this.peek() === 'e' || this.peek() === 'E') {
      this.pos++;
      if (this.peek() === '+' || this.peek() === '-') this.pos++;
      this.digits('in exponent of numeric literal');
    }
  }

  private literal(word: string): void {
    this.pos++;
    for (let i = 1; i < word.length; i++) {
      if (this.peek() !== word[i]) this.fail(`in literal ${word} (expecting ${quoteChar(word[i])})`);
      this.pos++;
    }
  }
}
