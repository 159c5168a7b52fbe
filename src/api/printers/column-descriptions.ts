// Column descriptions shared by every printer: the ObjectMeta field docs kube-apiserver puts in
// the Name and Age columns. Kubernetes twin: metav1.ObjectMeta{}.SwaggerDoc()
// (k8s.io/apimachinery/pkg/apis/meta/v1/types_swagger_doc_generated.go). Resource-specific
// descriptions live beside each printer. kubectl never shows them; `kubectl explain`-style
// tools and raw Table readers do, so they are the Go doc text.

export const OBJECT_META_DESCRIPTIONS = {
  name:
    'Name must be unique within a namespace. Is required when creating resources, although some resources may ' +
    'allow a client to request the generation of an appropriate name automatically. Name is primarily intended ' +
    'for creation idempotence and configuration definition. Cannot be updated. More info: ' +
    'https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names',
  creationTimestamp:
    'CreationTimestamp is a timestamp representing the server time when this object was created. It is not ' +
    'guaranteed to be set in happens-before order across separate operations. Clients may not set this value. ' +
    'It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. ' +
    'More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata',
} as const;

/** Shared by the workload printers' wide columns. */
export const TEMPLATE_DESCRIPTIONS = {
  containers: 'Names of each container in the template.',
  images: 'Images referenced by each container in the template.',
} as const;
