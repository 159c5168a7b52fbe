// A valid, defaulted pod to break one field at a time, and a helper that prints errors as kube does.
import { fieldErrorText, type FieldError } from '../../../src/api/field-errors.js';
import { defaultPod } from '../../../src/api/defaults/pod.js';
import type { Container, Pod } from '../../../src/api/types/pod.js';

export function container(overrides: Partial<Container> = {}): Container {
  return { name: 'app', image: 'nginx:1.27', ...overrides };
}

/** A pod as it reaches validation: defaults applied. `edit` runs on the raw pod first. */
export function makePod(edit: (pod: Pod) => void = () => {}): Pod {
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'default', resourceVersion: '1' },
    spec: { containers: [container()] },
  };
  edit(pod);
  defaultPod(pod);
  return pod;
}

export const texts = (errs: FieldError[]): string[] => errs.map(fieldErrorText);
