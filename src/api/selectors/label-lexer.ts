// Tokens of the label selector string form ("a in (x,y),!b,c!=d").
// Kubernetes twin: k8s.io/apimachinery/pkg/labels/selector.go (Lexer, Token, string2token).
//
// The scanner works character by character exactly as Go's does byte by byte: every character
// it treats specially is ASCII, and reading past the end (or a NUL) gives the "0" sentinel.

export type TokenKind =
  | 'error'
  | 'end'
  | ')'
  | ','
  | '!'
  | '=='
  | '='
  | '>'
  | 'identifier'
  | 'in'
  | '<'
  | '!='
  | 'notin'
  | '(';

export interface Token {
  readonly kind: TokenKind;
  readonly literal: string;
}

/** Literal text to token, for operators and the two keywords (string2token). */
const keywords: ReadonlyMap<string, TokenKind> = new Map<string, TokenKind>([
  [')', ')'],
  [',', ','],
  ['!', '!'],
  ['==', '=='],
  ['=', '='],
  ['>', '>'],
  ['in', 'in'],
  ['<', '<'],
  ['!=', '!='],
  ['notin', 'notin'],
  ['(', '('],
]);

const END = '\0';
const isWhitespace = (ch: string): boolean => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
const isSpecialSymbol = (ch: string): boolean => ch.length === 1 && '=!(),><'.includes(ch);

class Lexer {
  private pos = 0;
  constructor(private readonly text: string) {}

  private read(): string {
    if (this.pos >= this.text.length) return END;
    return this.text[this.pos++];
  }

  private unread(): void {
    this.pos--;
  }

  /** An identifier runs to the next whitespace or operator character; "in"/"notin" become keywords. */
  private scanIdOrKeyword(): Token {
    let buffer = '';
    for (;;) {
      const ch = this.read();
      if (ch === END) break;
      if (isSpecialSymbol(ch) || isWhitespace(ch)) {
        this.unread();
        break;
      }
      buffer += ch;
    }
    return { kind: keywords.get(buffer) ?? 'identifier', literal: buffer };
  }

  /** Longest operator match: "!=" beats "!", "==" beats "=", but "=(" is "=" then "(". */
  private scanSpecialSymbol(): Token {
    let buffer = '';
    let last: Token | undefined;
    for (;;) {
      const ch = this.read();
      if (ch === END) break;
      if (!isSpecialSymbol(ch)) {
        this.unread();
        break;
      }
      buffer += ch;
      const kind = keywords.get(buffer);
      if (kind !== undefined) last = { kind, literal: buffer };
      else if (last !== undefined) {
        this.unread();
        break;
      }
    }
    return last ?? { kind: 'error', literal: `error expected: keyword found '${buffer}'` };
  }

  next(): Token {
    let ch = this.read();
    while (isWhitespace(ch)) ch = this.read();
    if (ch === END) return { kind: 'end', literal: '' };
    this.unread();
    return isSpecialSymbol(ch) ? this.scanSpecialSymbol() : this.scanIdOrKeyword();
  }
}

/** Every token of the text, ending with one 'end' token. */
export function scanLabelSelector(text: string): Token[] {
  const lexer = new Lexer(text);
  const tokens: Token[] = [];
  for (;;) {
    const token = lexer.next();
    tokens.push(token);
    if (token.kind === 'end') return tokens;
  }
}
