// Name and key syntax checks, each answering the messages Kubernetes prints (empty = valid).
// Kubernetes twins: k8s.io/apimachinery/pkg/util/validation/validation.go and ip.go,
// k8s.io/apimachinery/pkg/api/validation/path/name.go and generic.go.

/** Go's len(): names are measured in UTF-8 bytes, not UTF-16 units. */
const byteLength = (s: string): number => Buffer.byteLength(s, 'utf8');

export const maxLenError = (length: number): string => `must be no more than ${length} characters`;
export const emptyError = (): string => 'must be non-empty';
export const inclusiveRangeError = (lo: number, hi: number): string => `must be between ${lo} and ${hi}, inclusive`;

/**
 * "<msg> (e.g. 'a',  or 'b', regex used for validation is '<fmt>')", the shape every syntax
 * error takes. The double space before "or" is kube's own (each example ends ", " and the
 * separator is " or "); users and tests compare these strings, so it stays.
 */
export function regexError(msg: string, format: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${format}')`;
  const shown = examples.map((e) => `'${e}', `).join(' or ');
  return `${msg} (e.g. ${shown}regex used for validation is '${format}')`;
}

const anchored = (format: string): RegExp => new RegExp(`^(?:${format})$`);

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1035_LABEL_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?';
const QNAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_VALUE_FMT = `(${QNAME_FMT})?`;
const C_IDENTIFIER_FMT = '[A-Za-z_][A-Za-z0-9_]*';
const ENV_VAR_NAME_FMT = '[-._a-zA-Z][-._a-zA-Z0-9]*';
const CONFIG_MAP_KEY_FMT = '[-._a-zA-Z0-9]+';
const PERCENT_FMT = '[0-9]+%';

const dns1123Label = anchored(DNS1123_LABEL_FMT);
const dns1123Subdomain = anchored(DNS1123_SUBDOMAIN_FMT);
const dns1035Label = anchored(DNS1035_LABEL_FMT);
const qualifiedNamePart = anchored(QNAME_FMT);
const labelValue = anchored(LABEL_VALUE_FMT);
const cIdentifier = anchored(C_IDENTIFIER_FMT);
const envVarName = anchored(ENV_VAR_NAME_FMT);
const configMapKey = anchored(CONFIG_MAP_KEY_FMT);
const percent = anchored(PERCENT_FMT);

export const DNS1123_LABEL_MAX_LENGTH = 63;
export const DNS1123_SUBDOMAIN_MAX_LENGTH = 253;
export const DNS1035_LABEL_MAX_LENGTH = 63;
export const QUALIFIED_NAME_MAX_LENGTH = 63;
export const LABEL_VALUE_MAX_LENGTH = 63;

const DNS1123_LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
const DNS1123_SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const DNS1035_LABEL_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
const QNAME_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

// ---- Fast acceptance. Nearly every name the server sees is valid, so each check below first
// scans the characters once and answers "no errors" without running a regex, measuring UTF-8 or
// splitting. Anything a scan does not accept falls through to the regex code, which alone words
// the messages; a scan accepts only ASCII, so there a length in UTF-16 units is the byte length.

const isLowerAlnum = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57); // a-z 0-9
const isAlnum = (c: number): boolean => isLowerAlnum(c) || (c >= 65 && c <= 90); // and A-Z
const DASH = 45;
const DOT = 46;
const UNDERSCORE = 95;

/** value[start, end) matches DNS1123_SUBDOMAIN_FMT: dot-separated labels of [-a-z0-9], alphanumeric at both ends of each. */
function scansAsDNS1123Subdomain(value: string, start: number, end: number): boolean {
  let previous = DOT; // the start of the string behaves as the start of a label
  for (let i = start; i < end; i++) {
    const c = value.charCodeAt(i);
    if (c === DASH) {
      if (previous === DOT) return false;
    } else if (c === DOT) {
      if (previous === DOT || previous === DASH) return false;
    } else if (!isLowerAlnum(c)) return false;
    previous = c;
  }
  return isLowerAlnum(previous);
}

/** Matches DNS1123_LABEL_FMT (with firstIsLetter, DNS1035_LABEL_FMT): [-a-z0-9], alphanumeric at both ends. */
function scansAsDNSLabel(value: string, firstIsLetter: boolean): boolean {
  const n = value.length;
  if (n === 0) return false;
  const first = value.charCodeAt(0);
  if (firstIsLetter ? !(first >= 97 && first <= 122) : !isLowerAlnum(first)) return false;
  if (!isLowerAlnum(value.charCodeAt(n - 1))) return false;
  for (let i = 1; i < n - 1; i++) {
    const c = value.charCodeAt(i);
    if (c !== DASH && !isLowerAlnum(c)) return false;
  }
  return true;
}

/** value[start, end) matches QNAME_FMT: [-A-Za-z0-9_.], alphanumeric at both ends. */
function scansAsQualifiedNamePart(value: string, start: number, end: number): boolean {
  if (end <= start || !isAlnum(value.charCodeAt(start)) || !isAlnum(value.charCodeAt(end - 1))) return false;
  for (let i = start + 1; i < end - 1; i++) {
    const c = value.charCodeAt(i);
    if (c !== DASH && c !== DOT && c !== UNDERSCORE && !isAlnum(c)) return false;
  }
  return true;
}

/** True when isQualifiedName(value) has nothing to say. */
function scansAsQualifiedName(value: string): boolean {
  const slash = value.indexOf('/');
  if (slash < 0) return value.length <= QUALIFIED_NAME_MAX_LENGTH && scansAsQualifiedNamePart(value, 0, value.length);
  if (slash === 0 || slash > DNS1123_SUBDOMAIN_MAX_LENGTH || value.indexOf('/', slash + 1) >= 0) return false;
  if (value.length - slash - 1 > QUALIFIED_NAME_MAX_LENGTH) return false;
  return scansAsDNS1123Subdomain(value, 0, slash) && scansAsQualifiedNamePart(value, slash + 1, value.length);
}

/** True when isValidPortName(port) has nothing to say: 1-15 of [-a-z0-9], a letter, no "--", no edge hyphens. */
function scansAsPortName(port: string): boolean {
  const n = port.length;
  if (n === 0 || n > 15 || port.charCodeAt(0) === DASH || port.charCodeAt(n - 1) === DASH) return false;
  let hasLetter = false;
  let previous = 0;
  for (let i = 0; i < n; i++) {
    const c = port.charCodeAt(i);
    if (c >= 97 && c <= 122) hasLetter = true;
    else if (c === DASH) {
      if (previous === DASH) return false;
    } else if (!(c >= 48 && c <= 57)) return false;
    previous = c;
  }
  return hasLetter;
}

/** Booleans for hot callers: true exactly when the string[] check of the same name returns no message. */
export const dns1123LabelOk = (value: string): boolean => value.length <= DNS1123_LABEL_MAX_LENGTH && scansAsDNSLabel(value, false);
export const dns1123SubdomainOk = (value: string): boolean =>
  value.length <= DNS1123_SUBDOMAIN_MAX_LENGTH && scansAsDNS1123Subdomain(value, 0, value.length);
export const qualifiedNameOk = scansAsQualifiedName;
export const labelValueOk = (value: string): boolean =>
  value.length === 0 || (value.length <= LABEL_VALUE_MAX_LENGTH && scansAsQualifiedNamePart(value, 0, value.length));
export const portNameOk = scansAsPortName;

/** Whether s takes more than max bytes in UTF-8, measured only when its length leaves it in doubt. */
export function isLongerInUTF8(s: string, max: number): boolean {
  if (s.length > max) return true; // every UTF-16 unit takes at least one byte
  if (s.length * 3 <= max) return false; // and at most three (a surrogate pair takes four for two units)
  return byteLength(s) > max;
}

export function isDNS1123Label(value: string): string[] {
  if (dns1123LabelOk(value)) return [];
  const errs: string[] = [];
  if (byteLength(value) > DNS1123_LABEL_MAX_LENGTH) errs.push(maxLenError(DNS1123_LABEL_MAX_LENGTH));
  if (!dns1123Label.test(value)) {
    // A valid subdomain that is not a valid label (length already checked) can only have dots.
    if (dns1123Subdomain.test(value)) errs.push('must not contain dots');
    else errs.push(regexError(DNS1123_LABEL_MSG, DNS1123_LABEL_FMT, 'my-name', '123-abc'));
  }
  return errs;
}

export function isDNS1123Subdomain(value: string): string[] {
  if (dns1123SubdomainOk(value)) return [];
  const errs: string[] = [];
  if (byteLength(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
  if (!dns1123Subdomain.test(value)) errs.push(regexError(DNS1123_SUBDOMAIN_MSG, DNS1123_SUBDOMAIN_FMT, 'example.com'));
  return errs;
}

export function isDNS1035Label(value: string): string[] {
  if (value.length <= DNS1035_LABEL_MAX_LENGTH && scansAsDNSLabel(value, true)) return [];
  const errs: string[] = [];
  if (byteLength(value) > DNS1035_LABEL_MAX_LENGTH) errs.push(maxLenError(DNS1035_LABEL_MAX_LENGTH));
  if (!dns1035Label.test(value)) errs.push(regexError(DNS1035_LABEL_MSG, DNS1035_LABEL_FMT, 'my-name', 'abc-123'));
  return errs;
}

/** Label keys, annotation keys, finalizers: "name" or "dns.subdomain/name". */
export function isQualifiedName(value: string): string[] {
  if (qualifiedNameOk(value)) return [];
  const errs: string[] = [];
  const parts = value.split('/');
  if (parts.length > 2) {
    return [
      `a qualified name ${regexError(QNAME_MSG, QNAME_FMT, 'MyName', 'my.name', '123-abc')}` +
        " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ];
  }
  const name = parts.length === 2 ? parts[1] : parts[0];
  if (parts.length === 2) {
    const prefix = parts[0];
    if (prefix.length === 0) errs.push(`prefix part ${emptyError()}`);
    else errs.push(...isDNS1123Subdomain(prefix).map((m) => `prefix part ${m}`));
  }
  if (name.length === 0) errs.push(`name part ${emptyError()}`);
  else if (byteLength(name) > QUALIFIED_NAME_MAX_LENGTH) errs.push(`name part ${maxLenError(QUALIFIED_NAME_MAX_LENGTH)}`);
  if (!qualifiedNamePart.test(name)) errs.push(`name part ${regexError(QNAME_MSG, QNAME_FMT, 'MyName', 'my.name', '123-abc')}`);
  return errs;
}

export function isValidLabelValue(value: string): string[] {
  if (labelValueOk(value)) return [];
  const errs: string[] = [];
  if (byteLength(value) > LABEL_VALUE_MAX_LENGTH) errs.push(maxLenError(LABEL_VALUE_MAX_LENGTH));
  if (!labelValue.test(value)) errs.push(regexError(LABEL_VALUE_MSG, LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'));
  return errs;
}

export function isCIdentifier(value: string): string[] {
  if (cIdentifier.test(value)) return [];
  const msg = "a valid C identifier must start with alphabetic character or '_', followed by a string of alphanumeric characters or '_'";
  return [regexError(msg, C_IDENTIFIER_FMT, 'my_name', 'MY_NAME', 'MyName')];
}

/** Keys that become file names must not walk out of their directory. */
function hasChDirPrefix(value: string): string[] {
  if (value === '.') return ["must not be '.'"];
  if (value === '..') return ["must not be '..'"];
  if (value.startsWith('..')) return ["must not start with '..'"];
  return [];
}

export function isEnvVarName(value: string): string[] {
  const errs: string[] = [];
  if (!envVarName.test(value)) {
    const msg = "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit";
    errs.push(regexError(msg, ENV_VAR_NAME_FMT, 'my.env-name', 'MY_ENV.NAME', 'MyEnvName1'));
  }
  return [...errs, ...hasChDirPrefix(value)];
}

export function isConfigMapKey(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
  if (!configMapKey.test(value)) {
    const msg = "a valid config key must consist of alphanumeric characters, '-', '_' or '.'";
    errs.push(regexError(msg, CONFIG_MAP_KEY_FMT, 'key.name', 'KEY_NAME', 'key-name'));
  }
  return [...errs, ...hasChDirPrefix(value)];
}

/** True exactly when isValidPortNum(port) has nothing to say. */
export const portNumberOk = (port: number): boolean => Number.isInteger(port) && port >= 1 && port <= 65535;

export function isValidPortNum(port: number): string[] {
  return portNumberOk(port) ? [] : [inclusiveRangeError(1, 65535)];
}

export function isInRange(value: number, min: number, max: number): string[] {
  return value >= min && value <= max ? [] : [inclusiveRangeError(min, max)];
}

/** IANA_SVC_NAME (RFC 6335), lower case only: at most 15 of [-a-z0-9], a letter, no "--", no edge hyphens. */
export function isValidPortName(port: string): string[] {
  if (portNameOk(port)) return [];
  const errs: string[] = [];
  if (byteLength(port) > 15) errs.push(maxLenError(15));
  if (!/^[-a-z0-9]+$/.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.length > 0 && (port.startsWith('-') || port.endsWith('-'))) errs.push('must not begin or end with a hyphen');
  return errs;
}

export function isValidPercent(value: string): string[] {
  if (percent.test(value)) return [];
  return [regexError("a valid percent string must be a numeric string followed by an ending '%'", PERCENT_FMT, '1%', '93%')];
}

// IP address checks live in ip.ts; re-exported here with the other syntax checks.
export { ipFamilyOf, isValidIP, isValidIPv4Address, isValidIPv6Address, type IPFamily } from './ip.js';

// ---- Object names (apimachinery api/validation/path and generic.go).

/** A name becomes a URL path segment, so "." and ".." and "/" and "%" cannot be in it. */
export function isValidPathSegmentName(name: string): string[] {
  if (name === '.' || name === '..') return [`may not be '${name}'`];
  return isValidPathSegmentPrefix(name);
}
export function isValidPathSegmentPrefix(prefix: string): string[] {
  const errs: string[] = [];
  if (prefix.includes('/')) errs.push("may not contain '/'");
  if (prefix.includes('%')) errs.push("may not contain '%'");
  return errs;
}
/** The ValidateNameFunc for kinds whose only rule is the path segment one. */
export const validatePathSegmentName = (name: string, prefix: boolean): string[] =>
  prefix ? isValidPathSegmentPrefix(name) : isValidPathSegmentName(name);

/**
 * A generateName prefix usually ends in "-", which no DNS name may; kube swaps the
 * tail for "a" before checking. Its slice drops two characters, not one
 * ("ab-" -> "aa"), and we keep that quirk so the same prefixes pass.
 */
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name;
}

export type ValidateNameFunc = (name: string, prefix: boolean) => string[];

export const nameIsDNSSubdomain: ValidateNameFunc = (name, prefix) => isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);
export const nameIsDNSLabel: ValidateNameFunc = (name, prefix) => isDNS1123Label(prefix ? maskTrailingDash(name) : name);
export const nameIsDNS1035Label: ValidateNameFunc = (name, prefix) => isDNS1035Label(prefix ? maskTrailingDash(name) : name);
