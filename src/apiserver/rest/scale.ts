// The scale subresource: a Deployment or ReplicaSet seen as autoscaling/v1 Scale.
// Kubernetes twin: pkg/registry/apps/deployment/storage (ScaleREST) and
// k8s.io/apiserver/pkg/registry/rest scale conversion.
import { produce } from 'immer';
import * as errors from '../../api/errors.js';
import { invalid } from '../../api/field-errors.js';
import type { MutableObj, Obj, ScaleSubresource } from '../../api/registry/definition.js';
import type { KubeObject, LabelSelector } from '../../api/types.js';

export interface Scale extends KubeObject {
  spec: { replicas?: number };
  status: { replicas: number; selector?: string };
}

const SCALE_KIND = { group: 'autoscaling', kind: 'Scale' };

function at(obj: unknown, path: readonly string[]): unknown {
  let v: unknown = obj;
  for (const p of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
  return v;
}

/** A label selector in its string form, requirements sorted by key as apimachinery prints them. */
export function selectorString(sel: LabelSelector | undefined): string {
  if (!sel) return '';
  const terms: { key: string; text: string }[] = [];
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) terms.push({ key: k, text: `${k}=${v}` });
  for (const e of sel.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(',');
    const text =
      e.operator === 'In' ? `${e.key} in (${values})` : e.operator === 'NotIn' ? `${e.key} notin (${values})` : e.operator === 'Exists' ? e.key : `!${e.key}`;
    terms.push({ key: e.key, text });
  }
  return terms
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((t) => t.text)
    .join(',');
}

export function scaleOf(sub: ScaleSubresource, obj: Obj): Scale {
  const m = obj.metadata;
  const metadata: KubeObject['metadata'] = { name: m.name, namespace: m.namespace, uid: m.uid, resourceVersion: m.resourceVersion, creationTimestamp: m.creationTimestamp };
  const status: Scale['status'] = { replicas: (at(obj, sub.statusReplicasPath) as number | undefined) ?? 0 };
  const selector = selectorString(at(obj, sub.labelSelectorPath) as LabelSelector | undefined);
  if (selector) status.selector = selector;
  return { kind: 'Scale', apiVersion: 'autoscaling/v1', metadata, spec: { replicas: (at(obj, sub.specReplicasPath) as number | undefined) ?? 0 }, status };
}

/** The parent object with the replicas the Scale asks for, after checking the Scale. */
export function applyScale(sub: ScaleSubresource, parent: Obj, scale: KubeObject): KubeObject {
  const name = parent.metadata.name ?? '';
  if (scale.metadata.name && scale.metadata.name !== name) {
    throw errors.badRequest(`the name of the object (${scale.metadata.name}) does not match the name on the URL (${name})`);
  }
  const replicas = (scale.spec as { replicas?: unknown } | undefined)?.replicas ?? 0;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas)) {
    throw errors.badRequest(`Scale in version "v1" cannot be handled as a Scale: json: cannot unmarshal ${typeof replicas} into Go struct field ScaleSpec.spec.replicas of type int32`);
  }
  if (replicas < 0) throw errors.invalid(SCALE_KIND, name, [invalid('spec.replicas', replicas, 'must be greater than or equal to 0')]);
  const rv = scale.metadata.resourceVersion;
  return produce(parent, (draft: MutableObj) => {
    let target = draft as unknown as Record<string, unknown>;
    for (const p of sub.specReplicasPath.slice(0, -1)) target = (target[p] ??= {}) as Record<string, unknown>;
    target[sub.specReplicasPath[sub.specReplicasPath.length - 1]] = replicas;
    // The Scale's resourceVersion is the parent's: the update checks it as its own.
    if (rv) draft.metadata.resourceVersion = rv;
  }) as KubeObject;
}
