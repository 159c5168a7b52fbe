// Reading a KubeSchedulerConfiguration file (kubescheduler.config.k8s.io/v1), YAML or JSON, as
// `kube-scheduler --config` does: the type is checked, the profiles validated and built once so
// that an unknown plugin is reported at start. Kubernetes twins: cmd/kube-scheduler/app/options/
// configfile.go (loadConfigFromFile) and pkg/scheduler/apis/config/validation/validation.go.
import { parseYaml } from '../api/yaml/yaml.js';
import { buildProfiles, DEFAULT_SCHEDULER_NAME, type KubeSchedulerConfiguration } from './profile.js';

export const SCHEDULER_CONFIG_API_VERSION = 'kubescheduler.config.k8s.io/v1';
export const SCHEDULER_CONFIG_KIND = 'KubeSchedulerConfiguration';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The field errors of a configuration, in kube-scheduler's "path: Kind: detail" shape. */
export function validateSchedulerConfiguration(cfg: KubeSchedulerConfiguration): string[] {
  const errs: string[] = [];
  const pct = (path: string, v: unknown) => {
    if (v !== undefined && (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 100)) errs.push(`${path}: Invalid value: ${JSON.stringify(v)}: not in valid range [0-100]`);
  };
  pct('percentageOfNodesToScore', cfg.percentageOfNodesToScore);
  if (cfg.profiles !== undefined && !Array.isArray(cfg.profiles)) return [...errs, 'profiles: Invalid value: must be a list'];
  const seen = new Set<string>();
  (cfg.profiles ?? []).forEach((p, i) => {
    if (!isObject(p)) return errs.push(`profiles[${i}]: Invalid value: must be an object`);
    const name = p.schedulerName ?? DEFAULT_SCHEDULER_NAME;
    if (typeof name !== 'string' || name === '') errs.push(`profiles[${i}].schedulerName: Required value`);
    else if (seen.has(name)) errs.push(`profiles[${i}].schedulerName: Duplicate value: "${name}"`);
    seen.add(String(name));
    pct(`profiles[${i}].percentageOfNodesToScore`, p.percentageOfNodesToScore);
  });
  return errs;
}

/** Parses, checks and returns the configuration; throws with every problem found. */
export function loadSchedulerConfiguration(text: string, source = 'scheduler configuration'): KubeSchedulerConfiguration {
  let doc: unknown;
  try {
    doc = text.trimStart().startsWith('{') ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new Error(`${source}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!isObject(doc)) throw new Error(`${source}: expected a ${SCHEDULER_CONFIG_KIND} object`);
  if (doc.apiVersion !== SCHEDULER_CONFIG_API_VERSION || doc.kind !== SCHEDULER_CONFIG_KIND) {
    throw new Error(`${source}: no kind "${String(doc.kind)}" is registered for version "${String(doc.apiVersion)}"; expected apiVersion ${SCHEDULER_CONFIG_API_VERSION}, kind ${SCHEDULER_CONFIG_KIND}`);
  }
  const cfg = doc as KubeSchedulerConfiguration;
  const errs = validateSchedulerConfiguration(cfg);
  if (errs.length) throw new Error(`${source}: invalid KubeSchedulerConfiguration: ${errs.join(', ')}`);
  try {
    const profiles = buildProfiles(cfg);
    // kube-scheduler runs one queue: every profile must sort it the same way.
    const sorts = new Set(profiles.map((p) => p.queueSort.map((q) => q.name).join(',')));
    if (sorts.size > 1) throw new Error('profiles: Invalid value: queueSort must be the same for all profiles');
  } catch (e) {
    throw new Error(`${source}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return cfg;
}
