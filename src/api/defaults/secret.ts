// Secret defaults. Kubernetes twins: pkg/apis/core/v1/defaults.go (SetDefaults_Secret) and the
// v1 -> internal conversion (Convert_v1_Secret_To_core_Secret), which folds stringData into data.

import type { Secret } from '../types/secret.js';

/**
 * stringData is write-only: each entry overwrites data[key] (base64 of its UTF-8 bytes) and the
 * field disappears. Then the type defaults to Opaque.
 */
export function defaultSecret(secret: Secret): void {
  if (secret.stringData) {
    const data = { ...(secret.data ?? {}) };
    for (const [k, v] of Object.entries(secret.stringData)) data[k] = Buffer.from(v, 'utf8').toString('base64');
    secret.data = data;
    delete secret.stringData;
  }
  if (!secret.type) secret.type = 'Opaque';
}
