// The `?fieldSelector=` string form ("metadata.name=web,status.phase!=Running"), its matching,
// and kube-apiserver's check that each field is one the resource supports.
// Kubernetes twins: k8s.io/apimachinery/pkg/fields/selector.go (ParseSelector, EscapeValue,
// UnescapeValue), k8s.io/apiserver/pkg/endpoints/handlers/get.go (ListResource: field labels go
// through the scheme's ConvertFieldLabel; an error becomes 400 BadRequest) and
// k8s.io/apimachinery/pkg/runtime/scheme.go (DefaultMetaV1FieldSelectorConversion).

import { badRequest } from '../errors.js';
import type { KubeObject } from '../types.js';
import { goQuote } from './go-error-text.js';
import { compareGoStrings } from './label-requirement.js';
import { fieldSelectorSupportFor } from './field-sets.js';

export type FieldOperator = '=' | '==' | '!=';

export interface FieldRequirement {
  readonly field: string;
  readonly operator: FieldOperator;
  /** The value with its escapes removed. */
  readonly value: string;
}

/** Operators in the order a term is tried at each position: "!=" first, "==" before "=". */
const TERM_OPERATORS: readonly FieldOperator[] = ['!=', '==', '='];

/** Split on commas that are not escaped; escapes stay in the terms, to be removed from values later. */
function splitTerms(text: string): string[] {
  if (text.length === 0) return [];
  const terms: string[] = [];
  let start = 0;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (escaped) escaped = false;
    else if (c === '\\') escaped = true;
    else if (c === ',') {
      terms.push(text.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(text.slice(start));
  return terms;
}

/** The first operator occurrence splits the term: "a=b=c" is field "a", raw value "b=c". */
function splitTerm(term: string): { field: string; operator: FieldOperator; raw: string } | undefined {
  for (let i = 0; i < term.length; i++) {
    const operator = TERM_OPERATORS.find((op) => term.startsWith(op, i));
    if (operator) return { field: term.slice(0, i), operator, raw: term.slice(i + operator.length) };
  }
  return undefined;
}

/**
 * fields.UnescapeValue: "\\", "\," and "\=" stand for themselves; any other escape, a trailing
 * backslash, or a bare "," or "=" is an error (the bare rune is printed as its number, as Go's %v does).
 */
export function unescapeFieldValue(raw: string): string {
  if (!/[\\,=]/.test(raw)) return raw;
  let out = '';
  let escaped = false;
  for (const c of raw) {
    if (escaped) {
      if (c !== '\\' && c !== ',' && c !== '=') throw badRequest(`invalid field selector: invalid escape sequence: \\${c}`);
      out += c;
      escaped = false;
    } else if (c === '\\') escaped = true;
    else if (c === ',' || c === '=') {
      throw badRequest(`invalid field selector: unescaped character in value: ${c.codePointAt(0) ?? 0}`);
    } else out += c;
  }
  if (escaped) throw badRequest('invalid field selector: invalid escape sequence: \\');
  return out;
}

/** fields.EscapeValue: the inverse of unescapeFieldValue. */
export const escapeFieldValue = (value: string): string => value.replace(/[\\,=]/g, (c) => `\\${c}`);

/**
 * fields.ParseSelector. Terms come back sorted by their raw text (Go sorts before parsing, so the
 * first bad term in that order is the one reported). Empty terms are skipped; "" selects everything.
 * Errors are 400 BadRequest StatusErrors with kube's message.
 */
export function parseFieldSelector(text: string): FieldRequirement[] {
  const terms = splitTerms(text).sort(compareGoStrings);
  const requirements: FieldRequirement[] = [];
  for (const term of terms) {
    if (term === '') continue;
    const parts = splitTerm(term);
    if (!parts) throw badRequest(`invalid selector: '${text}'; can't understand '${term}'`);
    requirements.push({ field: parts.field, operator: parts.operator, value: unescapeFieldValue(parts.raw) });
  }
  return requirements;
}

/** Selector.String: "=" and "==" both print as "=", values escaped, terms joined by ",". */
export const fieldSelectorToString = (requirements: readonly FieldRequirement[]): string =>
  requirements.map((r) => `${r.field}${r.operator === '!=' ? '!=' : '='}${escapeFieldValue(r.value)}`).join(',');

/** All requirements must hold; a field the getter does not know reads as "" (fields.Set.Get). */
export function matchesFields(
  requirements: readonly FieldRequirement[],
  getField: (name: string) => string | undefined,
): boolean {
  return requirements.every((r) => {
    const actual = getField(r.field) ?? '';
    return r.operator === '!=' ? actual !== r.value : actual === r.value;
  });
}

/**
 * What the list/watch handler does before matching: each field goes through the kind's field label
 * conversion. Unsupported fields are a 400 BadRequest with the message the kind's conversion gives;
 * old spellings are rewritten (pods: spec.host becomes spec.nodeName).
 */
export function convertFieldSelector(resource: string, requirements: readonly FieldRequirement[]): FieldRequirement[] {
  const support = fieldSelectorSupportFor(resource);
  return requirements.map((r) => {
    const field = Object.hasOwn(support.aliases, r.field) ? support.aliases[r.field] : r.field;
    if (Object.hasOwn(support.fields, field)) return field === r.field ? r : { ...r, field };
    if (support.refusal === 'fieldLabel') throw badRequest(`field label not supported: ${r.field}`);
    throw badRequest(
      `${goQuote(r.field)} is not a known field selector: only ${goQuote('metadata.name')}, ${goQuote('metadata.namespace')}`,
    );
  });
}

/** Match an object of `resource` against requirements already passed through convertFieldSelector. */
export function objectMatchesFields(
  resource: string,
  requirements: readonly FieldRequirement[],
  obj: Readonly<KubeObject>,
): boolean {
  const { fields } = fieldSelectorSupportFor(resource);
  return matchesFields(requirements, (name) => (Object.hasOwn(fields, name) ? fields[name](obj) : undefined));
}
