import { describe, expect, it } from 'vitest';
import { ALL_TYPES, typeNamed, typeOfKind } from '../../../src/api/schema/registry.js';
import { refsOfShape } from '../../../src/api/schema/openapi-schema.js';
import type { ObjectDecl } from '../../../src/api/schema/dsl.js';

function object(name: string): ObjectDecl {
  const decl = typeNamed(name);
  if (!decl || decl.kind !== 'object') throw new Error(`no object ${name}`);
  return decl;
}

describe('schema declarations', () => {
  it('have unique names and every ref resolves', () => {
    const names = ALL_TYPES.map((d) => d.name);
    expect(new Set(names).size).toBe(names.length);
    const dangling: string[] = [];
    for (const decl of ALL_TYPES) {
      const shapes = decl.kind === 'scalar' ? [decl.shape] : Object.values(decl.fields).map((f) => f.shape);
      for (const shape of shapes) for (const ref of refsOfShape(shape)) if (!typeNamed(ref)) dangling.push(`${decl.name} -> ${ref}`);
    }
    expect(dangling).toEqual([]);
  });

  it('required fields are declared fields', () => {
    for (const decl of ALL_TYPES) {
      if (decl.kind !== 'object') continue;
      for (const name of decl.required) expect(decl.fields[name], `${decl.name}.${name}`).toBeDefined();
    }
  });

  it.each([
    ['', 'v1', 'Pod'], ['', 'v1', 'PodList'], ['', 'v1', 'Namespace'], ['', 'v1', 'Node'], ['', 'v1', 'Service'],
    ['', 'v1', 'Endpoints'], ['', 'v1', 'ConfigMap'], ['', 'v1', 'Secret'], ['', 'v1', 'ServiceAccount'], ['', 'v1', 'Event'],
    ['', 'v1', 'Binding'], ['', 'v1', 'PodTemplate'], ['apps', 'v1', 'Deployment'], ['apps', 'v1', 'ReplicaSetList'],
    ['autoscaling', 'v1', 'Scale'], ['coordination.k8s.io', 'v1', 'Lease'], ['discovery.k8s.io', 'v1', 'EndpointSlice'],
    ['events.k8s.io', 'v1', 'Event'], ['', 'v1', 'Status'], ['apps', 'v1', 'DeleteOptions'],
  ])('declares kind %s/%s %s', (group, version, kind) => {
    expect(typeOfKind(group, version, kind)).toBeDefined();
  });

  it('uses Kubernetes definition names', () => {
    expect(typeOfKind('', 'v1', 'Pod')?.name).toBe('io.k8s.api.core.v1.Pod');
    expect(typeOfKind('events.k8s.io', 'v1', 'Event')?.name).toBe('io.k8s.api.events.v1.Event');
    expect(typeNamed('io.k8s.apimachinery.pkg.api.resource.Quantity')).toBeDefined();
    expect(typeNamed('io.k8s.apimachinery.pkg.util.intstr.IntOrString')).toBeDefined();
    expect(object('io.k8s.api.core.v1.ResourceRequirements').fields.limits?.shape).toEqual({
      type: 'map',
      values: { type: 'ref', ref: 'io.k8s.apimachinery.pkg.api.resource.Quantity' },
    });
  });

  it('carries the 1.32 field set, without later additions', () => {
    const spec = object('io.k8s.api.core.v1.PodSpec');
    for (const f of ['ephemeralContainers', 'resourceClaims', 'schedulingGates', 'readinessGates', 'hostUsers', 'os', 'resources', 'topologySpreadConstraints']) {
      expect(spec.fields[f], f).toBeDefined();
    }
    expect(spec.fields.hostnameOverride).toBeUndefined();
    expect(object('io.k8s.api.core.v1.Lifecycle').fields.stopSignal).toBeUndefined();
    expect(object('io.k8s.api.apps.v1.DeploymentStatus').fields.terminatingReplicas).toBeUndefined();
    expect(Object.keys(object('io.k8s.api.core.v1.Volume').fields)).toHaveLength(31); // name + 29 classic sources + image (1.31)
  });
});

describe('golden patch metadata', () => {
  const field = (type: string, name: string) => object(type).fields[name];

  it('Container.ports merge on containerPort', () => {
    expect(field('io.k8s.api.core.v1.Container', 'ports')).toMatchObject({
      patchStrategy: 'merge', patchMergeKey: 'containerPort', listType: 'map', listMapKeys: ['containerPort', 'protocol'],
    });
  });
  it('Container.env and volumeMounts merge on name and mountPath', () => {
    expect(field('io.k8s.api.core.v1.Container', 'env')).toMatchObject({ patchStrategy: 'merge', patchMergeKey: 'name' });
    expect(field('io.k8s.api.core.v1.Container', 'volumeMounts')).toMatchObject({ patchStrategy: 'merge', patchMergeKey: 'mountPath' });
  });
  it('PodSpec.volumes merge,retainKeys on name; containers merge on name', () => {
    expect(field('io.k8s.api.core.v1.PodSpec', 'volumes')).toMatchObject({ patchStrategy: 'merge,retainKeys', patchMergeKey: 'name' });
    expect(field('io.k8s.api.core.v1.PodSpec', 'containers')).toMatchObject({ patchStrategy: 'merge', patchMergeKey: 'name' });
  });
  it('ObjectMeta.finalizers merge as a set, ownerReferences on uid', () => {
    expect(field('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'finalizers')).toMatchObject({ patchStrategy: 'merge', listType: 'set' });
    expect(field('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'ownerReferences')).toMatchObject({ patchMergeKey: 'uid' });
  });
  it('ServiceSpec.ports merge on port', () => {
    expect(field('io.k8s.api.core.v1.ServiceSpec', 'ports')).toMatchObject({ patchStrategy: 'merge', patchMergeKey: 'port', listMapKeys: ['port', 'protocol'] });
  });
  it('DeploymentSpec.strategy retainKeys', () => {
    expect(field('io.k8s.api.apps.v1.DeploymentSpec', 'strategy')).toMatchObject({ patchStrategy: 'retainKeys' });
  });
});
