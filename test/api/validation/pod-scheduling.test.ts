import { describe, expect, it } from 'vitest';
import { validatePod } from '../../../src/api/validation/pod.js';
import { makePod, texts } from './pod-fixtures.js';

const errorsFor = (edit: Parameters<typeof makePod>[0]): string[] => texts(validatePod(makePod(edit)));

describe('tolerations', () => {
  it('accepts the usual shapes', () => {
    expect(
      errorsFor((p) => {
        p.spec.tolerations = [
          { operator: 'Exists' },
          { key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' },
          { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 },
        ];
      }),
    ).toEqual([]);
  });

  it('checks operator and effect enums and Exists without value', () => {
    expect(
      errorsFor((p) => {
        p.spec.tolerations = [
          { key: 'a', operator: 'In', effect: 'Evict' },
          { key: 'b', operator: 'Exists', value: 'x' },
          { value: 'x' },
          { key: 'c', effect: 'NoSchedule', tolerationSeconds: 5 },
        ];
      }),
    ).toEqual([
      'spec.tolerations[0].operator: Unsupported value: "In": supported values: "Equal", "Exists"',
      'spec.tolerations[0].effect: Unsupported value: "Evict": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
      'spec.tolerations[1].operator: Invalid value: "x": value must be empty when `operator` is \'Exists\'',
      'spec.tolerations[2].operator: Invalid value: "": operator must be Exists when `key` is empty, which means "match all values and all keys"',
      'spec.tolerations[3].effect: Invalid value: "NoSchedule": effect must be \'NoExecute\' when `tolerationSeconds` is set',
    ]);
  });
});

describe('affinity', () => {
  it('checks node selector operators and values', () => {
    expect(
      errorsFor((p) => {
        p.spec.affinity = {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'Near' }, { key: 'zone', operator: 'In' }, { key: 'gpu', operator: 'Exists', values: ['x'] }] }],
            },
            preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 0, preference: {} }],
          },
        };
      }),
    ).toEqual([
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].operator: Invalid value: "Near": not a valid selector operator',
      "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[1].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[2].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
      'spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 0: must be in the range 1-100',
    ]);
  });

  it('requires at least one node selector term', () => {
    expect(errorsFor((p) => (p.spec.affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } } }))).toEqual([
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms: Required value: must have at least one node selector term',
    ]);
  });

  it('checks pod affinity label selectors and topology keys', () => {
    expect(
      errorsFor((p) => {
        p.spec.affinity = {
          podAntiAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: [
              { labelSelector: { matchExpressions: [{ key: 'app', operator: 'Has' as 'In' }] }, topologyKey: '' },
            ],
          },
        };
      }),
    ).toEqual([
      'spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchExpressions[0].operator: Invalid value: "Has": not a valid selector operator',
      'spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Required value: can not be empty',
      expect.stringMatching(/topologyKey: Invalid value: "": name part must be non-empty$/),
      expect.stringMatching(/topologyKey: Invalid value: "": name part must consist of/),
    ]);
  });

  it('checks topology spread constraints', () => {
    expect(
      errorsFor((p) => (p.spec.topologySpreadConstraints = [{ maxSkew: 0, topologyKey: 'zone', whenUnsatisfiable: 'Maybe' }])),
    ).toEqual([
      'spec.topologySpreadConstraints[0].maxSkew: Invalid value: 0: must be greater than zero',
      'spec.topologySpreadConstraints[0].whenUnsatisfiable: Unsupported value: "Maybe": supported values: "DoNotSchedule", "ScheduleAnyway"',
    ]);
  });
});
