// Hand-built patch meta for Pod- and Deployment-like shapes, as the Go struct tags of k8s.io/api declare them.
import { NO_PATCH_META, type FieldPatchMeta, type PatchMeta, type PatchStrategy } from '../../../src/api/patch/patch-meta.js';

export const metaOf = (fields: Record<string, FieldPatchMeta>): PatchMeta => ({
  field: (name) => (Object.hasOwn(fields, name) ? fields[name] : undefined),
});
const nested = (meta: PatchMeta): FieldPatchMeta => ({ strategies: [], meta });
const mergedBy = (mergeKey: string, meta: PatchMeta = NO_PATCH_META, extra: PatchStrategy[] = []): FieldPatchMeta => ({
  strategies: ['merge', ...extra],
  mergeKey,
  meta,
});
const primitiveSet: FieldPatchMeta = { strategies: ['merge'], meta: NO_PATCH_META };

export const containerMeta = metaOf({
  ports: mergedBy('containerPort'),
  env: mergedBy('name'),
  volumeMounts: mergedBy('mountPath'),
});

export const podSpecMeta = metaOf({
  containers: mergedBy('name', containerMeta),
  initContainers: mergedBy('name', containerMeta),
  volumes: mergedBy('name', NO_PATCH_META, ['retainKeys']),
  imagePullSecrets: mergedBy('name'),
  // tolerations carry no patch strategy: a patch replaces the whole list.
});

export const objectMetaMeta = metaOf({
  finalizers: primitiveSet,
  ownerReferences: mergedBy('uid'),
});

const templateMeta = metaOf({ metadata: nested(objectMetaMeta), spec: nested(podSpecMeta) });

export const podMeta = metaOf({ metadata: nested(objectMetaMeta), spec: nested(podSpecMeta) });

export const deploymentMeta = metaOf({
  metadata: nested(objectMetaMeta),
  spec: nested(
    metaOf({
      template: nested(templateMeta),
      strategy: { strategies: ['retainKeys'], meta: NO_PATCH_META },
    }),
  ),
});

/** Deep-freezes a value so that any mutation by the code under test throws. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** Reads a dotted path ("spec.template.spec") out of a decoded JSON value. */
export const dig = (value: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], value);
