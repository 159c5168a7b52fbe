// Writes into a namespace need the namespace to exist and not be terminating.
// Kubernetes twin: the NamespaceLifecycle admission plugin (plugin/pkg/admission/namespace/lifecycle).
import * as errors from '../../api/errors.js';
import type { ServerContext } from './context.js';

export async function admitIntoNamespace(ctx: ServerContext, gr: errors.GroupResource, namespace: string, name: string): Promise<void> {
  const ns = await ctx.storage.get('namespaces', { namespace: '', name: namespace });
  if (!ns) throw errors.notFound({ group: '', resource: 'namespaces' }, namespace);
  const phase = (ns.object as { status?: { phase?: string } }).status?.phase;
  if (ns.object.metadata.deletionTimestamp || phase === 'Terminating') {
    throw errors.namespaceTerminating(gr, name, namespace);
  }
}
