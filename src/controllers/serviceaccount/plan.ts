// What every active namespace should hold: the `default` ServiceAccount and the
// kube-root-ca.crt ConfigMap. Pure. Kubernetes twins: pkg/controller/serviceaccount
// (serviceaccounts_controller.go) and pkg/controller/certificates/rootcacertpublisher.
import type { ConfigMap } from '../../api/types/configmap.js';
import type { Namespace } from '../../api/types/namespace.js';
import type { Frozen } from '../../api/types.js';

export const DEFAULT_SERVICE_ACCOUNT = 'default';
export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';
export const DESCRIPTION_ANNOTATION = 'kubernetes.io/description';
export const ROOT_CA_DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. ' +
  'No other usage is guaranteed across distributions of Kubernetes clusters.';

/** Only an Active namespace gets objects: creating into a Terminating one is refused anyway. */
export const isActive = (ns: Frozen<Namespace> | undefined): boolean =>
  ns !== undefined && !ns.metadata.deletionTimestamp && (ns.status?.phase ?? 'Active') === 'Active';

export function rootCAConfigMap(namespace: string, rootCA: string): ConfigMap {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { namespace, name: ROOT_CA_CONFIGMAP, annotations: { [DESCRIPTION_ANNOTATION]: ROOT_CA_DESCRIPTION } },
    data: { 'ca.crt': rootCA },
  };
}

/** The existing ConfigMap already says what it should: same data, and a description. */
export function rootCAUpToDate(cm: Frozen<ConfigMap>, rootCA: string): boolean {
  const data = cm.data ?? {};
  const keys = Object.keys(data);
  return keys.length === 1 && data['ca.crt'] === rootCA && (cm.metadata.annotations?.[DESCRIPTION_ANNOTATION] ?? '') !== '';
}

/**
 * A fixed, well-formed-looking but fake CA bundle: kubesim serves no TLS of its own, and
 * clients only need the key to exist. (Base64 of an explanatory text, wrapped at 64.)
 */
export const FAKE_ROOT_CA = (() => {
  const body = Buffer.from('kubesim fake root CA: this cluster is simulated and serves no TLS certificate chain. '.repeat(6)).toString('base64');
  const lines = body.match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
})();
