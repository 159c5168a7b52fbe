// The small shell a simulated container runs: enough of POSIX sh to decide when a container
// ends, with which exit code and which log lines. Kubernetes twin: none; the commands are the
// ones the Kubernetes documentation's examples use (sleep, exit, echo, touch, rm, cat, test,
// `sh -c "a; b && c || d"`, `while true; do ...; done`).

export type Connector = ';' | '&&' | '||';

export interface ShellCommand {
  argv: string[];
  /** `echo hi > /tmp/x` writes the file instead of the log. */
  redirect?: { file: string; append: boolean };
}

export interface ShellItem {
  /** How this command joins the one before it (the first item's is ';'). */
  connector: Connector;
  command: ShellCommand;
}

export interface ShellProgram {
  /** Run once, in order. */
  items: ShellItem[];
  /** `while true; do BODY; done`: BODY repeats forever after the items. */
  loop?: ShellItem[];
  /** PID 1 is a shell or sleep: it ignores SIGTERM and dies only at the end of the grace period. */
  ignoresSigterm: boolean;
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);
const basename = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** Splits a script into words and operators, honouring quotes and backslashes. */
export function tokenize(script: string): string[] {
  const out: string[] = [];
  let word = '';
  let inWord = false;
  const flush = (): void => {
    if (inWord) out.push(word);
    word = '';
    inWord = false;
  };
  for (let i = 0; i < script.length; i++) {
    const c = script[i];
    if (c === "'" || c === '"') {
      const end = script.indexOf(c, i + 1);
      const stop = end < 0 ? script.length : end;
      word += script.slice(i + 1, stop);
      inWord = true;
      i = stop;
    } else if (c === '\\' && i + 1 < script.length) {
      word += script[++i];
      inWord = true;
    } else if (c === ' ' || c === '\t') {
      flush();
    } else if (c === '\n' || c === ';') {
      flush();
      out.push(';');
    } else if ((c === '&' || c === '|' || c === '>') && script[i + 1] === c) {
      flush();
      out.push(c + c);
      i++;
    } else if (c === '|' || c === '>' || c === '&') {
      flush();
      out.push(c === '&' ? ';' : c);
    } else {
      word += c;
      inWord = true;
    }
  }
  flush();
  return out;
}

/** Turns tokens into items joined by ;, && and || (a pipe runs its stages in turn). */
function itemsOf(tokens: string[]): ShellItem[] {
  const items: ShellItem[] = [];
  let connector: Connector = ';';
  let argv: string[] = [];
  let redirect: ShellCommand['redirect'];
  const push = (next: Connector): void => {
    if (argv.length > 0) items.push({ connector, command: { argv, ...(redirect ? { redirect } : {}) } });
    argv = [];
    redirect = undefined;
    connector = next;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === ';' || t === '|') push(';');
    else if (t === '&&' || t === '||') push(t);
    else if (t === '>' || t === '>>') redirect = { file: tokens[++i] ?? '', append: t === '>>' };
    else argv.push(t);
  }
  push(';');
  return items;
}

/** Parses a script; `while true; do BODY; done` (or `while :`) becomes the program's loop. */
export function parseScript(script: string): Pick<ShellProgram, 'items' | 'loop'> {
  const tokens = tokenize(script);
  const w = tokens.findIndex((t, i) => t === 'while' && (tokens[i + 1] === 'true' || tokens[i + 1] === ':'));
  if (w < 0) return { items: itemsOf(tokens) };
  const doAt = tokens.indexOf('do', w);
  const doneAt = tokens.lastIndexOf('done');
  if (doAt < 0 || doneAt < doAt) return { items: itemsOf(tokens) };
  return { items: itemsOf(tokens.slice(0, w)), loop: itemsOf(tokens.slice(doAt + 1, doneAt)) };
}

// Images whose default command is a shell: without a TTY it reads end-of-input and exits 0.
const SHELL_IMAGES = new Set(['busybox', 'alpine', 'ubuntu', 'debian', 'centos', 'fedora']);

function imageDefaultExits(image: string | undefined): boolean {
  const path = (image ?? '').split('@')[0];
  const name = path.slice(path.lastIndexOf('/') + 1).split(':')[0];
  return SHELL_IMAGES.has(name);
}

/** A program of one command, shared by every container that runs it (programs are never changed). */
const single = (argv: string[], ignoresSigterm: boolean): ShellProgram =>
  Object.freeze({ items: Object.freeze([Object.freeze({ connector: ';' as const, command: Object.freeze({ argv: Object.freeze(argv) as string[] }) })]) as ShellItem[], ignoresSigterm });
/** The image's own server (nginx, envoy ...): runs until stopped. */
const SERVES = single(['serve'], false);
/** A shell with nothing to read: exits 0 at once. */
const EXITS_AT_ONCE = single(['true'], true);

/**
 * The program a container runs from its command and args (args alone replace the image's
 * CMD). Nothing at all runs the image's default, which serves until stopped, except for
 * shell images, whose default shell exits at once without a TTY.
 */
export function programOf(container: { command?: readonly string[]; args?: readonly string[]; image?: string; tty?: boolean; stdin?: boolean }): ShellProgram {
  const argv = [...(container.command ?? []), ...(container.args ?? [])];
  if (argv.length === 0) {
    const exits = imageDefaultExits(container.image) && !container.tty && !container.stdin;
    return exits ? EXITS_AT_ONCE : SERVES;
  }
  const first = basename(argv[0]);
  if (SHELLS.has(first)) {
    const c = argv.indexOf('-c');
    const script = c >= 0 ? (argv[c + 1] ?? '') : '';
    if (c < 0 && !container.stdin) return EXITS_AT_ONCE;
    return { ...parseScript(script), ignoresSigterm: true };
  }
  return { items: [{ connector: ';', command: { argv } }], ignoresSigterm: first === 'sleep' };
}
