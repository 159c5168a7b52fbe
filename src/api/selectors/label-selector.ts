// The `?labelSelector=` string form: parse into a Selector, with kube-apiserver's error messages.
// Kubernetes twin: k8s.io/apimachinery/pkg/labels/selector.go (Parser, Parse).
//
//   selector    ::= requirement | requirement "," selector
//   requirement ::= ["!"] KEY [ ("in" | "notin") "(" VALUES ")" | ("=" | "==" | "!=" | ">" | "<") VALUE ]
//
// Whitespace (space, tab, CR, LF) separates tokens and is otherwise ignored. An empty string is
// the empty selector, which matches everything. A bad selector on a list or watch is answered
// 400 BadRequest with the Go error text as message, e.g.
//   "unable to parse requirement: found '', expected: in, notin, =, ==, !=, gt, lt"

import { badRequest } from '../errors.js';
import { scanLabelSelector, type Token, type TokenKind } from './label-lexer.js';
import { selectorOf, type Selector } from './label-matcher.js';
import {
  BINARY_OPERATORS,
  compareGoStrings,
  labelKeyError,
  newRequirement,
  SelectorSyntaxError,
  type LabelOperator,
  type LabelRequirement,
} from './label-requirement.js';

export { everything, matchesNothing, nothing, selectorOf, type Selector } from './label-matcher.js';
export type { LabelOperator, LabelRequirement, Labels } from './label-requirement.js';
export { labelSelectorFromObject, validateLabelSelector } from './label-selector-object.js';

/**
 * Where a token is read decides what "in"/"notin" mean: after a key they are operators, but
 * as a key or a value ("in in (in)") they are plain identifiers.
 */
type Context = 'keyAndOperator' | 'values';

const fail = (message: string): never => {
  throw new SelectorSyntaxError(message);
};

/** The operator a token spells when it follows a key. */
const binaryOperatorOf: Partial<Record<TokenKind, LabelOperator>> = {
  in: 'in',
  notin: 'notin',
  '=': '=',
  '==': '==',
  '!=': '!=',
  '>': 'gt',
  '<': 'lt',
};

class Parser {
  private position = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  private at(index: number, context: Context): Token {
    const token = this.tokens[Math.min(index, this.tokens.length - 1)];
    const keyword = token.kind === 'in' || token.kind === 'notin';
    return context === 'values' && keyword ? { kind: 'identifier', literal: token.literal } : token;
  }

  private lookahead(context: Context): Token {
    return this.at(this.position, context);
  }

  private consume(context: Context): Token {
    return this.at(this.position++, context);
  }

  parse(): LabelRequirement[] {
    const requirements: LabelRequirement[] = [];
    for (;;) {
      const { kind, literal } = this.lookahead('values');
      if (kind === 'end') return requirements;
      if (kind !== 'identifier' && kind !== '!') fail(`found '${literal}', expected: !, identifier, or 'end of string'`);
      requirements.push(this.requirementWithContext());
      const after = this.consume('values');
      if (after.kind === 'end') return requirements;
      if (after.kind !== ',') fail(`found '${after.literal}', expected: ',' or 'end of string'`);
      const next = this.lookahead('values');
      if (next.kind !== 'identifier' && next.kind !== '!') fail(`found '${next.literal}', expected: identifier after ','`);
    }
  }

  private requirementWithContext(): LabelRequirement {
    try {
      return this.requirement();
    } catch (err) {
      if (err instanceof SelectorSyntaxError) throw new SelectorSyntaxError(`unable to parse requirement: ${err.message}`);
      throw err;
    }
  }

  private requirement(): LabelRequirement {
    const { key, unary } = this.keyAndInferredOperator();
    if (unary) return newRequirement(key, unary, []);
    const operator = this.operator();
    const values = operator === 'in' || operator === 'notin' ? this.valueSet() : this.exactValue();
    // Go gathers values in a set and lists it sorted, so "(b,a,a)" becomes ["a","b"].
    return newRequirement(key, operator, [...new Set(values)].sort(compareGoStrings));
  }

  /** "!k" is DoesNotExist; a bare "k" followed by "," or the end is Exists; else an operator follows. */
  private keyAndInferredOperator(): { key: string; unary?: 'exists' | '!' } {
    let token = this.consume('values');
    const negated = token.kind === '!';
    if (negated) token = this.consume('values');
    if (token.kind !== 'identifier') fail(`found '${token.literal}', expected: identifier`);
    const keyErr = labelKeyError(token.literal, null);
    if (keyErr) fail(keyErr);
    if (negated) return { key: token.literal, unary: '!' };
    const next = this.lookahead('values').kind;
    return next === 'end' || next === ',' ? { key: token.literal, unary: 'exists' } : { key: token.literal };
  }

  private operator(): LabelOperator {
    const token = this.consume('keyAndOperator');
    return binaryOperatorOf[token.kind] ?? fail(`found '${token.literal}', expected: ${BINARY_OPERATORS.join(', ')}`);
  }

  /** "(a,b)"; "()" and empty slots such as "(,a)" or "(a,)" stand for the empty value. */
  private valueSet(): string[] {
    const open = this.consume('values');
    if (open.kind !== '(') fail(`found '${open.literal}' expected: '('`);
    const first = this.lookahead('values');
    if (first.kind === ')') {
      this.consume('values');
      return [''];
    }
    if (first.kind !== 'identifier' && first.kind !== ',') fail(`found '${first.literal}', expected: ',', ')' or identifier`);
    const values = this.identifiersList();
    // Go reports the token seen before the list here; the list only returns at a ")".
    if (this.consume('values').kind !== ')') fail(`found '${first.literal}', expected: ')'`);
    return values;
  }

  private identifiersList(): string[] {
    const values: string[] = [];
    for (;;) {
      const token = this.consume('values');
      if (token.kind === 'identifier') {
        values.push(token.literal);
        const next = this.lookahead('values');
        if (next.kind === ')') return values;
        if (next.kind !== ',') fail(`found '${next.literal}', expected: ',' or ')'`);
      } else if (token.kind === ',') {
        if (values.length === 0) values.push('');
        const next = this.lookahead('values').kind;
        if (next === ')') return [...values, ''];
        if (next === ',') values.push('');
      } else {
        fail(`found '${token.literal}', expected: ',', or identifier`);
      }
    }
  }

  /** One value after =, ==, !=, >, <; nothing before "," or the end means the empty value. */
  private exactValue(): string[] {
    const next = this.lookahead('values').kind;
    if (next === 'end' || next === ',') return [''];
    const token = this.consume('values');
    if (token.kind !== 'identifier') fail(`found '${token.literal}', expected: identifier`);
    return [token.literal];
  }
}

/** labels.Parse; throws SelectorSyntaxError with Go's message. */
export function parseLabelRequirements(text: string): LabelRequirement[] {
  return new Parser(scanLabelSelector(text)).parse();
}

/** Parse `?labelSelector=`; a malformed selector is a 400 BadRequest carrying kube's message. */
export function parseLabelSelector(text: string): Selector {
  try {
    return selectorOf(parseLabelRequirements(text));
  } catch (err) {
    if (err instanceof SelectorSyntaxError) throw badRequest(err.message);
    throw err;
  }
}

export { SelectorSyntaxError };
