// The discovery documents clients read to learn what the server serves: /api, /apis,
// /apis/GROUP, /api/v1 and /apis/GROUP/VERSION, plain and aggregated (apidiscovery.k8s.io v2).
// Kubernetes twin: k8s.io/apiserver/pkg/endpoints/discovery (+ discovery/aggregated).
import type { ResourceDefinition } from '../api/registry/definition.js';
import type { Registry } from '../api/registry/registry.js';
import { subresourcesOf } from '../api/registry/subresources.js';

const groupVersion = (group: string, version: string): string => (group ? `${group}/${version}` : version);

export function apiVersions(serverAddress: string): object {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
}

function apiGroup(name: string, versions: string[]): object {
  const list = versions.map((v) => ({ groupVersion: groupVersion(name, v), version: v }));
  return { name, versions: list, preferredVersion: list[0] };
}

export function apiGroupList(registry: Registry): object {
  const groups = registry.groups().filter((g) => g.name !== '');
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: groups.map((g) => apiGroup(g.name, g.versions)) };
}

export function apiGroupDocument(registry: Registry, group: string): object | undefined {
  const g = registry.groups().find((x) => x.name === group && group !== '');
  return g && { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(g.name, g.versions) };
}

export function apiResourceList(registry: Registry, group: string, version: string): object | undefined {
  const defs = registry.inGroupVersion(group, version);
  if (defs.length === 0) return undefined;
  const resources: object[] = [];
  for (const d of defs) {
    const entry: Record<string, unknown> = { name: d.resource, singularName: d.singular, namespaced: d.namespaced, kind: d.kind, verbs: [...d.verbs] };
    if (d.shortNames.length) entry.shortNames = [...d.shortNames];
    if (d.categories.length) entry.categories = [...d.categories];
    resources.push(entry);
    for (const s of subresourcesOf(d)) {
      const sub: Record<string, unknown> = { name: `${d.resource}/${s.name}`, singularName: '', namespaced: d.namespaced, kind: s.kind, verbs: s.verbs };
      if (s.group) sub.group = s.group;
      if (s.version) sub.version = s.version;
      resources.push(sub);
    }
  }
  const doc: Record<string, unknown> = { kind: 'APIResourceList', groupVersion: groupVersion(group, version), resources };
  if (group) doc.apiVersion = 'v1';
  return doc;
}

function discoveryResource(d: ResourceDefinition): object {
  const entry: Record<string, unknown> = {
    resource: d.resource,
    responseKind: { group: d.group, version: d.version, kind: d.kind },
    scope: d.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: d.singular,
    verbs: [...d.verbs],
  };
  if (d.shortNames.length) entry.shortNames = [...d.shortNames];
  if (d.categories.length) entry.categories = [...d.categories];
  const subs = subresourcesOf(d);
  if (subs.length) {
    entry.subresources = subs.map((s) => ({
      subresource: s.name,
      responseKind: { group: s.group ?? d.group, version: s.version ?? d.version, kind: s.kind },
      verbs: s.verbs,
    }));
  }
  return entry;
}

/** The aggregated document for /api (core only) or /apis (every named group). */
export function aggregatedDiscovery(registry: Registry, prefix: 'api' | 'apis', version: 'v2' | 'v2beta1'): object {
  const groups = registry.groups().filter((g) => (prefix === 'api' ? g.name === '' : g.name !== ''));
  const items = groups.map((g) => ({
    metadata: { name: g.name, creationTimestamp: null },
    versions: g.versions.map((v) => ({
      version: v,
      resources: registry.inGroupVersion(g.name, v).map(discoveryResource),
      freshness: 'Current',
    })),
  }));
  return { kind: 'APIGroupDiscoveryList', apiVersion: `apidiscovery.k8s.io/${version}`, metadata: {}, items };
}

export const aggregatedContentType = (version: string): string => `application/json;g=apidiscovery.k8s.io;v=${version};as=APIGroupDiscoveryList`;
