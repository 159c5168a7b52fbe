// Schema declarations: PodSecurityContext, SecurityContext, AppArmorProfile, SELinuxOptions, SeccompProfile, Sysctl, WindowsSecurityContextOptions, Capabilities.
// Kubernetes twin: staging/src/k8s.io/api/core/v1/types.go (PodSecurityContext, SecurityContext, AppArmorProfile, SELinuxOptions, ...), v1.32; field names, types and patch tags follow the Go structs.
import { object, field, str, int64, bool, ref, list, atomic, type TypeDecl } from '../dsl.js';
import { CORE } from '../names.js';

export const coreV1SecurityTypes: readonly TypeDecl[] = [
  object(CORE + 'PodSecurityContext', 'Security settings shared by all containers of a pod.', {
    appArmorProfile: ref(CORE + 'AppArmorProfile'),
    fsGroup: int64,
    fsGroupChangePolicy: str,
    runAsGroup: int64,
    runAsNonRoot: bool,
    runAsUser: int64,
    seLinuxChangePolicy: str,
    seLinuxOptions: ref(CORE + 'SELinuxOptions'),
    seccompProfile: ref(CORE + 'SeccompProfile'),
    supplementalGroups: field(list(int64), undefined, atomic),
    supplementalGroupsPolicy: str,
    sysctls: field(list(ref(CORE + 'Sysctl')), undefined, atomic),
    windowsOptions: ref(CORE + 'WindowsSecurityContextOptions'),
  }),
  object(CORE + 'SecurityContext', 'Security settings of one container; they override the pod\'s.', {
    allowPrivilegeEscalation: bool,
    appArmorProfile: ref(CORE + 'AppArmorProfile'),
    capabilities: ref(CORE + 'Capabilities'),
    privileged: bool,
    procMount: str,
    readOnlyRootFilesystem: bool,
    runAsGroup: int64,
    runAsNonRoot: bool,
    runAsUser: int64,
    seLinuxOptions: ref(CORE + 'SELinuxOptions'),
    seccompProfile: ref(CORE + 'SeccompProfile'),
    windowsOptions: ref(CORE + 'WindowsSecurityContextOptions'),
  }),
  object(CORE + 'AppArmorProfile', 'Which AppArmor profile confines the process.', {
    localhostProfile: str,
    type: str,
  }, { required: ['type'] }),
  object(CORE + 'SELinuxOptions', 'The SELinux label to apply.', {
    level: str,
    role: str,
    type: str,
    user: str,
  }),
  object(CORE + 'SeccompProfile', 'Which seccomp profile filters system calls.', {
    localhostProfile: str,
    type: str,
  }, { required: ['type'] }),
  object(CORE + 'Sysctl', 'A kernel parameter set for the pod.', {
    name: str,
    value: str,
  }, { required: ['name', 'value'] }),
  object(CORE + 'WindowsSecurityContextOptions', 'Settings that only apply on Windows nodes.', {
    gmsaCredentialSpec: str,
    gmsaCredentialSpecName: str,
    hostProcess: bool,
    runAsUserName: str,
  }),
  object(CORE + 'Capabilities', 'Linux capabilities to add or remove.', {
    add: field(list(str), undefined, atomic),
    drop: field(list(str), undefined, atomic),
  }),
];
