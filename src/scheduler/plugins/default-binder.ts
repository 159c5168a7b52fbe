// Twin of pkg/scheduler/framework/plugins/defaultbinder: binds by POSTing a pods/binding. Pure
// here: it returns the Binding body and the caller sends it.
import { success, type Plugin } from '../framework.js';

export const NAME = 'DefaultBinder';

export const defaultBinder: Plugin = {
  name: NAME,
  bind(pod, nodeName) {
    return {
      status: success,
      binding: {
        apiVersion: 'v1',
        kind: 'Binding',
        metadata: { name: pod.metadata.name, namespace: pod.metadata.namespace, uid: pod.metadata.uid },
        target: { kind: 'Node', name: nodeName },
      },
    };
  },
};
