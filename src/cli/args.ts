// Command-line parsing for `kubesim`: flags in --name value or --name=value form.

export interface ParsedArgs {
  command: string;
  flags: Map<string, string>;
  positional: string[];
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [command = 'help', ...rest] = argv;
  const flags = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    if (eq > 0) flags.set(a.slice(2, eq), a.slice(eq + 1));
    else if (i + 1 < rest.length && !rest[i + 1].startsWith('--')) flags.set(a.slice(2), rest[++i]);
    else flags.set(a.slice(2), 'true');
  }
  return { command, flags, positional };
}

export function intFlag(flags: Map<string, string>, name: string, fallback: number): number {
  const v = flags.get(name);
  if (v === undefined) return fallback;
  if (!/^[0-9]+$/.test(v)) throw new Error(`--${name} must be a non-negative integer, got "${v}"`);
  return Number(v);
}
