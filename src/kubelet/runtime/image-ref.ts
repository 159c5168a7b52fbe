// Image references as containerd resolves them: "nginx:1.27" is docker.io/library/nginx:1.27.
// Kubernetes twin: github.com/distribution/reference (ParseNormalizedNamed) as used by the
// CRI runtime, and the "repo@sha256:..." image IDs it reports in containerStatuses[].imageID.
import { createHash } from 'node:crypto';

export interface ImageRef {
  /** "docker.io", "registry.k8s.io", "registry.invalid". */
  host: string;
  /** "docker.io/library/nginx". */
  repository: string;
  /** "1.27"; "latest" when neither tag nor digest was given. */
  tag?: string;
  digest?: string;
  /** The fully qualified name: "docker.io/library/nginx:1.27". */
  full: string;
}

const looksLikeHost = (part: string): boolean => part.includes('.') || part.includes(':') || part === 'localhost';

export function parseImageRef(image: string): ImageRef {
  let rest = image;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const slash = rest.indexOf('/');
  let host = 'docker.io';
  let path = rest;
  if (slash >= 0 && looksLikeHost(rest.slice(0, slash))) {
    host = rest.slice(0, slash);
    path = rest.slice(slash + 1);
  }
  if (host === 'docker.io' && !path.includes('/')) path = `library/${path}`;
  if (!tag && !digest) tag = 'latest';
  const repository = `${host}/${path}`;
  const full = digest ? `${repository}@${digest}` : `${repository}:${tag}`;
  return { host, repository, tag, digest, full };
}

/** Hosts under the reserved .invalid domain (RFC 2606) never resolve, so their images never exist. */
export const isInvalidHost = (host: string): boolean => {
  const name = host.split(':')[0].toLowerCase();
  return name === 'invalid' || name.endsWith('.invalid');
};

/**
 * Digests already made, by text: every pull hashes the image's name, and many pods on many
 * nodes pull the same few images. A pure function's cache, bounded: emptied when full.
 */
const digests = new Map<string, string>();
const MAX_DIGESTS = 256;

function sha256(text: string): string {
  let digest = digests.get(text);
  if (digest === undefined) {
    if (digests.size >= MAX_DIGESTS) digests.clear();
    digest = createHash('sha256').update(text).digest('hex');
    digests.set(text, digest);
  }
  return digest;
}

/** A stable fake digest per image: "docker.io/library/nginx@sha256:<64 hex>". */
export function imageIdOf(ref: ImageRef): string {
  if (ref.digest) return `${ref.repository}@${ref.digest}`;
  return `${ref.repository}@sha256:${sha256(ref.full)}`;
}

// Sizes of the images tutorials use, roughly as their registries report them; others get a
// stable size from their name between 5 MB and 200 MB.
const KNOWN_SIZES: Record<string, number> = {
  'docker.io/library/nginx': 72_000_000,
  'docker.io/library/busybox': 2_200_000,
  'docker.io/library/alpine': 3_600_000,
  'docker.io/library/redis': 45_000_000,
  'docker.io/library/httpd': 58_000_000,
  'docker.io/library/ubuntu': 29_000_000,
  'docker.io/library/python': 380_000_000,
  'docker.io/library/postgres': 160_000_000,
  'registry.k8s.io/pause': 320_000,
  'registry.k8s.io/e2e-test-images/agnhost': 51_000_000,
};

export function imageSizeOf(ref: ImageRef): number {
  const known = KNOWN_SIZES[ref.repository];
  if (known) return known;
  const h = parseInt(sha256(ref.repository).slice(0, 8), 16);
  return 5_000_000 + (h % 195_000_000);
}
