// Schema declarations: Scale, ScaleSpec, ScaleStatus.
// Kubernetes twin: staging/src/k8s.io/api/autoscaling/v1/types.go (Scale), v1.32; field names, types and patch tags follow the Go structs.
import { object, field, str, int32, ref, kind, type TypeDecl } from '../dsl.js';
import { AUTOSCALING, objectMeta } from '../names.js';
import { API_VERSION_DESCRIPTION, KIND_DESCRIPTION } from '../type-meta.js';

export const autoscalingV1Types: readonly TypeDecl[] = [
  object(AUTOSCALING + 'Scale', 'The scale subresource: desired and observed replicas of a scalable object.', {
    apiVersion: field(str, API_VERSION_DESCRIPTION),
    kind: field(str, KIND_DESCRIPTION),
    metadata: field(objectMeta, 'Standard object metadata.'),
    spec: ref(AUTOSCALING + 'ScaleSpec'),
    status: ref(AUTOSCALING + 'ScaleStatus'),
  }, { gvk: kind('autoscaling', 'v1', 'Scale') }),
  object(AUTOSCALING + 'ScaleSpec', 'The desired number of replicas.', {
    replicas: field(int32, 'Desired number of replicas.'),
  }),
  object(AUTOSCALING + 'ScaleStatus', 'The observed number of replicas and the selector that counts them.', {
    replicas: field(int32, 'Observed number of replicas.'),
    selector: field(str, 'Label selector of the counted pods, in string form.'),
  }, { required: ['replicas'] }),
];
