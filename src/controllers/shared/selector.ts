// A workload's structured selector as a matcher. Kubernetes twin: metav1.LabelSelectorAsSelector.
import { labelSelectorFromObject, type Selector } from '../../api/selectors/label-selector.js';
import type { Frozen, LabelSelector } from '../../api/types.js';

/** A missing selector selects nothing, an empty one everything (validation forbids both on workloads). */
export const selectorFor = (s: Frozen<LabelSelector> | undefined): Selector => labelSelectorFromObject(s as LabelSelector | undefined);
