// The kubeconfig `kubesim start` writes so that kubectl and the client libraries find the
// cluster: one cluster, user and context, all named kubesim. YAML is written by hand: the
// shape is fixed and small. Room is left for TLS (certificate-authority-data) and tokens.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface KubeconfigOptions {
  server: string;
  name?: string;
  token?: string;
}

const quote = (s: string): string => JSON.stringify(s);

export function renderKubeconfig(options: KubeconfigOptions): string {
  const name = options.name ?? 'kubesim';
  const user = options.token ? `    token: ${quote(options.token)}\n` : '    {}\n';
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- cluster:',
    // Plain HTTP: client-node refuses an http:// server unless TLS checks are declared off.
    ...(options.server.startsWith('http://') ? ['    insecure-skip-tls-verify: true'] : []),
    `    server: ${quote(options.server)}`,
    `  name: ${name}`,
    'contexts:',
    '- context:',
    `    cluster: ${name}`,
    `    user: ${name}`,
    '    namespace: default',
    `  name: ${name}`,
    `current-context: ${name}`,
    'preferences: {}',
    'users:',
    `- name: ${name}`,
    '  user:',
    user.trimEnd(),
    '',
  ].join('\n');
}

export function writeKubeconfig(path: string, options: KubeconfigOptions): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, renderKubeconfig(options), { mode: 0o600 });
}
