// Faults a run can inject into its virtual nodes: a kubelet that dies, a node cut off from the
// API server, and their recovery. Kubernetes twin: none (what chaos tools do to real nodes);
// node failure handling (the node lifecycle controller) reacts to what these leave behind: a
// lease no longer renewed and a Ready condition no longer posted.
import type { NodeAgent } from '../kubelet/index.js';

export const FAULT_ACTIONS = ['stop-kubelet', 'partition', 'heal', 'restart-kubelet'] as const;
export type FaultAction = (typeof FAULT_ACTIONS)[number];

export interface NodeFaultState {
  node: string;
  /** running; stopped (the kubelet process is dead); partitioned (it runs but cannot reach the API server). */
  kubelet: 'running' | 'stopped' | 'partitioned';
}

export type FaultResult = { ok: true; state: NodeFaultState } | { ok: false; reason: 'NotFound' | 'BadRequest'; message: string };

export const isFaultAction = (a: string): a is FaultAction => (FAULT_ACTIONS as readonly string[]).includes(a);

export class Faults {
  constructor(private readonly nodes: readonly NodeAgent[]) {}

  list(): NodeFaultState[] {
    return this.nodes.map(stateOf);
  }

  /** The kubelet dies: heartbeats and status stop, containers keep their state. */
  stopKubelet(node: string): NodeFaultState {
    const a = this.#agent(node);
    if (a.running) a.stopKubelet();
    return stateOf(a);
  }

  /** The node is cut off: lease and status stop, pods keep running, nothing reaches the API server. */
  partition(node: string): NodeFaultState {
    const a = this.#agent(node);
    if (a.running) a.disconnect();
    return stateOf(a);
  }

  /** Brings a node back: a partition heals, a stopped kubelet starts again with its pods kept. */
  async heal(node: string): Promise<NodeFaultState> {
    const a = this.#agent(node);
    if (a.partitioned) await a.reconnect();
    else if (!a.running) await a.restart();
    return stateOf(a);
  }

  /** The kubelet restarts (new boot id), keeping its pods. */
  async restartKubelet(node: string): Promise<NodeFaultState> {
    const a = this.#agent(node);
    await a.restart();
    return stateOf(a);
  }

  /** One action by name, as the HTTP endpoint and the CLI ask for it. */
  async apply(node: string, action: string): Promise<FaultResult> {
    if (!isFaultAction(action)) return { ok: false, reason: 'BadRequest', message: `unknown fault "${action}": use one of ${FAULT_ACTIONS.join(', ')}` };
    if (!this.nodes.some((n) => n.name === node)) return { ok: false, reason: 'NotFound', message: `node "${node}" not found` };
    switch (action) {
      case 'stop-kubelet':
        return { ok: true, state: this.stopKubelet(node) };
      case 'partition':
        return { ok: true, state: this.partition(node) };
      case 'heal':
        return { ok: true, state: await this.heal(node) };
      case 'restart-kubelet':
        return { ok: true, state: await this.restartKubelet(node) };
    }
  }

  #agent(node: string): NodeAgent {
    const a = this.nodes.find((n) => n.name === node);
    if (!a) throw new Error(`node "${node}" not found`);
    return a;
  }
}

function stateOf(a: NodeAgent): NodeFaultState {
  return { node: a.name, kubelet: a.running ? 'running' : a.partitioned ? 'partitioned' : 'stopped' };
}
