// The dual-stack fields of a Service: clusterIP, clusterIPs, ipFamilies, ipFamilyPolicy.
// Kubernetes twin: pkg/apis/core/validation/validation.go (ValidateServiceClusterIPsRelatedFields,
// validateUpgradeDowngradeClusterIPs, validateUpgradeDowngradeIPFamilies).

import { duplicate, FieldPath, invalid, notSupported, required, type FieldError } from '../field-errors.js';
import type { Frozen } from '../types.js';
import type { Service } from '../types/service.js';
import { ipFamilyOf, isValidIP } from './ip.js';

type Svc = Frozen<Service>;
const spec = FieldPath.root('spec');
const clusterIPsPath = spec.child('clusterIPs');
const ipFamiliesPath = spec.child('ipFamilies');
const SUPPORTED_FAMILIES = ['IPv4', 'IPv6'] as const;
const SUPPORTED_POLICIES = ['PreferDualStack', 'RequireDualStack', 'SingleStack'] as const;

export const isHeadlessService = (svc: Svc): boolean => svc.spec?.clusterIPs?.length === 1 && svc.spec.clusterIPs[0] === 'None';

/** clusterIP and clusterIPs[0] must agree (the strategy keeps them in sync for clients that set one). */
function validateClusterIPSync(svc: Svc): FieldError[] {
  const clusterIP = svc.spec?.clusterIP ?? '';
  const ips = svc.spec?.clusterIPs ?? [];
  if (clusterIP) {
    if (ips.length === 0) return [required(clusterIPsPath)];
    if (ips[0] !== clusterIP) return [invalid(clusterIPsPath, ips, 'first value must match `clusterIP`')];
    return [];
  }
  return ips.length ? [invalid(clusterIPsPath, ips, 'must be empty when `clusterIP` is not specified')] : [];
}

function validateFamiliesAndPolicy(svc: Svc): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  (svc.spec?.ipFamilies ?? []).forEach((f, i) => {
    if (!(SUPPORTED_FAMILIES as readonly string[]).includes(f)) errs.push(notSupported(ipFamiliesPath.index(i), f, SUPPORTED_FAMILIES));
    if (seen.has(f)) errs.push(duplicate(ipFamiliesPath.index(i), f));
    seen.add(f);
  });
  const policy = svc.spec?.ipFamilyPolicy;
  if (policy !== undefined && !(SUPPORTED_POLICIES as readonly string[]).includes(policy)) {
    errs.push(notSupported(spec.child('ipFamilyPolicy'), policy, SUPPORTED_POLICIES));
  }
  return errs;
}

export function validateServiceClusterIPsRelatedFields(svc: Svc): FieldError[] {
  // ExternalName services may set none of these; that is checked with the type.
  if (svc.spec?.type === 'ExternalName') return [];
  const errs = [...validateClusterIPSync(svc), ...validateFamiliesAndPolicy(svc)];
  const ips = svc.spec?.clusterIPs ?? [];
  let badIPs = false;
  ips.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (ips.length > 1) {
        badIPs = true;
        errs.push(invalid(clusterIPsPath, ips, "'None' must be the first and only value"));
      }
      return;
    }
    const msgs = isValidIP(ip);
    if (msgs.length) badIPs = true;
    errs.push(...msgs.map((m) => invalid(clusterIPsPath.index(i), ip, m)));
  });
  if (ips.length > 2) errs.push(invalid(clusterIPsPath, ips, 'may only hold up to 2 values'));
  // Further checks would only repeat the bad addresses in other words.
  if (badIPs) return errs;
  if (ips.length > 1 && new Set(ips.map(ipFamilyOf)).size !== ips.length) {
    errs.push(invalid(clusterIPsPath, ips, 'may specify no more than one IP for each IP family'));
  }
  const families = svc.spec?.ipFamilies ?? [];
  if (!isHeadlessService(svc)) {
    ips.slice(0, families.length).forEach((ip, i) => {
      const isV6 = ipFamilyOf(ip) === 'IPv6';
      if (families[i] === 'IPv4' && isV6) errs.push(invalid(clusterIPsPath.index(i), ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``));
      if (families[i] === 'IPv6' && !isV6) errs.push(invalid(clusterIPsPath.index(i), ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``));
    });
  }
  return errs;
}

const MAY_NOT_CHANGE = 'may not change once set';

/** A service may gain or release its secondary IP, never change its primary one. */
export function validateUpgradeDowngradeClusterIPs(prev: Svc, next: Svc): FieldError[] {
  if (next.spec?.type === 'ExternalName' || prev.spec?.type === 'ExternalName') return [];
  if (isHeadlessService(prev) && isHeadlessService(next)) return [];
  const oldIPs = prev.spec?.clusterIPs ?? [];
  const newIPs = next.spec?.clusterIPs ?? [];
  const errs: FieldError[] = [];
  if (oldIPs.length === newIPs.length) {
    oldIPs.forEach((ip, i) => ip !== newIPs[i] && errs.push(invalid(clusterIPsPath.index(i), newIPs, MAY_NOT_CHANGE)));
  } else if (oldIPs.length > newIPs.length) {
    if (newIPs.length === 0) errs.push(invalid(clusterIPsPath.index(0), newIPs, 'primary clusterIP can not be unset'));
    if (oldIPs.length > 0 && newIPs.length > 0 && newIPs[0] !== oldIPs[0]) errs.push(invalid(clusterIPsPath.index(0), newIPs, MAY_NOT_CHANGE));
    if (newIPs.length === 1 && next.spec?.ipFamilyPolicy !== 'SingleStack') {
      errs.push(invalid(spec.child('ipFamilyPolicy'), next.spec?.ipFamilyPolicy ?? null, "must be set to 'SingleStack' when releasing the secondary clusterIP"));
    }
  } else if (oldIPs.length > 0 && newIPs[0] !== oldIPs[0]) {
    errs.push(invalid(clusterIPsPath.index(0), newIPs, MAY_NOT_CHANGE));
  }
  return errs;
}

export function validateUpgradeDowngradeIPFamilies(prev: Svc, next: Svc): FieldError[] {
  if (next.spec?.type === 'ExternalName' || prev.spec?.type === 'ExternalName') return [];
  // Becoming or staying headless may change families freely.
  if (isHeadlessService(prev) || isHeadlessService(next)) return [];
  const oldF = prev.spec?.ipFamilies ?? [];
  const newF = next.spec?.ipFamilies ?? [];
  const ips = next.spec?.clusterIPs ?? [];
  const first = ipFamiliesPath.index(0);
  const errs: FieldError[] = [];
  if (oldF.length === newF.length) {
    oldF.forEach((f, i) => f !== newF[i] && errs.push(invalid(first, newF, MAY_NOT_CHANGE)));
  } else if (oldF.length > newF.length) {
    if (ips.length === 0) errs.push(invalid(first, newF, 'primary ipFamily can not be unset'));
    if (newF.length > 0 && newF[0] !== oldF[0]) errs.push(invalid(first, ips, MAY_NOT_CHANGE));
    if (newF.length === 1 && next.spec?.ipFamilyPolicy !== 'SingleStack') {
      errs.push(invalid(spec.child('ipFamilyPolicy'), next.spec?.ipFamilyPolicy ?? null, "must be set to 'SingleStack' when releasing the secondary ipFamily"));
    }
  } else if (oldF.length > 0 && newF.length > 0 && newF[0] !== oldF[0]) {
    errs.push(invalid(first, ips, MAY_NOT_CHANGE));
  }
  return errs;
}
