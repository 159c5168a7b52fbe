// The set of resources a server serves, looked up the ways requests need: by path
// (group, version, resource) and by kind.
import { appsResources } from './apps.js';
import { coreResources } from './core.js';
import type { ResourceDefinition } from './definition.js';
import { metricsResources } from './metrics.js';
import { accessReviewResources } from './access-reviews.js';
import { otherGroupResources } from './other-groups.js';

export class Registry {
  readonly #byPath = new Map<string, ResourceDefinition>();

  constructor(readonly definitions: readonly ResourceDefinition[]) {
    for (const d of definitions) this.#byPath.set(`${d.group}/${d.version}/${d.resource}`, d);
  }

  lookup(group: string, version: string, resource: string): ResourceDefinition | undefined {
    return this.#byPath.get(`${group}/${version}/${resource}`);
  }

  /** Group names in the order discovery lists them, each with its versions. */
  groups(): { name: string; versions: string[] }[] {
    const groups = new Map<string, Set<string>>();
    for (const d of this.definitions) {
      if (!groups.has(d.group)) groups.set(d.group, new Set());
      groups.get(d.group)!.add(d.version);
    }
    return [...groups].map(([name, versions]) => ({ name, versions: [...versions] }));
  }

  inGroupVersion(group: string, version: string): ResourceDefinition[] {
    return this.definitions.filter((d) => d.group === group && d.version === version);
  }
}

/** Everything kubesim serves. */
export function builtinRegistry(): Registry {
  return new Registry([...coreResources, ...appsResources, ...otherGroupResources, ...accessReviewResources, ...metricsResources]);
}
