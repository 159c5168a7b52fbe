// Schema declarations: Volume, ConfigMapVolumeSource, CSIVolumeSource, DownwardAPIVolumeSource, EmptyDirVolumeSource, EphemeralVolumeSource, HostPathVolumeSource, ImageVolumeSource, PersistentVolumeClaimVolumeSource, ProjectedVolumeSource, SecretVolumeSource, KeyToPath, DownwardAPIVolumeFile, PersistentVolumeClaimTemplate, VolumeProjection, PersistentVolumeClaimSpec, ClusterTrustBundleProjection, ConfigMapProjection, DownwardAPIProjection, SecretProjection, ServiceAccountTokenProjection, TypedLocalObjectReference, TypedObjectReference, VolumeResourceRequirements.
// Kubernetes twin: staging/src/k8s.io/api/core/v1/types.go (Volume, ConfigMapVolumeSource, CSIVolumeSource, DownwardAPIVolumeSource, ...), v1.32; field names, types and patch tags follow the Go structs.
import { object, field, str, int32, int64, bool, ref, list, mapOf, atomic, type TypeDecl } from '../dsl.js';
import { CORE, META, quantity, objectMeta } from '../names.js';
import { KIND_DESCRIPTION } from '../type-meta.js';

export const coreV1VolumeTypes: readonly TypeDecl[] = [
  object(CORE + 'Volume', 'A named volume of the pod; exactly one source is set.', {
    awsElasticBlockStore: ref(CORE + 'AWSElasticBlockStoreVolumeSource'),
    azureDisk: ref(CORE + 'AzureDiskVolumeSource'),
    azureFile: ref(CORE + 'AzureFileVolumeSource'),
    cephfs: ref(CORE + 'CephFSVolumeSource'),
    cinder: ref(CORE + 'CinderVolumeSource'),
    configMap: ref(CORE + 'ConfigMapVolumeSource'),
    csi: ref(CORE + 'CSIVolumeSource'),
    downwardAPI: ref(CORE + 'DownwardAPIVolumeSource'),
    emptyDir: ref(CORE + 'EmptyDirVolumeSource'),
    ephemeral: ref(CORE + 'EphemeralVolumeSource'),
    fc: ref(CORE + 'FCVolumeSource'),
    flexVolume: ref(CORE + 'FlexVolumeSource'),
    flocker: ref(CORE + 'FlockerVolumeSource'),
    gcePersistentDisk: ref(CORE + 'GCEPersistentDiskVolumeSource'),
    gitRepo: ref(CORE + 'GitRepoVolumeSource'),
    glusterfs: ref(CORE + 'GlusterfsVolumeSource'),
    hostPath: ref(CORE + 'HostPathVolumeSource'),
    image: ref(CORE + 'ImageVolumeSource'),
    iscsi: ref(CORE + 'ISCSIVolumeSource'),
    name: field(str, 'Unique within the pod; mounts refer to it.'),
    nfs: ref(CORE + 'NFSVolumeSource'),
    persistentVolumeClaim: ref(CORE + 'PersistentVolumeClaimVolumeSource'),
    photonPersistentDisk: ref(CORE + 'PhotonPersistentDiskVolumeSource'),
    portworxVolume: ref(CORE + 'PortworxVolumeSource'),
    projected: ref(CORE + 'ProjectedVolumeSource'),
    quobyte: ref(CORE + 'QuobyteVolumeSource'),
    rbd: ref(CORE + 'RBDVolumeSource'),
    scaleIO: ref(CORE + 'ScaleIOVolumeSource'),
    secret: ref(CORE + 'SecretVolumeSource'),
    storageos: ref(CORE + 'StorageOSVolumeSource'),
    vsphereVolume: ref(CORE + 'VsphereVirtualDiskVolumeSource'),
  }, { required: ['name'] }),
  object(CORE + 'ConfigMapVolumeSource', 'A config map\'s keys as files.', {
    defaultMode: int32,
    items: field(list(ref(CORE + 'KeyToPath')), undefined, atomic),
    name: str,
    optional: bool,
  }),
  object(CORE + 'CSIVolumeSource', 'An inline volume served by a CSI driver.', {
    driver: str,
    fsType: str,
    nodePublishSecretRef: ref(CORE + 'LocalObjectReference'),
    readOnly: bool,
    volumeAttributes: mapOf(str),
  }, { required: ['driver'] }),
  object(CORE + 'DownwardAPIVolumeSource', 'Pod information as files.', {
    defaultMode: int32,
    items: field(list(ref(CORE + 'DownwardAPIVolumeFile')), undefined, atomic),
  }),
  object(CORE + 'EmptyDirVolumeSource', 'A scratch directory that lives as long as the pod.', {
    medium: str,
    sizeLimit: quantity,
  }),
  object(CORE + 'EphemeralVolumeSource', 'A claim created with the pod and deleted with it.', {
    volumeClaimTemplate: ref(CORE + 'PersistentVolumeClaimTemplate'),
  }),
  object(CORE + 'HostPathVolumeSource', 'A file or directory of the node.', {
    path: str,
    type: str,
  }, { required: ['path'] }),
  object(CORE + 'ImageVolumeSource', 'An OCI image or artifact mounted read-only.', {
    pullPolicy: str,
    reference: str,
  }),
  object(CORE + 'PersistentVolumeClaimVolumeSource', 'Mounts the volume bound to a claim in the same namespace.', {
    claimName: str,
    readOnly: bool,
  }, { required: ['claimName'] }),
  object(CORE + 'ProjectedVolumeSource', 'Several sources projected into one directory.', {
    defaultMode: int32,
    sources: field(list(ref(CORE + 'VolumeProjection')), undefined, atomic),
  }),
  object(CORE + 'SecretVolumeSource', 'A secret\'s keys as files.', {
    defaultMode: int32,
    items: field(list(ref(CORE + 'KeyToPath')), undefined, atomic),
    optional: bool,
    secretName: str,
  }),
  object(CORE + 'KeyToPath', 'Maps one key to a file path.', {
    key: str,
    mode: int32,
    path: str,
  }, { required: ['key', 'path'] }),
  object(CORE + 'DownwardAPIVolumeFile', 'One file of pod information.', {
    fieldRef: ref(CORE + 'ObjectFieldSelector'),
    mode: int32,
    path: str,
    resourceFieldRef: ref(CORE + 'ResourceFieldSelector'),
  }, { required: ['path'] }),
  object(CORE + 'PersistentVolumeClaimTemplate', 'The claim an ephemeral volume creates.', {
    metadata: field(objectMeta, 'Standard object metadata.'),
    spec: ref(CORE + 'PersistentVolumeClaimSpec'),
  }, { required: ['spec'] }),
  object(CORE + 'VolumeProjection', 'One source of a projected volume.', {
    clusterTrustBundle: ref(CORE + 'ClusterTrustBundleProjection'),
    configMap: ref(CORE + 'ConfigMapProjection'),
    downwardAPI: ref(CORE + 'DownwardAPIProjection'),
    secret: ref(CORE + 'SecretProjection'),
    serviceAccountToken: ref(CORE + 'ServiceAccountTokenProjection'),
  }),
  object(CORE + 'PersistentVolumeClaimSpec', 'What storage a claim asks for.', {
    accessModes: field(list(str), undefined, atomic),
    dataSource: ref(CORE + 'TypedLocalObjectReference'),
    dataSourceRef: ref(CORE + 'TypedObjectReference'),
    resources: ref(CORE + 'VolumeResourceRequirements'),
    selector: ref(META + 'LabelSelector'),
    storageClassName: str,
    volumeAttributesClassName: str,
    volumeMode: str,
    volumeName: str,
  }),
  object(CORE + 'ClusterTrustBundleProjection', 'Certificates from cluster trust bundles, written into one file.', {
    labelSelector: ref(META + 'LabelSelector'),
    name: str,
    optional: bool,
    path: str,
    signerName: str,
  }, { required: ['path'] }),
  object(CORE + 'ConfigMapProjection', 'A config map projected into a volume.', {
    items: field(list(ref(CORE + 'KeyToPath')), undefined, atomic),
    name: str,
    optional: bool,
  }),
  object(CORE + 'DownwardAPIProjection', 'Pod information projected into a volume.', {
    items: field(list(ref(CORE + 'DownwardAPIVolumeFile')), undefined, atomic),
  }),
  object(CORE + 'SecretProjection', 'A secret projected into a volume.', {
    items: field(list(ref(CORE + 'KeyToPath')), undefined, atomic),
    name: str,
    optional: bool,
  }),
  object(CORE + 'ServiceAccountTokenProjection', 'A service account token for the pod, refreshed by the kubelet.', {
    audience: str,
    expirationSeconds: int64,
    path: str,
  }, { required: ['path'] }),
  object(CORE + 'TypedLocalObjectReference', 'Names an object of a given kind in the same namespace.', {
    apiGroup: str,
    kind: field(str, KIND_DESCRIPTION),
    name: str,
  }, { required: ['kind', 'name'] }),
  object(CORE + 'TypedObjectReference', 'Names an object of a given kind, possibly in another namespace.', {
    apiGroup: str,
    kind: field(str, KIND_DESCRIPTION),
    name: str,
    namespace: str,
  }, { required: ['kind', 'name'] }),
  object(CORE + 'VolumeResourceRequirements', 'Storage a claim asks for and may not exceed.', {
    limits: mapOf(quantity),
    requests: mapOf(quantity),
  }),
];
