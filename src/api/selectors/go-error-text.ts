// How Go renders the errors that selector parsing hands back to clients verbatim.
// Kubernetes twins: k8s.io/apimachinery/pkg/util/validation/field/errors.go (Error, ErrorList.ToAggregate)
// and k8s.io/apimachinery/pkg/util/errors/errors.go (aggregate.Error).
//
// Selector errors are not built from our FieldError list: kube-apiserver answers them as
// 400 BadRequest whose message is the Go error string itself, so the text must match Go's
// %q and %#v formatting, which JSON.stringify does not.

const namedEscapes: Readonly<Record<string, string>> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '"': '\\"',
  '\\': '\\\\',
};

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

/** Go's %q of a string: printable runes as they are, the rest escaped. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    const named = namedEscapes[ch];
    if (named !== undefined) out += named;
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${hex(cp, 2)}`;
    else if (cp >= 0x80 && cp < 0xa0) out += `\\u${hex(cp, 4)}`;
    else out += ch;
  }
  return `${out}"`;
}

/** Go's %#v of a []string: `[]string(nil)` for nil, `[]string{"a", "b"}` otherwise. */
export function goStringSlice(values: readonly string[] | null): string {
  if (values === null) return '[]string(nil)';
  return `[]string{${values.map(goQuote).join(', ')}}`;
}

/**
 * field.Invalid(path, value, detail).Error(). A nil *field.Path prints as "<nil>", which is
 * what users see for a bad key in `?labelSelector=` ("<nil>: Invalid value: ...").
 */
export function invalidValueText(path: string | null, value: string | readonly string[] | null, detail: string): string {
  const shown = typeof value === 'string' ? goQuote(value) : goStringSlice(value);
  const body = `Invalid value: ${shown}${detail ? `: ${detail}` : ''}`;
  return `${path ?? '<nil>'}: ${body}`;
}

/** utilerrors.NewAggregate(...).Error(): one message alone, several as "[a, b]" with repeats dropped. */
export function aggregateText(messages: readonly string[]): string {
  if (messages.length === 1) return messages[0];
  const seen = [...new Set(messages)];
  return seen.length === 1 ? seen[0] : `[${seen.join(', ')}]`;
}
