import { it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { openapiV2, openapiV3Root, openapiV3GroupVersion } from '../../../src/apiserver/openapi/index.js';
import { SERVED } from './fixtures.js';
it('smoke', () => {
  const root = openapiV3Root(SERVED);
  writeFileSync('/tmp/smoke/root.json', JSON.stringify(root, null, 1));
  writeFileSync('/tmp/smoke/v2.json', JSON.stringify(openapiV2(SERVED)));
  for (const k of Object.keys(root.paths)) writeFileSync('/tmp/smoke/v3-' + k.replace(/\//g, '_') + '.json', JSON.stringify(openapiV3GroupVersion(SERVED, k)));
});
