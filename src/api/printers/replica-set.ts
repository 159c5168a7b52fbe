// `kubectl get replicasets`: NAME DESIRED CURRENT READY AGE | CONTAINERS IMAGES SELECTOR.
// Kubernetes twin: replicaSetColumnDefinitions and printReplicaSet in
// pkg/printers/internalversion/printers.go (descriptions from extensions/v1beta1, as the
// apiserver uses).
import type { Frozen, KubeObject, LabelSelector } from '../types.js';
import { TEMPLATE_DESCRIPTIONS } from './column-descriptions.js';
import { containerCells, type ContainerLike } from './container-cells.js';
import { formatLabelSelector } from './label-format.js';
import { ageColumn, ageOf, column, nameColumn, nameOf, wideColumn, type ResourcePrinter, type TableCell } from './table-column.js';

interface ReplicaSetView {
  spec?: {
    replicas?: number;
    selector?: LabelSelector;
    template?: { spec?: { containers?: ContainerLike[] } };
  };
  status?: { replicas?: number; readyReplicas?: number };
}

const REPLICATION_INFO =
  'More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller/#what-is-a-replicationcontroller';

const columns = [
  nameColumn,
  column(
    'Desired',
    `Replicas is the number of desired replicas. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. ${REPLICATION_INFO}`,
    { type: 'integer' },
  ),
  column('Current', `Replicas is the most recently oberved number of replicas. ${REPLICATION_INFO}`, { type: 'integer' }),
  column('Ready', 'readyReplicas is the number of pods targeted by this ReplicaSet with a Ready Condition.', {
    type: 'integer',
  }),
  ageColumn,
  wideColumn('Containers', TEMPLATE_DESCRIPTIONS.containers),
  wideColumn('Images', TEMPLATE_DESCRIPTIONS.images),
  wideColumn(
    'Selector',
    'Selector is a label query over pods that should match the replica count. If the selector is empty, it is ' +
      'defaulted to the labels present on the pod template. Label keys and values that must match in order to be ' +
      'controlled by this replica set. More info: ' +
      'https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors',
  ),
];

export const replicaSetPrinter: ResourcePrinter = {
  columns,
  row(obj: KubeObject, now: number): TableCell[] {
    const replicaSet = obj as Frozen<ReplicaSetView>;
    const { names, images } = containerCells(replicaSet.spec?.template?.spec?.containers);
    return [
      nameOf(obj),
      // Defaulting sets spec.replicas to 1 on create; an object that skipped it reads the same.
      replicaSet.spec?.replicas ?? 1,
      replicaSet.status?.replicas ?? 0,
      replicaSet.status?.readyReplicas ?? 0,
      ageOf(obj, now),
      names,
      images,
      formatLabelSelector(replicaSet.spec?.selector),
    ];
  },
};
