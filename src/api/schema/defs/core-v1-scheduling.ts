// Schema declarations: Affinity, Toleration, TopologySpreadConstraint, NodeAffinity, PodAffinity, PodAntiAffinity, PreferredSchedulingTerm, NodeSelector, WeightedPodAffinityTerm, PodAffinityTerm, NodeSelectorTerm, NodeSelectorRequirement.
// Kubernetes twin: staging/src/k8s.io/api/core/v1/types.go (Affinity, Toleration, TopologySpreadConstraint, NodeAffinity, ...), v1.32; field names, types and patch tags follow the Go structs.
import { object, field, str, int32, int64, ref, list, atomic, type TypeDecl, oneOf } from '../dsl.js';
import { CORE, META } from '../names.js';

export const coreV1SchedulingTypes: readonly TypeDecl[] = [
  object(CORE + 'Affinity', 'Placement preferences and rules relative to nodes and other pods.', {
    nodeAffinity: ref(CORE + 'NodeAffinity'),
    podAffinity: ref(CORE + 'PodAffinity'),
    podAntiAffinity: ref(CORE + 'PodAntiAffinity'),
  }),
  object(CORE + 'Toleration', 'Lets the pod be placed on (or stay on) nodes with a matching taint.', {
    effect: oneOf('NoExecute', 'NoSchedule', 'PreferNoSchedule'),
    key: str,
    operator: oneOf('Equal', 'Exists'),
    tolerationSeconds: int64,
    value: str,
  }),
  object(CORE + 'TopologySpreadConstraint', 'How evenly matching pods must be spread across topology domains.', {
    labelSelector: ref(META + 'LabelSelector'),
    matchLabelKeys: field(list(str), undefined, atomic),
    maxSkew: int32,
    minDomains: int32,
    nodeAffinityPolicy: str,
    nodeTaintsPolicy: str,
    topologyKey: str,
    whenUnsatisfiable: str,
  }, { required: ['maxSkew', 'topologyKey', 'whenUnsatisfiable'] }),
  object(CORE + 'NodeAffinity', 'Which nodes the pod may or would rather run on, by node labels and fields.', {
    preferredDuringSchedulingIgnoredDuringExecution: field(list(ref(CORE + 'PreferredSchedulingTerm')), undefined, atomic),
    requiredDuringSchedulingIgnoredDuringExecution: ref(CORE + 'NodeSelector'),
  }),
  object(CORE + 'PodAffinity', 'Run near pods that match, within a topology domain.', {
    preferredDuringSchedulingIgnoredDuringExecution: field(list(ref(CORE + 'WeightedPodAffinityTerm')), undefined, atomic),
    requiredDuringSchedulingIgnoredDuringExecution: field(list(ref(CORE + 'PodAffinityTerm')), undefined, atomic),
  }),
  object(CORE + 'PodAntiAffinity', 'Stay away from pods that match, within a topology domain.', {
    preferredDuringSchedulingIgnoredDuringExecution: field(list(ref(CORE + 'WeightedPodAffinityTerm')), undefined, atomic),
    requiredDuringSchedulingIgnoredDuringExecution: field(list(ref(CORE + 'PodAffinityTerm')), undefined, atomic),
  }),
  object(CORE + 'PreferredSchedulingTerm', 'A weighted node preference.', {
    preference: ref(CORE + 'NodeSelectorTerm'),
    weight: int32,
  }, { required: ['preference', 'weight'] }),
  object(CORE + 'NodeSelector', 'Node terms OR-ed together.', {
    nodeSelectorTerms: field(list(ref(CORE + 'NodeSelectorTerm')), undefined, atomic),
  }, { required: ['nodeSelectorTerms'] }),
  object(CORE + 'WeightedPodAffinityTerm', 'A weighted pod affinity preference.', {
    podAffinityTerm: ref(CORE + 'PodAffinityTerm'),
    weight: int32,
  }, { required: ['podAffinityTerm', 'weight'] }),
  object(CORE + 'PodAffinityTerm', 'Which pods, in which namespaces, and the topology key that defines "near".', {
    labelSelector: ref(META + 'LabelSelector'),
    matchLabelKeys: field(list(str), undefined, atomic),
    mismatchLabelKeys: field(list(str), undefined, atomic),
    namespaceSelector: ref(META + 'LabelSelector'),
    namespaces: field(list(str), undefined, atomic),
    topologyKey: str,
  }, { required: ['topologyKey'] }),
  object(CORE + 'NodeSelectorTerm', 'Node requirements AND-ed together.', {
    matchExpressions: field(list(ref(CORE + 'NodeSelectorRequirement')), undefined, atomic),
    matchFields: field(list(ref(CORE + 'NodeSelectorRequirement')), undefined, atomic),
  }),
  object(CORE + 'NodeSelectorRequirement', 'One requirement over a node label or field.', {
    key: str,
    operator: oneOf('DoesNotExist', 'Exists', 'Gt', 'In', 'Lt', 'NotIn'),
    values: field(list(str), undefined, atomic),
  }, { required: ['key', 'operator'] }),
];
