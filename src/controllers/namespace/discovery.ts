// Which namespaced resources can be deleted: read from the server's discovery documents, as
// the namespace controller asks discovery (ServerPreferredNamespacedResources) on every pass.
// Kubernetes twin: pkg/controller/namespace/deletion (discoverResourcesFn, FilteredBy delete).
import type { Client } from '../../client/client.js';
import type { ResourceType } from '../../client/resources.js';
import { requestJson } from './raw-request.js';

interface ApiResource {
  name: string;
  namespaced: boolean;
  kind: string;
  verbs: string[];
}
interface ApiResourceList {
  groupVersion: string;
  resources: ApiResource[];
}
interface ApiGroupList {
  groups: { name: string; preferredVersion?: { groupVersion: string; version: string } }[];
}

export interface DeletableResource {
  type: ResourceType;
  verbs: readonly string[];
}

export interface DiscoveryResult {
  resources: DeletableResource[];
  /** Group versions that could not be read ("apps/v1: ..."). */
  failures: string[];
}

export async function discoverNamespacedResources(client: Client): Promise<DiscoveryResult> {
  const failures: string[] = [];
  const lists: ApiResourceList[] = [];
  const fetchList = async (path: string, groupVersion: string): Promise<void> => {
    try {
      lists.push({ ...(await requestJson<ApiResourceList>(client, 'GET', path)), groupVersion });
    } catch (e) {
      failures.push(`${groupVersion}: ${(e as Error).message}`);
    }
  };
  await fetchList('/api/v1', 'v1');
  try {
    const groups = await requestJson<ApiGroupList>(client, 'GET', '/apis');
    for (const g of groups.groups) {
      if (g.preferredVersion) await fetchList(`/apis/${g.preferredVersion.groupVersion}`, g.preferredVersion.groupVersion);
    }
  } catch (e) {
    failures.push(`apis: ${(e as Error).message}`);
  }
  const resources: DeletableResource[] = [];
  for (const list of lists) {
    const [group, version] = list.groupVersion.includes('/') ? list.groupVersion.split('/') : ['', list.groupVersion];
    for (const r of list.resources ?? []) {
      if (!r.namespaced || r.name.includes('/') || !r.verbs.includes('delete')) continue;
      resources.push({ type: Object.freeze({ group, version, resource: r.name, kind: r.kind, namespaced: true }), verbs: r.verbs });
    }
  }
  return { resources, failures };
}
