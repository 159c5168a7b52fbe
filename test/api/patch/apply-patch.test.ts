import { describe, expect, it } from 'vitest';
import { StatusError, type Status } from '../../../src/api/errors.js';
import { applyPatch, type PatchKind } from '../../../src/api/patch/apply-patch.js';
import { deepFreeze, podMeta } from './pod-patch-meta.js';

const live = () => deepFreeze({ metadata: { name: 'p', labels: { a: '1' } }, spec: { containers: [{ name: 'app', image: 'x' }] } });

function statusOf(kind: PatchKind, body: string, options = {}): Status {
  try {
    applyPatch(kind, live(), body, podMeta, options);
  } catch (e) {
    if (e instanceof StatusError) return e.status;
    throw e;
  }
  throw new Error('expected a StatusError');
}

describe('applyPatch', () => {
  it('applies each kind of patch', () => {
    expect(applyPatch('json', live(), '[{"op":"replace","path":"/metadata/labels/a","value":"2"}]')).toMatchObject({ metadata: { labels: { a: '2' } } });
    expect(applyPatch('merge', live(), '{"metadata":{"labels":{"a":null,"b":"2"}}}')).toMatchObject({ metadata: { labels: { b: '2' } } });
    const patched = applyPatch('strategic', live(), '{"spec":{"containers":[{"name":"app","image":"y"}]}}', podMeta);
    expect(patched).toEqual({ metadata: { name: 'p', labels: { a: '1' } }, spec: { containers: [{ name: 'app', image: 'y' }] } });
  });

  it('treats a null strategic patch as empty', () => {
    expect(applyPatch('strategic', live(), 'null', podMeta)).toEqual(live());
  });
});

describe('applyPatch: malformed patches become the Status kube-apiserver sends', () => {
  it('400 with the Go decoder message for a JSON patch that is not JSON', () => {
    expect(statusOf('json', '[{"op":}]')).toMatchObject({ code: 400, reason: 'BadRequest', message: "invalid character '}' looking for beginning of value" });
    expect(statusOf('json', '[{"op":"add"')).toMatchObject({ code: 400, message: 'unexpected end of JSON input' });
    expect(statusOf('json', '[]x')).toMatchObject({ code: 400, message: "invalid character 'x' after top-level value" });
  });

  it('400 for a JSON patch of the wrong JSON type', () => {
    expect(statusOf('json', '{"op":"add"}')).toMatchObject({ code: 400, message: 'json: cannot unmarshal object into Go value of type jsonpatch.Patch' });
    expect(statusOf('json', '[1]')).toMatchObject({ code: 400, message: 'json: cannot unmarshal number into Go value of type jsonpatch.Operation' });
  });

  it('prefixes decode errors with "error decoding patch" under strict field validation', () => {
    expect(statusOf('json', 'nope', { strict: true })).toMatchObject({
      code: 400,
      message: "error decoding patch: invalid character 'o' in literal null (expecting 'u')",
    });
  });

  it('422 Invalid with the generic message when a JSON patch operation fails', () => {
    const expected = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'the server rejected our request due to an error in our request',
      reason: 'Invalid',
      details: {},
      code: 422,
    };
    expect(statusOf('json', '[{"op":"test","path":"/metadata/name","value":"q"}]')).toEqual(expected);
    expect(statusOf('json', '[{"op":"remove","path":"/spec/affinity"}]')).toEqual(expected);
    expect(statusOf('json', '[{"op":"add","path":"/spec/nothing/here","value":1}]')).toEqual(expected);
  });

  it('400 "Invalid JSON Patch" for a merge patch that is not an object', () => {
    for (const body of ['{"a":', 'null', '"x"', '5']) expect(statusOf('merge', body)).toMatchObject({ code: 400, message: 'Invalid JSON Patch' });
  });

  it('422 when a merge patch turns the object into an array', () => {
    expect(statusOf('merge', '[1]')).toMatchObject({ code: 422, reason: 'Invalid' });
  });

  it('400 with the Go decoder message for a strategic patch that is not a JSON object', () => {
    expect(statusOf('strategic', '{"spec":')).toMatchObject({ code: 400, message: 'unexpected end of JSON input' });
    expect(statusOf('strategic', '[]')).toMatchObject({
      code: 400,
      message: 'json: cannot unmarshal array into Go value of type map[string]interface {}',
    });
  });

  it('400 for a malformed strategic directive, 422 for lists of lists, 500 for the rest', () => {
    expect(statusOf('strategic', '{"metadata":{"$retainKeys":"name"}}')).toMatchObject({ code: 400, message: 'invalid patch format of retainKeys' });
    let listOfLists: unknown;
    try {
      applyPatch('strategic', { spec: { containers: [] } }, '{"spec":{"containers":[["a"]]}}', podMeta);
    } catch (e) {
      listOfLists = e;
    }
    expect((listOfLists as StatusError).status).toMatchObject({ code: 422, reason: 'Invalid' });
    const missingKey = statusOf('strategic', '{"spec":{"containers":[{"image":"nginx"}]}}');
    expect(missingKey.code).toBe(500);
    expect(missingKey.message).toContain('map: map[image:nginx] does not contain declared merge key: name');
  });
});
