// A simulated load-balancer address pool (as MetalLB or kind's cloud-provider-kind would hand
// out): IPv4 ranges written "172.18.255.200-172.18.255.250" or "172.18.255.200-250". Pure.

export const DEFAULT_POOL = '172.18.255.200-172.18.255.250';

const toInt = (ip: string): number => ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
const toIp = (n: number): string => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

export interface AddressPool {
  /** Inclusive [first, last] ranges as integers. */
  ranges: readonly (readonly [number, number])[];
}

/** Parses "a.b.c.d-e.f.g.h", "a.b.c.d-h" (last octet only) or a single address; commas separate ranges. */
export function parsePool(spec: string): AddressPool {
  const ranges = spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((part): [number, number] => {
      const [from, to = from] = part.split('-').map((s) => s.trim());
      if (!IPV4.test(from)) throw new Error(`load-balancer pool: bad address "${from}"`);
      const last = /^\d{1,3}$/.test(to) ? `${from.split('.').slice(0, 3).join('.')}.${to}` : to;
      if (!IPV4.test(last)) throw new Error(`load-balancer pool: bad address "${to}"`);
      const [a, b] = [toInt(from), toInt(last)];
      if (b < a) throw new Error(`load-balancer pool: empty range "${part}"`);
      return [a, b];
    });
  return { ranges };
}

export function inPool(pool: AddressPool, ip: string): boolean {
  if (!IPV4.test(ip)) return false;
  const n = toInt(ip);
  return pool.ranges.some(([a, b]) => n >= a && n <= b);
}

/**
 * The address to give: the requested one if it is in the pool and free, else the lowest
 * free one (deterministic: 172.18.255.200 first, then .201, ...); undefined when exhausted
 * or the requested address is taken.
 */
export function allocate(pool: AddressPool, used: ReadonlySet<string>, requested?: string): string | undefined {
  if (requested) return inPool(pool, requested) && !used.has(requested) ? requested : undefined;
  for (const [a, b] of pool.ranges) for (let n = a; n <= b; n++) if (!used.has(toIp(n))) return toIp(n);
  return undefined;
}
