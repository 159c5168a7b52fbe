// Every message the decoder knows, by name. Kubernetes twin: the gogo protobuf type registry that
// the generated.pb.go files fill (k8s.io/api/*/generated.pb.go, apimachinery meta/v1).
// Names are the Go type names; the few that two groups share carry their group ("events.v1.Event").
import { appsV1Messages } from './descriptors/apps-v1.js';
import { autoscalingV1Messages } from './descriptors/autoscaling-v1.js';
import { accessReviewMessages } from './descriptors/access-review.js';
import { coordinationV1Messages } from './descriptors/coordination-v1.js';
import { coreV1ContainerMessages } from './descriptors/core-v1-container.js';
import { coreV1NodeMessages } from './descriptors/core-v1-node.js';
import { coreV1ObjectMessages } from './descriptors/core-v1-objects.js';
import { coreV1PodStatusMessages } from './descriptors/core-v1-pod-status.js';
import { coreV1PodMessages } from './descriptors/core-v1-pod.js';
import { coreV1ServiceMessages } from './descriptors/core-v1-service.js';
import { coreV1VolumeMessages } from './descriptors/core-v1-volume.js';
import { discoveryV1Messages } from './descriptors/discovery-v1.js';
import { eventsV1Messages } from './descriptors/events-v1.js';
import { metaV1Messages } from './descriptors/meta-v1.js';
import { parseMessage, type MessageDescriptor, type MessageSpecs } from './message-spec.js';

const ALL_SPECS: readonly MessageSpecs[] = [
  metaV1Messages,
  coreV1ObjectMessages,
  coreV1ServiceMessages,
  coreV1PodMessages,
  coreV1PodStatusMessages,
  coreV1ContainerMessages,
  coreV1VolumeMessages,
  coreV1NodeMessages,
  appsV1Messages,
  autoscalingV1Messages,
  coordinationV1Messages,
  accessReviewMessages,
  discoveryV1Messages,
  eventsV1Messages,
];

function buildRegistry(): ReadonlyMap<string, MessageDescriptor> {
  const registry = new Map<string, MessageDescriptor>();
  for (const specs of ALL_SPECS) {
    for (const [name, fields] of Object.entries(specs)) {
      if (registry.has(name)) throw new Error(`protobuf message ${name} is described twice`);
      registry.set(name, parseMessage(name, fields));
    }
  }
  // A reference to an undescribed message is a bug in the tables: fail at load, not mid-request.
  for (const message of registry.values()) {
    for (const field of message.fields) {
      if (field.type.kind === 'message' && !registry.has(field.type.name)) {
        throw new Error(`protobuf message ${message.name}.${field.json} refers to unknown message ${field.type.name}`);
      }
    }
  }
  return registry;
}

let registry: ReadonlyMap<string, MessageDescriptor> | undefined;

/** All described messages; parsed once, on first use. */
export function protobufMessages(): ReadonlyMap<string, MessageDescriptor> {
  registry ??= buildRegistry();
  return registry;
}

export function messageDescriptor(name: string): MessageDescriptor {
  const found = protobufMessages().get(name);
  if (!found) throw new Error(`no protobuf descriptor for message ${name}`);
  return found;
}
