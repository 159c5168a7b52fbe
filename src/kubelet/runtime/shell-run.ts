// Runs a parsed ShellProgram until it blocks (sleep), ends (exit or end of script) or serves
// forever (a command the model does not know, such as nginx: a server until stopped).
// Busybox's texts for failures, since the documentation's examples use busybox.
import type { ShellCommand, ShellItem, ShellProgram } from './shell-parse.js';

export type ShellOutcome = { kind: 'sleep'; ms: number } | { kind: 'exit'; code: number } | { kind: 'forever' };

export interface ShellCursor {
  /** Index into items, then items.length + i for loop item i. */
  pc: number;
  /** Exit status of the last command run ($?). */
  status: number;
}

export interface ShellRun extends ShellCursor {
  outcome: ShellOutcome;
  /** What the commands printed, one entry per line, in order. */
  lines: string[];
  /** Which of those lines went to stderr (the commands' complaints), by index. */
  stderr: number[];
  /** In a probe or hook, the time its sleeps would take (they take none in the model). */
  sleptMs: number;
}

/** In a probe, sleep takes no time and an unknown command fails instead of serving. */
export type ShellMode = 'container' | 'probe';

const MAX_STEPS = 1000;

function itemAt(program: ShellProgram, pc: number): ShellItem | undefined {
  if (pc < program.items.length) return program.items[pc];
  const loop = program.loop;
  if (!loop || loop.length === 0) return undefined;
  return loop[(pc - program.items.length) % loop.length];
}

/** "10", "1.5", "2s", "1m", "infinity": milliseconds, or Infinity. */
function sleepMs(arg: string | undefined): number {
  if (!arg || arg === 'infinity' || arg === 'inf') return Infinity;
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg);
  if (!m) return 0;
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2]] ?? 1;
  return Number(m[1]) * unit * 1000;
}

/** Where `cat` with no file reads from: what an exec was given on stdin. */
export const STDIN_PATH = '/dev/stdin';

interface Done {
  code: number;
  lines?: string[];
  /** Printed on stderr. */
  errors?: string[];
  outcome?: ShellOutcome;
  sleptMs?: number;
}

function runCommand(cmd: ShellCommand, files: Map<string, string>, mode: ShellMode): Done {
  const [name, ...args] = cmd.argv;
  const paths = args.filter((a) => !a.startsWith('-'));
  switch (name.slice(name.lastIndexOf('/') + 1)) {
    case 'true':
    case ':':
      return { code: 0 };
    case 'false':
      return { code: 1 };
    case 'exit':
      return { code: Number(args[0] ?? 0) & 0xff, outcome: { kind: 'exit', code: Number(args[0] ?? 0) & 0xff } };
    case 'sleep': {
      const ms = sleepMs(args[0]);
      if (mode === 'probe') return { code: 0, sleptMs: ms === Infinity ? 0 : ms };
      return { code: 0, outcome: ms === Infinity ? { kind: 'forever' } : { kind: 'sleep', ms } };
    }
    case 'echo': {
      const text = (args[0] === '-n' || args[0] === '-e' ? args.slice(1) : args).join(' ');
      if (cmd.redirect) {
        const before = cmd.redirect.append ? (files.get(cmd.redirect.file) ?? '') : '';
        files.set(cmd.redirect.file, before + text + '\n');
        return { code: 0 };
      }
      return { code: 0, lines: [text] };
    }
    case 'touch':
      for (const p of paths) if (!files.has(p)) files.set(p, '');
      return { code: 0 };
    case 'rm': {
      const force = args.some((a) => a.startsWith('-') && a.includes('f'));
      const missing = paths.filter((p) => !files.delete(p));
      if (missing.length === 0 || force) return { code: 0 };
      return { code: 1, lines: missing.map((p) => `rm: can't remove '${p}': No such file or directory`) };
    }
    case 'cat': {
      const lines: string[] = [];
      for (const p of paths.length > 0 ? paths : [STDIN_PATH]) {
        const content = files.get(p);
        if (content === undefined && p === STDIN_PATH) return { code: 0 };
        if (content === undefined) return { code: 1, lines, errors: [`cat: can't open '${p}': No such file or directory`] };
        // A last line without its newline (a ConfigMap value such as "v1") is printed too.
        const parts = content.split('\n');
        if (parts[parts.length - 1] === '') parts.pop();
        lines.push(...parts);
      }
      return { code: 0, lines };
    }
    case 'test':
    case '[': {
      const flag = args[0];
      const target = args[1];
      if ((flag === '-f' || flag === '-e') && target) return { code: files.has(target) ? 0 : 1 };
      return { code: 1 };
    }
    case 'ls': {
      const found = paths.filter((p) => files.has(p) || [...files.keys()].some((f) => f.startsWith(`${p.replace(/\/+$/, '')}/`)));
      if (found.length === paths.length) return { code: 0, lines: paths.length === 0 ? [] : found };
      return { code: 1, lines: paths.filter((p) => !found.includes(p)).map((p) => `ls: ${p}: No such file or directory`) };
    }
    case 'grep': {
      const words = args.filter((a) => !a.startsWith('-'));
      const [pattern, ...targets] = words;
      const hits = targets.flatMap((t) => (files.get(t) ?? '').split('\n').filter((l) => pattern !== undefined && l.includes(pattern)));
      return { code: hits.length > 0 ? 0 : 1, lines: args.includes('-q') ? [] : hits };
    }
    case 'mkdir':
    case 'chmod':
    case 'env':
    case 'pwd':
    case 'date':
    case 'pgrep':
    case 'ps':
    case 'wget':
    case 'curl':
    case 'nc':
      // The model's servers answer, its processes exist and its directories need no creating.
      return { code: 0 };
    case 'cp':
    case 'mv': {
      const [from, to] = paths;
      const content = from === undefined ? undefined : files.get(from);
      if (content === undefined || to === undefined) return { code: 1, errors: [`${name}: can't stat '${from ?? ''}': No such file or directory`] };
      files.set(to, content);
      if (name === 'mv') files.delete(from);
      return { code: 0 };
    }
    case 'exec':
      return args.length > 0 ? runCommand({ ...cmd, argv: args }, files, mode) : { code: 0 };
    default:
      // Assignments (i=0) and builtins the model does not follow succeed quietly.
      if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(name)) return { code: 0 };
      if (mode === 'probe') {
        return { code: 126, errors: [`OCI runtime exec failed: exec failed: unable to start container process: exec: "${name}": executable file not found in $PATH: unknown`] };
      }
      return { code: 0, outcome: { kind: 'forever' } };
  }
}

/** Runs from `cursor` until the program blocks or ends; files change in place. */
export function runShell(program: ShellProgram, cursor: ShellCursor, files: Map<string, string>, mode: ShellMode = 'container'): ShellRun {
  let { pc, status } = cursor;
  const lines: string[] = [];
  const stderr: number[] = [];
  let sleptMs = 0;
  for (let steps = 0; steps < MAX_STEPS; steps++) {
    const item = itemAt(program, pc);
    if (!item) return { pc, status, lines, stderr, sleptMs, outcome: { kind: 'exit', code: status } };
    pc++;
    if ((item.connector === '&&' && status !== 0) || (item.connector === '||' && status === 0)) continue;
    const done = runCommand(item.command, files, mode);
    status = done.code;
    if (done.lines) lines.push(...done.lines);
    for (const e of done.errors ?? []) stderr.push(lines.push(e) - 1);
    sleptMs += done.sleptMs ?? 0;
    if (done.outcome) return { pc, status, lines, stderr, sleptMs, outcome: done.outcome };
  }
  // A loop that never sleeps: treat it as busy forever rather than spin.
  return { pc, status, lines, stderr, sleptMs, outcome: { kind: 'forever' } };
}
