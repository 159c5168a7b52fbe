// Container environment: env (names, valueFrom sources) and envFrom.
// Kubernetes twin: pkg/apis/core/validation/validation.go (ValidateEnv, validateEnvVarValueFrom,
// validateObjectFieldSelector, validateContainerResourceFieldSelector, ValidateEnvFrom),
// pkg/apis/core/pods/helpers.go (ConvertDownwardAPIFieldLabel).
import { invalid, notSupported, required, type FieldError, type FieldPath } from '../field-errors.js';
import { canonicalQuantity, quantityError } from '../quantity.js';
import type { EnvFromSource, EnvVar, KeySelector, ObjectFieldSelector, ResourceFieldSelector } from '../types/pod.js';
import { isConfigMapKey, isQualifiedName, nameIsDNSSubdomain } from './names.js';

/**
 * Kubernetes 1.32 turns RelaxedEnvironmentVariableValidation on by default (beta): any
 * printable ASCII but '=' is a valid name, so "1st-var" and "my var" pass.
 * Twin: apimachinery util/validation IsRelaxedEnvVarName.
 */
export function isRelaxedEnvVarName(value: string): string[] {
  if (relaxedEnvVarNameOk(value)) return [];
  const errs: string[] = [];
  if (value.length === 0) errs.push('environment variable name must be non-empty');
  if (/[^\x20-\x7e]|=/.test(value)) {
    errs.push("a valid environment variable name must consist only of printable ASCII characters other than '='");
  }
  return errs;
}

/** True exactly when isRelaxedEnvVarName(value) has nothing to say: non-empty printable ASCII without '='. */
function relaxedEnvVarNameOk(value: string): boolean {
  if (value.length === 0) return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 0x3d) return false;
  }
  return true;
}

/** Every field a v1 pod can expose through the downward API (ConvertDownwardAPIFieldLabel). */
const convertibleFieldPaths = new Set([
  'metadata.annotations',
  'metadata.labels',
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.restartPolicy',
  'spec.serviceAccountName',
  'spec.schedulerName',
  'status.phase',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
]);

export const ENV_FIELD_PATHS = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
];
export const VOLUME_FIELD_PATHS = ['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid'];
const RESOURCE_FIELD_PATHS = [
  'limits.cpu',
  'limits.ephemeral-storage',
  'limits.memory',
  'requests.cpu',
  'requests.ephemeral-storage',
  'requests.memory',
];

/** "metadata.labels['app']" -> ["metadata.labels", "app"]. */
function splitSubscript(fieldPath: string): [string, string] | undefined {
  const m = /^(.+)\['(.*)'\]$/.exec(fieldPath);
  return m ? [m[1], m[2]] : undefined;
}

function conversionError(apiVersion: string, fieldPath: string): string | undefined {
  if (apiVersion !== 'v1') return `unsupported pod version: ${apiVersion}`;
  const sub = splitSubscript(fieldPath);
  if (sub) {
    return sub[0] === 'metadata.annotations' || sub[0] === 'metadata.labels' ? undefined : `field label does not support subscript: ${fieldPath}`;
  }
  return convertibleFieldPaths.has(fieldPath) ? undefined : `field label not supported: ${fieldPath}`;
}

export function validateObjectFieldSelector(fs: ObjectFieldSelector, allowed: readonly string[], path: FieldPath): FieldError[] {
  if (!fs.apiVersion) return [required(path.child('apiVersion'))];
  if (!fs.fieldPath) return [required(path.child('fieldPath'))];
  const problem = conversionError(fs.apiVersion, fs.fieldPath);
  if (problem) return [invalid(path.child('fieldPath'), fs.fieldPath, `error converting fieldPath: ${problem}`)];
  const sub = splitSubscript(fs.fieldPath);
  if (sub) {
    const key = sub[0] === 'metadata.annotations' ? sub[1].toLowerCase() : sub[1];
    return isQualifiedName(key).map((m) => invalid(path, key, m));
  }
  if (!allowed.includes(fs.fieldPath)) return [notSupported(path.child('fieldPath'), fs.fieldPath, allowed)];
  return [];
}

const cpuDivisors = ['1m', '1'];
const byteDivisors = ['1', '1k', '1M', '1G', '1T', '1P', '1E', '1Ki', '1Mi', '1Gi', '1Ti', '1Pi', '1Ei'];

function validateDivisor(resource: string, divisor: ResourceFieldSelector['divisor'], path: FieldPath): FieldError[] {
  if (divisor === undefined || quantityError(divisor) || canonicalQuantity(divisor) === '0') return [];
  const text = canonicalQuantity(divisor);
  const kind = resource.replace(/^(limits|requests)\./, '');
  if (kind === 'cpu' && !cpuDivisors.includes(text)) {
    return [invalid(path.child('divisor'), resource, "only divisor's values 1m and 1 are supported with the cpu resource")];
  }
  const named = kind === 'memory' ? 'memory' : kind === 'ephemeral-storage' ? 'local ephemeral storage' : kind.startsWith('hugepages-') ? 'hugepages' : '';
  if (named && !byteDivisors.includes(text)) {
    const list = '1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei';
    return [invalid(path.child('divisor'), resource, `only divisor's values ${list} are supported with the ${named} resource`)];
  }
  return [];
}

export function validateResourceFieldSelector(fs: ResourceFieldSelector, path: FieldPath, inVolume: boolean): FieldError[] {
  const errs: FieldError[] = [];
  if (inVolume && !fs.containerName) errs.push(required(path.child('containerName')));
  else if (!fs.resource) errs.push(required(path.child('resource')));
  else if (!RESOURCE_FIELD_PATHS.includes(fs.resource) && !/^(requests|limits)\.hugepages-/.test(fs.resource)) {
    errs.push(notSupported(path.child('resource'), fs.resource, RESOURCE_FIELD_PATHS));
  }
  return [...errs, ...validateDivisor(fs.resource ?? '', fs.divisor, path)];
}

function validateKeySelector(s: KeySelector, path: FieldPath): FieldError[] {
  const errs = nameIsDNSSubdomain(s.name ?? '', false).map((m) => invalid(path.child('name'), s.name ?? '', m));
  if (!s.key) errs.push(required(path.child('key')));
  else errs.push(...isConfigMapKey(s.key).map((m) => invalid(path.child('key'), s.key, m)));
  return errs;
}

/** valueFrom names exactly one source, and never together with a literal value. */
function validateValueFrom(ev: EnvVar, path: FieldPath): FieldError[] {
  const from = ev.valueFrom;
  if (!from) return [];
  const errs: FieldError[] = [];
  let sources = 0;
  if (from.fieldRef) {
    sources++;
    errs.push(...validateObjectFieldSelector(from.fieldRef, ENV_FIELD_PATHS, path.child('fieldRef')));
  }
  if (from.resourceFieldRef) {
    sources++;
    errs.push(...validateResourceFieldSelector(from.resourceFieldRef, path.child('resourceFieldRef'), false));
  }
  if (from.configMapKeyRef) {
    sources++;
    errs.push(...validateKeySelector(from.configMapKeyRef, path.child('configMapKeyRef')));
  }
  if (from.secretKeyRef) {
    sources++;
    errs.push(...validateKeySelector(from.secretKeyRef, path.child('secretKeyRef')));
  }
  if (sources === 0) {
    errs.push(invalid(path, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
  } else if (ev.value) {
    errs.push(invalid(path, '', 'may not be specified when `value` is not empty'));
  } else if (sources > 1) {
    errs.push(invalid(path, '', 'may not have more than one field specified at a time'));
  }
  return errs;
}

export function validateEnv(vars: readonly EnvVar[] | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (!vars) return errs;
  // An entry's path is built only when it has a valueFrom or an error.
  for (let i = 0; i < vars.length; i++) {
    const ev = vars[i];
    if (!ev.name) errs.push(required(path.index(i).child('name')));
    else if (!relaxedEnvVarNameOk(ev.name)) for (const m of isRelaxedEnvVarName(ev.name)) errs.push(invalid(path.index(i).child('name'), ev.name, m));
    if (ev.valueFrom) errs.push(...validateValueFrom(ev, path.index(i).child('valueFrom')));
  }
  return errs;
}

function validateEnvFromName(ref: { name?: string } | undefined, path: FieldPath): FieldError[] {
  if (!ref) return [];
  if (!ref.name) return [required(path.child('name'))];
  // A prefix-style check: envFrom names may end in '-' (Kubernetes passes prefix=true here).
  return nameIsDNSSubdomain(ref.name, true).map((m) => invalid(path.child('name'), ref.name, m));
}

export function validateEnvFrom(sources: readonly EnvFromSource[] | undefined, path: FieldPath): FieldError[] {
  return (sources ?? []).flatMap((ev, i) => {
    const at = path.index(i);
    const errs = ev.prefix ? isRelaxedEnvVarName(ev.prefix).map((m) => invalid(at.child('prefix'), ev.prefix, m)) : [];
    errs.push(...validateEnvFromName(ev.configMapRef, at.child('configMapRef')));
    errs.push(...validateEnvFromName(ev.secretRef, at.child('secretRef')));
    const count = (ev.configMapRef ? 1 : 0) + (ev.secretRef ? 1 : 0);
    // Kubernetes reports these two on the list path, not the entry.
    if (count === 0) errs.push(invalid(path, '', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (count > 1) errs.push(invalid(path, '', 'may not have more than one field specified at a time'));
    return errs;
  });
}
