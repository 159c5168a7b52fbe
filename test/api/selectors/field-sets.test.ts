import { describe, expect, it } from 'vitest';
import { convertFieldSelector, objectMatchesFields, parseFieldSelector } from '../../../src/api/selectors/field-selector.js';
import { fieldSelectorSupportFor, selectableFields } from '../../../src/api/selectors/field-sets.js';
import type { KubeObject } from '../../../src/api/types.js';

const read = (resource: string, obj: KubeObject): Record<string, string> =>
  Object.fromEntries(Object.entries(selectableFields[resource]).map(([name, get]) => [name, get(obj)]));

describe('selectable fields', () => {
  it('reads pods as the pod registry does', () => {
    const pod: KubeObject = {
      metadata: { name: 'web', namespace: 'default' },
      spec: { nodeName: 'n1', restartPolicy: 'Always', schedulerName: 'default-scheduler', serviceAccountName: 'default' },
      status: { phase: 'Running', podIP: '10.0.0.5', podIPs: [{ ip: '10.0.0.5' }, { ip: 'fd00::5' }] },
    };
    expect(read('pods', pod)).toEqual({
      'metadata.name': 'web',
      'metadata.namespace': 'default',
      'spec.nodeName': 'n1',
      'spec.restartPolicy': 'Always',
      'spec.schedulerName': 'default-scheduler',
      'spec.serviceAccountName': 'default',
      'spec.hostNetwork': 'false',
      'status.phase': 'Running',
      'status.podIP': '10.0.0.5',
      'status.podIPs': '',
      'status.nominatedNodeName': '',
    });
    expect(selectableFields.pods['spec.hostNetwork']({ metadata: {}, spec: { hostNetwork: true } })).toBe('true');
    expect(selectableFields.pods['status.podIP']({ metadata: {}, status: { podIPs: [{ ip: 'fd00::1' }] } })).toBe('fd00::1');
  });

  it('reads core events, with source falling back to reportingComponent', () => {
    const event: KubeObject = {
      metadata: { name: 'e1', namespace: 'default' },
      involvedObject: { kind: 'Pod', name: 'web', namespace: 'default', uid: 'u1', fieldPath: 'spec.containers{app}' },
      reason: 'Pulled',
      reportingComponent: 'kubelet',
      type: 'Normal',
    };
    const fields = read('events', event);
    expect([fields['involvedObject.kind'], fields['involvedObject.fieldPath'], fields.source, fields.type]).toEqual([
      'Pod',
      'spec.containers{app}',
      'kubelet',
      'Normal',
    ]);
    expect(selectableFields.events.source({ ...event, source: { component: 'scheduler' } })).toBe('scheduler');
  });

  it('reads events.k8s.io events by their own field names', () => {
    const event: KubeObject = { metadata: { name: 'e1' }, regarding: { kind: 'Node', name: 'n1' }, reportingController: 'kubelet' };
    const fields = read('events.events.k8s.io', event);
    expect([fields['regarding.kind'], fields['regarding.name'], fields.reportingController, fields.source]).toEqual([
      'Node',
      'n1',
      'kubelet',
      'kubelet',
    ]);
  });

  it('prints booleans and integers as Go does', () => {
    expect(selectableFields.nodes['spec.unschedulable']({ metadata: { name: 'n1' } })).toBe('false');
    expect(selectableFields.nodes['spec.unschedulable']({ metadata: { name: 'n1' }, spec: { unschedulable: true } })).toBe('true');
    expect(selectableFields.replicationcontrollers['status.replicas']({ metadata: {} })).toBe('0');
    expect(selectableFields.replicationcontrollers['status.replicas']({ metadata: {}, status: { replicas: 3 } })).toBe('3');
    expect(selectableFields.secrets.type({ metadata: {}, type: 'Opaque' })).toBe('Opaque');
    expect(selectableFields.namespaces['status.phase']({ metadata: {}, status: { phase: 'Active' } })).toBe('Active');
    expect(selectableFields.services['spec.type']({ metadata: {}, spec: { type: 'NodePort' } })).toBe('NodePort');
  });

  it('gives unknown resources the metadata-only default', () => {
    expect(Object.keys(fieldSelectorSupportFor('widgets.example.com').fields)).toEqual(['metadata.name', 'metadata.namespace']);
    expect(fieldSelectorSupportFor('configmaps').refusal).toBe('metadataOnly');
    expect(fieldSelectorSupportFor('pods').refusal).toBe('fieldLabel');
  });

  it('matches objects end to end', () => {
    const pod: KubeObject = { metadata: { name: 'web', namespace: 'ns' }, spec: { nodeName: 'n1' }, status: { phase: 'Pending' } };
    const reqs = convertFieldSelector('pods', parseFieldSelector('spec.host=n1,status.phase!=Running'));
    expect(objectMatchesFields('pods', reqs, pod)).toBe(true);
    expect(objectMatchesFields('pods', reqs, { ...pod, spec: { nodeName: 'n2' } })).toBe(false);
  });
});
