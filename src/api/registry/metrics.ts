// metrics.k8s.io/v1beta1: what pods and nodes use right now, for `kubectl top` and autoscalers.
// In a real cluster metrics-server serves this group through API aggregation, scraping each
// kubelet; here the API server computes it from the kubelets' model when asked.
// Kubernetes twin: sigs.k8s.io/metrics-server pkg/api (pod.go, node.go) and
// k8s.io/metrics/pkg/apis/metrics/v1beta1 (types).
import { defineResource } from './definition.js';

export const podMetrics = defineResource({
  group: 'metrics.k8s.io',
  version: 'v1beta1',
  resource: 'pods',
  kind: 'PodMetrics',
  singular: '',
  namespaced: true,
  verbs: ['get', 'list'],
  computed: true,
});

export const nodeMetrics = defineResource({
  group: 'metrics.k8s.io',
  version: 'v1beta1',
  resource: 'nodes',
  kind: 'NodeMetrics',
  singular: '',
  namespaced: false,
  verbs: ['get', 'list'],
  computed: true,
});

export const metricsResources = [nodeMetrics, podMetrics];
