// `kubesim fault ...`: injects node faults into a running kubesim through /kubesim/v1/faults.
//   kubesim fault list                          [--kubeconfig PATH]
//   kubesim fault stop-kubelet NODE             the kubelet dies: lease and status stop
//   kubesim fault partition NODE                the node is cut off; its pods keep running
//   kubesim fault heal NODE                     a partition heals, a stopped kubelet starts again
//   kubesim fault restart-kubelet NODE          the kubelet restarts, keeping its pods
// No Kubernetes twin (chaos tooling). Returns the process exit code.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readKubeconfig, table } from './explain-command.js';

export const FAULT_USAGE = `Usage: kubesim fault list [--kubeconfig PATH]
       kubesim fault (stop-kubelet|partition|heal|restart-kubelet) NODE [--kubeconfig PATH]`;

const ACTIONS = new Set(['stop-kubelet', 'partition', 'heal', 'restart-kubelet']);

interface Parsed {
  positional: string[];
  kubeconfig: string;
}

function parse(argv: readonly string[]): Parsed {
  const positional: string[] = [];
  let kubeconfig = process.env.KUBECONFIG?.split(':')[0] || 'kubeconfig';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--kubeconfig') kubeconfig = argv[++i] ?? kubeconfig;
    else if (a.startsWith('--kubeconfig=')) kubeconfig = a.slice('--kubeconfig='.length);
    else positional.push(a);
  }
  return { positional, kubeconfig: resolve(kubeconfig) };
}

type NodeState = { node: string; kubelet: string };

export async function runFaultCommand(argv: readonly string[], out: (s: string) => void = (s) => process.stdout.write(s), err: (s: string) => void = (s) => process.stderr.write(s)): Promise<number> {
  const { positional, kubeconfig } = parse(argv);
  const [action, node] = positional;
  if (!action || (action !== 'list' && (!ACTIONS.has(action) || !node))) {
    err(`${FAULT_USAGE}\n`);
    return 2;
  }
  let target;
  try {
    target = readKubeconfig(readFileSync(kubeconfig, 'utf8'));
  } catch (e) {
    err(`error: ${(e as Error).message}\n`);
    return 1;
  }
  const base = `${target.server.replace(/\/+$/, '')}/kubesim/v1/faults`;
  const headers: Record<string, string> = target.token ? { authorization: `Bearer ${target.token}` } : {};
  const res = action === 'list' ? await fetch(base, { headers }) : await fetch(`${base}/nodes/${encodeURIComponent(node)}/${action}`, { method: 'POST', headers });
  const body = (await res.json()) as { nodes?: NodeState[]; message?: string } & Partial<NodeState>;
  if (!res.ok) {
    err(`Error from server: ${body.message ?? res.statusText}\n`);
    return 1;
  }
  const rows = action === 'list' ? (body.nodes ?? []) : [body as NodeState];
  out(`${table([['NODE', 'KUBELET'], ...rows.map((r) => [r.node, r.kubelet])])}\n`);
  return 0;
}
