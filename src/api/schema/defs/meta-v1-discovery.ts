// Schema declarations of the discovery documents and the patch body: APIVersions, APIGroupList,
// APIGroup, APIResourceList, APIResource, GroupVersionForDiscovery, ServerAddressByClientCIDR, Patch.
// Kubernetes twin: staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/types.go, v1.32.
import { atomic, bool, field, list, object, open, ref, scalar, str, type TypeDecl } from '../dsl.js';
import { META } from '../names.js';
import { API_VERSION_DESCRIPTION, KIND_DESCRIPTION } from '../type-meta.js';

const apiVersion = field(str, API_VERSION_DESCRIPTION);
const kindField = field(str, KIND_DESCRIPTION);

export const metaV1DiscoveryTypes: readonly TypeDecl[] = [
  object(META + 'APIVersions', 'The versions served under /api.', {
    apiVersion,
    kind: kindField,
    serverAddressByClientCIDRs: field(list(ref(META + 'ServerAddressByClientCIDR')), 'Addresses clients should use, by client network.', atomic),
    versions: field(list(str), 'The versions, e.g. "v1".', atomic),
  }, { required: ['versions', 'serverAddressByClientCIDRs'] }),
  object(META + 'APIGroupList', 'The groups served under /apis.', {
    apiVersion,
    groups: field(list(ref(META + 'APIGroup')), 'The groups.', atomic),
    kind: kindField,
  }, { required: ['groups'] }),
  object(META + 'APIGroup', 'One API group and the versions it serves.', {
    apiVersion,
    kind: kindField,
    name: field(str, 'The group name, e.g. "apps".'),
    preferredVersion: field(ref(META + 'GroupVersionForDiscovery'), 'The version clients should use.'),
    serverAddressByClientCIDRs: field(list(ref(META + 'ServerAddressByClientCIDR')), 'Addresses clients should use, by client network.', atomic),
    versions: field(list(ref(META + 'GroupVersionForDiscovery')), 'The versions served.', atomic),
  }, { required: ['name', 'versions'] }),
  object(META + 'GroupVersionForDiscovery', 'A group/version pair as discovery lists it.', {
    groupVersion: field(str, 'In "group/version" form.'),
    version: field(str, 'The version alone.'),
  }, { required: ['groupVersion', 'version'] }),
  object(META + 'ServerAddressByClientCIDR', 'The server address to use from one client network.', {
    clientCIDR: str,
    serverAddress: str,
  }, { required: ['clientCIDR', 'serverAddress'] }),
  object(META + 'APIResourceList', 'The resources served in one group/version.', {
    apiVersion,
    groupVersion: field(str, 'The group/version these resources belong to.'),
    kind: kindField,
    resources: field(list(ref(META + 'APIResource')), 'The resources.', atomic),
  }, { required: ['groupVersion', 'resources'] }),
  object(META + 'APIResource', 'One resource: its names, scope and verbs.', {
    categories: field(list(str), 'Groups of resources this one belongs to, such as "all".', atomic),
    group: str,
    kind: field(str, 'The kind of the objects.'),
    name: field(str, 'The plural name, with "/subresource" for subresources.'),
    namespaced: bool,
    shortNames: field(list(str), 'Abbreviations kubectl accepts.', atomic),
    singularName: str,
    storageVersionHash: str,
    verbs: field(list(str), 'The verbs supported.'),
    version: str,
  }, { required: ['name', 'singularName', 'namespaced', 'kind', 'verbs'] }),
  scalar(META + 'Patch', 'A patch body; its form depends on the Content-Type.', open),
];
