// Per-namespace passes: ensure the `default` ServiceAccount, and publish kube-root-ca.crt.
// Both answer "done" for a namespace that is gone or terminating (as kube ignores the
// NamespaceTerminating cause) and write nothing when the object is already right.
import { produce } from 'immer';
import { StatusError } from '../../api/errors.js';
import type { ConfigMap } from '../../api/types/configmap.js';
import type { Namespace } from '../../api/types/namespace.js';
import type { ServiceAccount } from '../../api/types/serviceaccount.js';
import type { Client } from '../../client/client.js';
import type { Lister } from '../../client/lister.js';
import { CONFIGMAPS, SERVICEACCOUNTS } from '../../client/resources.js';
import { isAlreadyExists, isNotFound } from '../../client/response-error.js';
import { DEFAULT_SERVICE_ACCOUNT, DESCRIPTION_ANNOTATION, ROOT_CA_DESCRIPTION, ROOT_CA_CONFIGMAP, isActive, rootCAConfigMap, rootCAUpToDate } from './plan.js';

/** A create refused because the namespace is gone or going: nothing to retry. */
const ignorable = (e: unknown): boolean =>
  isAlreadyExists(e) || isNotFound(e) || (e instanceof StatusError && e.code === 403 && /terminat/i.test(e.message));

export async function syncServiceAccounts(client: Client, namespaces: Lister<Namespace>, accounts: Lister<ServiceAccount>, name: string): Promise<void> {
  if (!isActive(namespaces.get('', name))) return;
  if (accounts.get(name, DEFAULT_SERVICE_ACCOUNT)) return;
  try {
    await client.create(SERVICEACCOUNTS, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { namespace: name, name: DEFAULT_SERVICE_ACCOUNT } });
  } catch (e) {
    if (!ignorable(e)) throw e;
  }
}

export async function syncRootCA(client: Client, namespaces: Lister<Namespace>, configMaps: Lister<ConfigMap>, rootCA: string, name: string): Promise<void> {
  if (!isActive(namespaces.get('', name))) return;
  const cm = configMaps.get(name, ROOT_CA_CONFIGMAP);
  if (!cm) {
    try {
      await client.create(CONFIGMAPS, rootCAConfigMap(name, rootCA));
    } catch (e) {
      if (!ignorable(e)) throw e;
    }
    return;
  }
  if (rootCAUpToDate(cm, rootCA)) return;
  const next = produce(cm, (d) => {
    d.data = { 'ca.crt': rootCA };
    d.metadata.annotations = { ...(d.metadata.annotations ?? {}), [DESCRIPTION_ANNOTATION]: ROOT_CA_DESCRIPTION };
  });
  await client.update(CONFIGMAPS, next);
}
