// Cluster IPs and node ports for Services, given out when a Service is written and released
// when it goes. Kubernetes twin: pkg/registry/core/service/storage (the IP and port allocators
// the Service REST runs on create, update and delete).
import * as errors from '../../api/errors.js';
import { invalid, type FieldError } from '../../api/field-errors.js';
import type { MutableObj, Obj } from '../../api/registry/definition.js';
import type { Random } from '../../clock/random.js';
import { RangeAllocator } from './range-allocator.js';

interface ServiceShape {
  spec?: {
    type?: string;
    clusterIP?: string;
    clusterIPs?: string[];
    ports?: { nodePort?: number; port?: number }[];
    externalTrafficPolicy?: string;
    healthCheckNodePort?: number;
  };
}

const ipToInt = (ip: string): number | undefined => {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(ip);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3];
};
const intToIp = (n: number): string => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');

export interface ServiceAllocationOptions {
  /** The service CIDR, kube's default 10.96.0.0/12. */
  serviceCIDR?: string;
  nodePortRange?: [number, number];
}

const usesNodePorts = (type: string | undefined): boolean => type === 'NodePort' || type === 'LoadBalancer';

export class ServiceAllocation {
  readonly ips: RangeAllocator;
  readonly ports: RangeAllocator;
  readonly cidr: string;

  constructor(random: Random, options: ServiceAllocationOptions = {}) {
    this.cidr = options.serviceCIDR ?? '10.96.0.0/12';
    const [base, bits] = this.cidr.split('/');
    const size = 2 ** (32 - Number(bits));
    // The network address and the broadcast address are never handed out.
    this.ips = new RangeAllocator(ipToInt(base)! + 1, size - 2, random.fork());
    const [lo, hi] = options.nodePortRange ?? [30000, 32767];
    this.ports = new RangeAllocator(lo, hi - lo + 1, random.fork());
  }

  /** The first address of the range: the `kubernetes` Service's. */
  get apiServiceIP(): string {
    return intToIp(this.ips.first);
  }

  /**
   * Fills in the cluster IP and node ports `svc` needs, claiming the ones it names. On update
   * (`prev` given), values the client left out keep what the stored version has.
   */
  assign(owner: string, draft: MutableObj, name: string, prev?: Obj): void {
    const spec = (draft as ServiceShape).spec;
    if (!spec || spec.type === 'ExternalName') return;
    const old = (prev as ServiceShape | undefined)?.spec;
    if (old) keepAllocatedValues(spec, old);
    const errs: FieldError[] = [];
    if (spec.clusterIP !== 'None') {
      if (!spec.clusterIP) {
        const n = this.ips.next(owner);
        if (n === undefined) throw errors.internalError(new Error('failed to allocate a serviceIP: range is full'));
        spec.clusterIP = intToIp(n);
        spec.clusterIPs = [spec.clusterIP];
      } else {
        const n = ipToInt(spec.clusterIP);
        if (n !== undefined && !this.ips.contains(n)) {
          errs.push(invalid('spec.clusterIPs', spec.clusterIPs ?? [spec.clusterIP], `failed to allocate IP ${spec.clusterIP}: the provided IP (${spec.clusterIP}) is not in the valid range. The range of valid IPs is ${this.cidr}`));
        } else if (n !== undefined && !this.ips.claim(n, owner)) {
          errs.push(invalid('spec.clusterIPs', spec.clusterIPs ?? [spec.clusterIP], `failed to allocate IP ${spec.clusterIP}: provided IP is already allocated`));
        }
      }
    }
    if (usesNodePorts(spec.type)) {
      (spec.ports ?? []).forEach((p, i) => {
        if (p.nodePort) {
          if (!this.ports.contains(p.nodePort)) {
            errs.push(invalid(`spec.ports[${i}].nodePort`, p.nodePort, `provided port is not in the valid range. The range of valid ports is ${this.ports.first}-${this.ports.first + this.ports.size - 1}`));
          } else if (!this.ports.claim(p.nodePort, owner)) {
            errs.push(invalid(`spec.ports[${i}].nodePort`, p.nodePort, 'provided port is already allocated'));
          }
        } else {
          const n = this.ports.next(owner);
          if (n === undefined) throw errors.internalError(new Error('failed to allocate a nodePort: range is full'));
          p.nodePort = n;
        }
      });
      if (spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local' && !spec.healthCheckNodePort) {
        spec.healthCheckNodePort = this.ports.next(owner);
      }
    } else {
      // A Service that stops using node ports gives them back.
      for (const p of spec.ports ?? []) delete p.nodePort;
      delete spec.healthCheckNodePort;
    }
    if (errs.length) throw errors.invalid({ group: '', kind: 'Service' }, name, errs);
  }

  /** Releases what `owner` holds beyond what `stored` (its current version, if any) uses. */
  settle(owner: string, stored: Obj | undefined): void {
    const spec = (stored as ServiceShape | undefined)?.spec;
    const ips = new Set<number>();
    const ports = new Set<number>();
    for (const ip of spec?.clusterIPs ?? (spec?.clusterIP ? [spec.clusterIP] : [])) {
      const n = ipToInt(ip);
      if (n !== undefined) ips.add(n);
    }
    for (const p of spec?.ports ?? []) if (p.nodePort) ports.add(p.nodePort);
    if (spec?.healthCheckNodePort) ports.add(spec.healthCheckNodePort);
    this.ips.settle(owner, ips);
    this.ports.settle(owner, ports);
  }
}

/** An update that omits allocated values keeps them (kube's patchAllocatedValues). */
function keepAllocatedValues(spec: NonNullable<ServiceShape['spec']>, old: NonNullable<ServiceShape['spec']>): void {
  if (!spec.clusterIP && old.clusterIP) {
    spec.clusterIP = old.clusterIP;
    spec.clusterIPs = old.clusterIPs ? [...old.clusterIPs] : [old.clusterIP];
  }
  if (usesNodePorts(spec.type) && usesNodePorts(old.type)) {
    for (const p of spec.ports ?? []) {
      if (p.nodePort) continue;
      const match = (old.ports ?? []).find((o) => o.port === p.port && o.nodePort);
      if (match) p.nodePort = match.nodePort;
    }
    if (!spec.healthCheckNodePort && old.healthCheckNodePort) spec.healthCheckNodePort = old.healthCheckNodePort;
  }
}
