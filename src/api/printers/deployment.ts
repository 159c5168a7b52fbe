// `kubectl get deployments`: NAME READY UP-TO-DATE AVAILABLE AGE | CONTAINERS IMAGES SELECTOR.
// Kubernetes twin: deploymentColumnDefinitions and printDeployment in
// pkg/printers/internalversion/printers.go (descriptions from extensions/v1beta1, as the
// apiserver uses).
import type { Frozen, KubeObject, LabelSelector } from '../types.js';
import { TEMPLATE_DESCRIPTIONS } from './column-descriptions.js';
import { containerCells, type ContainerLike } from './container-cells.js';
import { labelSelectorString } from './label-format.js';
import { ageColumn, ageOf, column, nameColumn, nameOf, wideColumn, type ResourcePrinter, type TableCell } from './table-column.js';

interface DeploymentView {
  spec?: {
    replicas?: number;
    selector?: LabelSelector;
    template?: { spec?: { containers?: ContainerLike[] } };
  };
  status?: { readyReplicas?: number; updatedReplicas?: number; availableReplicas?: number };
}

const columns = [
  nameColumn,
  column('Ready', 'Number of the pod with ready state'),
  column(
    'Up-to-date',
    'Total number of non-terminated pods targeted by this deployment that have the desired template spec.',
  ),
  column('Available', 'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.'),
  ageColumn,
  wideColumn('Containers', TEMPLATE_DESCRIPTIONS.containers),
  wideColumn('Images', TEMPLATE_DESCRIPTIONS.images),
  wideColumn(
    'Selector',
    'Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.',
  ),
];

export const deploymentPrinter: ResourcePrinter = {
  columns,
  row(obj: KubeObject, now: number): TableCell[] {
    const deployment = obj as Frozen<DeploymentView>;
    const status = deployment.status ?? {};
    const { names, images } = containerCells(deployment.spec?.template?.spec?.containers);
    // Defaulting sets spec.replicas to 1 on create; an object that skipped it reads the same.
    const desired = deployment.spec?.replicas ?? 1;
    return [
      nameOf(obj),
      `${status.readyReplicas ?? 0}/${desired}`,
      status.updatedReplicas ?? 0,
      status.availableReplicas ?? 0,
      ageOf(obj, now),
      names,
      images,
      // Unlike replica sets, an empty selector prints as "" here, not "<none>".
      labelSelectorString(deployment.spec?.selector),
    ];
  },
};
