// Owner references that mark an object's managing controller.
// Kubernetes twin: metav1.GetControllerOf / NewControllerRef (k8s.io/apimachinery/pkg/apis/meta/v1/controller_ref.go).
import type { Frozen, OwnerReference } from '../../api/types.js';
import type { HasMetadata } from '../../client/resources.js';

/** The ownerReference with controller=true, if any. */
export function controllerRefOf(object: Frozen<HasMetadata>): Frozen<OwnerReference> | undefined {
  return object.metadata.ownerReferences?.find((r) => r.controller === true);
}

export function isControlledBy(object: Frozen<HasMetadata>, owner: Frozen<HasMetadata>): boolean {
  const ref = controllerRefOf(object);
  return ref !== undefined && ref.uid === owner.metadata.uid;
}

/** The reference a controller puts on what it creates: controller and blockOwnerDeletion both true. */
export function newControllerRef(owner: Frozen<HasMetadata>, apiVersion: string, kind: string): OwnerReference {
  return {
    apiVersion,
    kind,
    name: owner.metadata.name ?? '',
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}
