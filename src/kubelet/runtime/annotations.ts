// Annotations that script what a simulated container does beyond its command: crash after a
// while, probes that start failing, a slow start, memory growth up to the OOM killer, and the
// CPU and memory it uses. Kubernetes twin: none (documented in docs/kubelet-annotations.md).
// A value applies to every container ("30s") or per container ("app=30s,sidecar=2m").
import { parseQuantity, milliValue, unitValue } from '../../api/quantity.js';

export const ANNOTATIONS = {
  crashAfter: 'kubesim.io/crash-after',
  exitCode: 'kubesim.io/exit-code',
  probeFailAfter: 'kubesim.io/probe-fail-after',
  startDelay: 'kubesim.io/start-delay',
  memoryGrowth: 'kubesim.io/memory-growth',
  memoryUsage: 'kubesim.io/memory-usage',
  cpuUsage: 'kubesim.io/cpu-usage',
} as const;

/** What the annotations say about one container. */
export interface ContainerScript {
  crashAfterMs?: number;
  exitCode: number;
  probeFailAfterMs?: number;
  startDelayMs?: number;
  /** Bytes per second. */
  memoryGrowth?: number;
  /** Bytes at start. */
  memoryUsage: number;
  /** Millicores. */
  cpuUsage: number;
}

const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** A Go duration ("1m30s", "500ms", "2h") or bare seconds ("30") in milliseconds; undefined if malformed. */
export function parseDuration(text: string): number | undefined {
  const s = text.trim();
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s) * 1000;
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy;
  let total = 0;
  let end = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    total += Number(m[1]) * UNITS[m[2]];
    end = re.lastIndex;
  }
  return end === s.length && end > 0 ? total : undefined;
}

/** "30s" or "app=30s,web=1m": the entry for `container` (a bare value applies to all). */
export function valueFor(raw: string | undefined, container: string): string | undefined {
  if (raw === undefined) return undefined;
  if (!raw.includes('=')) return raw.trim();
  for (const part of raw.split(',')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === container) return part.slice(at + 1).trim();
  }
  return undefined;
}

/**
 * A quantity ("64Mi", "250m", 2) as a number: millis when `milli` (CPU in millicores), else units
 * (bytes); undefined when absent or malformed. Shared with container-usage for resource limits.
 */
export function quantityValue(text: string | number | undefined, milli: boolean): number | undefined {
  if (text === undefined) return undefined;
  try {
    const q = parseQuantity(text);
    return milli ? milliValue(q) : unitValue(q);
  } catch {
    return undefined;
  }
}

/** "10Mi/s" or "10Mi" (per second) in bytes per second. */
function rate(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  return quantityValue(text.replace(/\/s$/, ''), false);
}

/** A container without kubesim.io annotations: nothing scripted. One object shared by all, never changed. */
const UNSCRIPTED: ContainerScript = Object.freeze({
  crashAfterMs: undefined,
  exitCode: 1,
  probeFailAfterMs: undefined,
  startDelayMs: undefined,
  memoryGrowth: undefined,
  memoryUsage: 0,
  cpuUsage: 0,
});

const SCRIPT_KEYS: readonly string[] = Object.values(ANNOTATIONS);

export function containerScript(annotations: Readonly<Record<string, string>> | undefined, container: string): ContainerScript {
  if (!annotations || !SCRIPT_KEYS.some((key) => key in annotations)) return UNSCRIPTED;
  const get = (key: string): string | undefined => valueFor(annotations?.[key], container);
  const dur = (key: string): number | undefined => {
    const v = get(key);
    return v === undefined ? undefined : parseDuration(v);
  };
  const code = Number(get(ANNOTATIONS.exitCode) ?? 1);
  return {
    crashAfterMs: dur(ANNOTATIONS.crashAfter),
    exitCode: Number.isInteger(code) ? code & 0xff : 1,
    probeFailAfterMs: dur(ANNOTATIONS.probeFailAfter),
    startDelayMs: dur(ANNOTATIONS.startDelay),
    memoryGrowth: rate(get(ANNOTATIONS.memoryGrowth)),
    memoryUsage: quantityValue(get(ANNOTATIONS.memoryUsage), false) ?? 0,
    cpuUsage: quantityValue(get(ANNOTATIONS.cpuUsage), true) ?? 0,
  };
}

/**
 * When a growing container meets its memory limit, in ms after start: (limit - start) / rate.
 * E.g. limit 128Mi, usage 64Mi, growth 16Mi/s: 4000 ms. Undefined without growth or limit.
 */
export function oomAfterMs(script: ContainerScript, limitBytes: number | undefined): number | undefined {
  if (!script.memoryGrowth || !limitBytes) return undefined;
  return Math.max(0, ((limitBytes - script.memoryUsage) / script.memoryGrowth) * 1000);
}
