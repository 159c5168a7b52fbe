import { describe, expect, it } from 'vitest';
import { loadSchedulerConfiguration } from '../../src/scheduler/config-file.js';
import { buildProfiles } from '../../src/scheduler/profile.js';

const YAML = `apiVersion: kubescheduler.config.k8s.io/v1
kind: KubeSchedulerConfiguration
profiles:
- schedulerName: default-scheduler
- schedulerName: no-scoring
  plugins:
    preScore:
      disabled: [{name: '*'}]
    score:
      disabled:
      - name: '*'
- schedulerName: packer
  plugins:
    score:
      enabled:
      - {name: NodeResourcesFit, weight: 5}
  pluginConfig:
  - name: NodeResourcesFit
    args:
      scoringStrategy: {type: MostAllocated}
`;

describe('loadSchedulerConfiguration', () => {
  it('reads YAML into profiles chosen by schedulerName', () => {
    const profiles = buildProfiles(loadSchedulerConfiguration(YAML));
    expect(profiles.map((p) => p.schedulerName)).toEqual(['default-scheduler', 'no-scoring', 'packer']);
    expect(profiles[1].score).toEqual([]);
    expect(profiles[2].score.find((s) => s.plugin.name === 'NodeResourcesFit')?.weight).toBe(5);
    expect(profiles[0].score.find((s) => s.plugin.name === 'NodeResourcesFit')?.weight).toBe(1);
  });

  it('reads JSON too', () => {
    const cfg = loadSchedulerConfiguration(JSON.stringify({ apiVersion: 'kubescheduler.config.k8s.io/v1', kind: 'KubeSchedulerConfiguration', percentageOfNodesToScore: 20 }));
    expect(buildProfiles(cfg)[0].percentageOfNodesToScore).toBe(20);
  });

  it('rejects other types, duplicate names, bad percentages and unknown plugins', () => {
    expect(() => loadSchedulerConfiguration('apiVersion: kubescheduler.config.k8s.io/v1beta3\nkind: KubeSchedulerConfiguration\n', 'f.yaml')).toThrow(
      'f.yaml: no kind "KubeSchedulerConfiguration" is registered for version "kubescheduler.config.k8s.io/v1beta3"',
    );
    const head = 'apiVersion: kubescheduler.config.k8s.io/v1\nkind: KubeSchedulerConfiguration\n';
    expect(() => loadSchedulerConfiguration(`${head}profiles:\n- schedulerName: a\n- schedulerName: a\n`)).toThrow('profiles[1].schedulerName: Duplicate value: "a"');
    expect(() => loadSchedulerConfiguration(`${head}percentageOfNodesToScore: 101\n`)).toThrow('percentageOfNodesToScore: Invalid value: 101: not in valid range [0-100]');
    expect(() => loadSchedulerConfiguration(`${head}profiles:\n- plugins:\n    filter:\n      enabled: [{name: Nope}]\n`)).toThrow('plugin "Nope" does not exist');
    expect(() => loadSchedulerConfiguration(`${head}profiles: [\n`)).toThrow(/unterminated flow collection/);
  });
});
