// Strategies of the core/v1 resources other than pods and namespaces.
// Kubernetes twin: pkg/registry/core/<resource>/strategy.go.
import * as errors from '../../errors.js';
import { defaultEndpoints } from '../../defaults/endpoints.js';
import { defaultNode } from '../../defaults/node.js';
import { defaultSecret } from '../../defaults/secret.js';
import { defaultService, prepareServiceIPFamilies } from '../../defaults/service.js';
import type { ConfigMap } from '../../types/configmap.js';
import type { Endpoints } from '../../types/endpoints.js';
import type { Node } from '../../types/node.js';
import type { Secret } from '../../types/secret.js';
import type { Service } from '../../types/service.js';
import type { ServiceAccount } from '../../types/serviceaccount.js';
import { validateConfigMap, validateConfigMapUpdate } from '../../validation/configmap.js';
import { validateEndpoints, validateEndpointsUpdate } from '../../validation/endpoints.js';
import { validateEvent, validateEventUpdate } from '../../validation/event.js';
import { validateNode, validateNodeStatusUpdate, validateNodeUpdate } from '../../validation/node.js';
import { base64DecodeError, validateSecret, validateSecretUpdate } from '../../validation/secret.js';
import { validateService, validateServiceStatusUpdate, validateServiceUpdate } from '../../validation/service.js';
import { validateServiceAccount, validateServiceAccountUpdate } from '../../validation/serviceaccount.js';
import type { MutableObj, Strategy } from '../definition.js';
import { typed } from './cast.js';

export const serviceStrategy: Strategy = {
  ...typed<Service>({
    defaults: defaultService,
    prepareForCreate(svc) {
      // A new service has no load balancer yet; its controller writes the ingress.
      svc.status = { loadBalancer: {} };
      prepareServiceIPFamilies(svc);
    },
    validate: validateService,
    validateUpdate: validateServiceUpdate,
    validateStatusUpdate: validateServiceStatusUpdate,
  }),
};

export const nodeStrategy = typed<Node>({ defaults: defaultNode, validate: validateNode, validateUpdate: validateNodeUpdate, validateStatusUpdate: validateNodeStatusUpdate });

export const endpointsStrategy = typed<Endpoints>({ defaults: defaultEndpoints, validate: validateEndpoints, validateUpdate: validateEndpointsUpdate });

export const configMapStrategy = typed<ConfigMap>({ validate: validateConfigMap, validateUpdate: validateConfigMapUpdate });

export const secretStrategy: Strategy = {
  ...typed<Secret>({ validate: validateSecret, validateUpdate: validateSecretUpdate }),
  defaults(obj: MutableObj) {
    const secret = obj as unknown as Secret;
    // data is []byte on the wire: bad base64 fails decoding, before any validation.
    for (const value of Object.values(secret.data ?? {})) {
      const why = typeof value === 'string' ? base64DecodeError(value) : 'expected a base64 string';
      if (why) throw errors.badRequest(`Secret in version "v1" cannot be handled as a Secret: ${why}`);
    }
    defaultSecret(secret);
  },
};

export const serviceAccountStrategy = typed<ServiceAccount>({ validate: validateServiceAccount, validateUpdate: validateServiceAccountUpdate });

type CoreEvent = Parameters<typeof validateEvent>[0];
export const eventStrategy = typed<CoreEvent>({ validate: validateEvent, validateUpdate: validateEventUpdate });
