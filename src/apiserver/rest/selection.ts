// Turns labelSelector and fieldSelector parameters into the predicate storage filters with.
// Kubernetes twin: the generic store's predicate (storage.SelectionPredicate) built from ListOptions.
import { qualifiedResource, type ResourceDefinition } from '../../api/registry/definition.js';
import { convertFieldSelector, objectMatchesFields, parseFieldSelector } from '../../api/selectors/field-selector.js';
import { parseLabelSelector } from '../../api/selectors/label-selector.js';
import type { KubeObject } from '../../api/types.js';
import type { Selection } from '../storage/storage.js';

export function selectionFor(def: ResourceDefinition, namespace: string, labelSelector: string, fieldSelector: string): Selection {
  const selection: Selection = { namespace: namespace || undefined };
  const labels = parseLabelSelector(labelSelector);
  const resource = qualifiedResource(def);
  const fields = convertFieldSelector(resource, parseFieldSelector(fieldSelector));
  if (labels.empty && fields.length === 0) return selection;
  selection.filtered = true;
  selection.predicate = (o) => labels.matches(o.metadata.labels) && (fields.length === 0 || objectMatchesFields(resource, fields, o as KubeObject));
  return selection;
}
