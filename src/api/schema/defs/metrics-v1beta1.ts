// Schema declarations: NodeMetrics, PodMetrics, ContainerMetrics and their lists.
// Kubernetes twin: staging/src/k8s.io/metrics/pkg/apis/metrics/v1beta1/types.go; field names and
// types follow the Go structs.
import { object, field, list, mapOf, str, ref, kind, type TypeDecl } from '../dsl.js';
import { objectMeta, quantity, time } from '../names.js';
import { API_VERSION_DESCRIPTION, KIND_DESCRIPTION, listType } from '../type-meta.js';

const METRICS = 'io.k8s.metrics.pkg.apis.metrics.v1beta1.';
const usage = field(mapOf(quantity), 'The memory and CPU used, as quantities ("cpu": cores, "memory": bytes).');

export const metricsV1beta1Types: readonly TypeDecl[] = [
  object(METRICS + 'NodeMetrics', 'What a node uses: the sum of what its pods use.', {
    apiVersion: field(str, API_VERSION_DESCRIPTION),
    kind: field(str, KIND_DESCRIPTION),
    metadata: field(objectMeta, "Standard object metadata: the node's name and labels."),
    timestamp: field(time, 'The end of the window the usage was measured over.'),
    window: field(str, 'How long the usage was measured over.'),
    usage,
  }, { gvk: kind('metrics.k8s.io', 'v1beta1', 'NodeMetrics') }),
  listType(METRICS + 'NodeMetricsList', 'A list of node metrics.', ref(METRICS + 'NodeMetrics'), 'The node metrics.', kind('metrics.k8s.io', 'v1beta1', 'NodeMetricsList')),
  object(METRICS + 'PodMetrics', "What a pod's running containers use.", {
    apiVersion: field(str, API_VERSION_DESCRIPTION),
    kind: field(str, KIND_DESCRIPTION),
    metadata: field(objectMeta, "Standard object metadata: the pod's name, namespace and labels."),
    timestamp: field(time, 'The end of the window the usage was measured over.'),
    window: field(str, 'How long the usage was measured over.'),
    containers: field(list(ref(METRICS + 'ContainerMetrics')), 'One entry per running container.'),
  }, { gvk: kind('metrics.k8s.io', 'v1beta1', 'PodMetrics') }),
  listType(METRICS + 'PodMetricsList', 'A list of pod metrics.', ref(METRICS + 'PodMetrics'), 'The pod metrics.', kind('metrics.k8s.io', 'v1beta1', 'PodMetricsList')),
  object(METRICS + 'ContainerMetrics', 'What one container uses.', {
    name: field(str, 'The container name.'),
    usage,
  }),
];
