// $(VAR_NAME) references in a container's command, args and env values, as the kubelet expands
// them from the container's environment. Kubernetes twin: third_party/forked/golang/expansion
// (Expand, MappingFuncFor) used by kubecontainer.ExpandContainerCommandAndArgs.
//
// Rules: `$(NAME)` becomes NAME's value; a NAME not defined stays `$(NAME)` as written; `$$`
// is an escaped `$`, so `$$(NAME)` gives `$(NAME)` untouched; any other `$` (`$HOME`, a `$`
// at the end, an unclosed `$(`) is copied as it stands.
// E.g. with GREETING=hi: "say $(GREETING) $(NOPE) $$(GREETING) $HOME" -> "say hi $(NOPE) $(GREETING) $HOME".

export function expandVars(input: string, lookup: (name: string) => string | undefined): string {
  if (!input.includes('$')) return input;
  let out = '';
  let i = 0;
  while (i < input.length) {
    const dollar = input.indexOf('$', i);
    if (dollar < 0 || dollar === input.length - 1) break;
    out += input.slice(i, dollar);
    const next = input[dollar + 1];
    if (next === '$') {
      out += '$';
      i = dollar + 2;
      continue;
    }
    const close = next === '(' ? input.indexOf(')', dollar + 2) : -1;
    if (close < 0) {
      // Not a reference: keep the `$` and look again from the character after it.
      out += '$';
      i = dollar + 1;
      continue;
    }
    const name = input.slice(dollar + 2, close);
    out += lookup(name) ?? `$(${name})`;
    i = close + 1;
  }
  return out + input.slice(i);
}
