// Kubernetes twin: staging/src/k8s.io/api/core/v1/generated.proto: Pod, PodSpec and scheduling terms.
// Numbers, names and pointer-ness (gogoproto.nullable) as compiled into kubectl v1.33; `!` from types.go JSON tags.
// Notation: ../message-spec.ts.
import type { MessageSpecs } from '../message-spec.js';

export const coreV1PodMessages: MessageSpecs = {
  Pod: ['metadata=1:ObjectMeta', 'spec=2:PodSpec', 'status=3:PodStatus'],
  PodSpec: [
    'volumes=1:[]Volume', 'initContainers=20:[]Container', 'containers=2:[]Container',
    'ephemeralContainers=34:[]EphemeralContainer', 'restartPolicy=3:string', 'terminationGracePeriodSeconds=4:*int64',
    'activeDeadlineSeconds=5:*int64', 'dnsPolicy=6:string', 'nodeSelector=7:{}string', 'serviceAccountName=8:string',
    'serviceAccount=9:string', 'automountServiceAccountToken=21:*bool', 'nodeName=10:string', 'hostNetwork=11:bool',
    'hostPID=12:bool', 'hostIPC=13:bool', 'shareProcessNamespace=27:*bool', 'securityContext=14:*PodSecurityContext',
    'imagePullSecrets=15:[]LocalObjectReference', 'hostname=16:string', 'subdomain=17:string', 'affinity=18:*Affinity',
    'schedulerName=19:string', 'tolerations=22:[]Toleration', 'hostAliases=23:[]HostAlias',
    'priorityClassName=24:string', 'priority=25:*int32', 'dnsConfig=26:*PodDNSConfig',
    'readinessGates=28:[]PodReadinessGate', 'runtimeClassName=29:*string', 'enableServiceLinks=30:*bool',
    'preemptionPolicy=31:*string', 'overhead=32:{}Quantity', 'topologySpreadConstraints=33:[]TopologySpreadConstraint',
    'setHostnameAsFQDN=35:*bool', 'os=36:*PodOS', 'hostUsers=37:*bool', 'schedulingGates=38:[]PodSchedulingGate',
    'resourceClaims=39:[]PodResourceClaim', 'resources=40:*ResourceRequirements',
  ],
  PodSecurityContext: [
    'seLinuxOptions=1:*SELinuxOptions', 'windowsOptions=8:*WindowsSecurityContextOptions', 'runAsUser=2:*int64',
    'runAsGroup=6:*int64', 'runAsNonRoot=3:*bool', 'supplementalGroups=4:[]int64',
    'supplementalGroupsPolicy=12:*string', 'fsGroup=5:*int64', 'sysctls=7:[]Sysctl', 'fsGroupChangePolicy=9:*string',
    'seccompProfile=10:*SeccompProfile', 'appArmorProfile=11:*AppArmorProfile', 'seLinuxChangePolicy=13:*string',
  ],
  Sysctl: ['name=1:string!', 'value=2:string!'],
  Affinity: ['nodeAffinity=1:*NodeAffinity', 'podAffinity=2:*PodAffinity', 'podAntiAffinity=3:*PodAntiAffinity'],
  NodeAffinity: [
    'requiredDuringSchedulingIgnoredDuringExecution=1:*NodeSelector',
    'preferredDuringSchedulingIgnoredDuringExecution=2:[]PreferredSchedulingTerm',
  ],
  NodeSelector: ['nodeSelectorTerms=1:[]NodeSelectorTerm'],
  NodeSelectorTerm: ['matchExpressions=1:[]NodeSelectorRequirement', 'matchFields=2:[]NodeSelectorRequirement'],
  NodeSelectorRequirement: ['key=1:string!', 'operator=2:string!', 'values=3:[]string'],
  PreferredSchedulingTerm: ['weight=1:int32!', 'preference=2:NodeSelectorTerm'],
  PodAffinity: [
    'requiredDuringSchedulingIgnoredDuringExecution=1:[]PodAffinityTerm',
    'preferredDuringSchedulingIgnoredDuringExecution=2:[]WeightedPodAffinityTerm',
  ],
  PodAffinityTerm: [
    'labelSelector=1:*LabelSelector', 'namespaces=2:[]string', 'topologyKey=3:string!',
    'namespaceSelector=4:*LabelSelector', 'matchLabelKeys=5:[]string', 'mismatchLabelKeys=6:[]string',
  ],
  WeightedPodAffinityTerm: ['weight=1:int32!', 'podAffinityTerm=2:PodAffinityTerm'],
  PodAntiAffinity: [
    'requiredDuringSchedulingIgnoredDuringExecution=1:[]PodAffinityTerm',
    'preferredDuringSchedulingIgnoredDuringExecution=2:[]WeightedPodAffinityTerm',
  ],
  Toleration: ['key=1:string', 'operator=2:string', 'value=3:string', 'effect=4:string', 'tolerationSeconds=5:*int64'],
  HostAlias: ['ip=1:string!', 'hostnames=2:[]string'],
  PodDNSConfig: ['nameservers=1:[]string', 'searches=2:[]string', 'options=3:[]PodDNSConfigOption'],
  PodDNSConfigOption: ['name=1:string', 'value=2:*string'],
  PodReadinessGate: ['conditionType=1:string!'],
  TopologySpreadConstraint: [
    'maxSkew=1:int32!', 'topologyKey=2:string!', 'whenUnsatisfiable=3:string!', 'labelSelector=4:*LabelSelector',
    'minDomains=5:*int32', 'nodeAffinityPolicy=6:*string', 'nodeTaintsPolicy=7:*string', 'matchLabelKeys=8:[]string',
  ],
  PodOS: ['name=1:string!'],
  PodSchedulingGate: ['name=1:string!'],
  PodResourceClaim: ['name=1:string!', 'resourceClaimName=3:*string', 'resourceClaimTemplateName=4:*string'],
};
