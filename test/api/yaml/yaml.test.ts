import { describe, expect, it } from 'vitest';
import { parseYaml, parseYamlAll } from '../../../src/api/yaml/yaml.js';

describe('parseYaml', () => {
  it('reads a KubeSchedulerConfiguration with comments, lists at key indentation and flow lists', () => {
    const doc = parseYaml(`# a scheduler config
apiVersion: kubescheduler.config.k8s.io/v1
kind: KubeSchedulerConfiguration
percentageOfNodesToScore: 50   # search half
profiles:
- schedulerName: default-scheduler
- schedulerName: "bin-packer"
  plugins:
    score:
      disabled: [{name: NodeResourcesBalancedAllocation}, {name: "ImageLocality"}]
      enabled:
        - name: NodeResourcesFit
          weight: 5
  pluginConfig:
  - name: NodeResourcesFit
    args:
      scoringStrategy:
        type: MostAllocated
        resources:
        - {name: cpu, weight: 1}
        - name: memory
          weight: 1
`);
    expect(doc).toEqual({
      apiVersion: 'kubescheduler.config.k8s.io/v1',
      kind: 'KubeSchedulerConfiguration',
      percentageOfNodesToScore: 50,
      profiles: [
        { schedulerName: 'default-scheduler' },
        {
          schedulerName: 'bin-packer',
          plugins: { score: { disabled: [{ name: 'NodeResourcesBalancedAllocation' }, { name: 'ImageLocality' }], enabled: [{ name: 'NodeResourcesFit', weight: 5 }] } },
          pluginConfig: [{ name: 'NodeResourcesFit', args: { scoringStrategy: { type: 'MostAllocated', resources: [{ name: 'cpu', weight: 1 }, { name: 'memory', weight: 1 }] } } }],
        },
      ],
    });
  });

  it('resolves scalars with the YAML 1.2 core schema', () => {
    const doc = parseYaml(`a: ~
b: null
c:
d: True
e: FALSE
f: yes
g: 012
h: 0o17
i: 0x1F
j: -1.5e3
k: .inf
l: -.Inf
m: "1"
n: 'it''s'
o: "tab\\tnewline\\n\\u00e9"
p: 1_000
q: http://example.com:80/a#frag
r: a # comment
s: "# not a comment"
t: don't
`) as Record<string, unknown>;
    expect(doc).toEqual({
      a: null, b: null, c: null, d: true, e: false, f: 'yes', g: 12, h: 15, i: 31, j: -1500, k: Infinity, l: -Infinity,
      m: '1', n: "it's", o: 'tab\tnewline\né', p: '1_000', q: 'http://example.com:80/a#frag', r: 'a', s: '# not a comment', t: "don't",
    });
    expect(Number.isNaN((parseYaml('x: .nan') as { x: number }).x)).toBe(true);
  });

  it('reads nested lists, empty items and flow collections across lines', () => {
    expect(parseYaml(`- - a
  - b
-
- x: 1
  y: [1, 2,
      3]
- {a: {b: [c]}, d: }
`)).toEqual([['a', 'b'], null, { x: 1, y: [1, 2, 3] }, { a: { b: ['c'] }, d: null }]);
  });

  it('reads JSON', () => {
    expect(parseYaml('{"apiVersion": "v1", "items": [1, 2.5, true, null, {"a": "b"}]}')).toEqual({ apiVersion: 'v1', items: [1, 2.5, true, null, { a: 'b' }] });
  });

  it('reads block scalars', () => {
    expect(parseYaml(`lit: |
  line 1
    indented
  line 3
fold: >-
  one
  two

  three
keep: |+
  x

end: 1
`)).toEqual({ lit: 'line 1\n  indented\nline 3\n', fold: 'one two\nthree', keep: 'x\n\n', end: 1 });
  });

  it('splits documents', () => {
    expect(parseYamlAll('---\na: 1\n---\n# nothing\n---\n- b\n...\n')).toEqual([{ a: 1 }, ['b']]);
    expect(parseYaml('')).toBeNull();
  });

  it('says what it cannot read, with the line', () => {
    expect(() => parseYaml('a: 1\na: 2\n')).toThrow('yaml: line 2: mapping key "a" already defined');
    expect(() => parseYaml('a: &x 1\n')).toThrow(/anchors, aliases and tags are not supported/);
    expect(() => parseYaml('a: [1, 2\n')).toThrow(/unterminated flow collection/);
    expect(() => parseYaml('a:\n\tb: 1\n')).toThrow(/tab/);
    expect(() => parseYaml('a: 1\n  b: 2\n')).toThrow(/line 2/);
  });
});
