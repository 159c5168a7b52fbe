// Pod IPs from the node's pod CIDR, as the bridge/host-local IPAM plugin hands them out:
// 10.244.1.0/24 gives 10.244.1.2, .3, ... (.0 is the network, .1 the bridge, the last the
// broadcast), reusing released addresses lowest first. Kubernetes twin: the CNI plugins'
// host-local IPAM (github.com/containernetworking/plugins/plugins/ipam/host-local).

const toInt = (ip: string): number => ip.split('.').reduce((a, o) => a * 256 + Number(o), 0);
const toIP = (n: number): string => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');

export class PodCIDRAllocator {
  readonly #first: number;
  readonly #last: number;
  #next: number;
  readonly #free: number[] = [];
  readonly #owners = new Map<string, number>();

  constructor(cidr: string) {
    const [base, bitsText] = cidr.split('/');
    const bits = Number(bitsText ?? 24);
    const size = 2 ** (32 - bits);
    const network = Math.floor(toInt(base) / size) * size;
    this.#first = network + 2;
    this.#last = network + size - 2;
    this.#next = this.#first;
  }

  /** The owner's address, allocating one the first time; undefined when the range is full. */
  allocate(owner: string): string | undefined {
    const held = this.#owners.get(owner);
    if (held !== undefined) return toIP(held);
    let n: number | undefined;
    if (this.#free.length > 0) {
      this.#free.sort((a, b) => a - b);
      n = this.#free.shift();
    } else if (this.#next <= this.#last) n = this.#next++;
    if (n === undefined) return undefined;
    this.#owners.set(owner, n);
    return toIP(n);
  }

  release(owner: string): void {
    const n = this.#owners.get(owner);
    if (n === undefined) return;
    this.#owners.delete(owner);
    this.#free.push(n);
  }
}
