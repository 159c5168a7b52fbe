// A node's images: what is cached, and pulls from a simulated registry that take time.
// Kubernetes twin: pkg/kubelet/images (image_manager.go EnsureImageExists, serialized pulls)
// and the CRI image service of containerd, whose error texts users see.
import type { Random } from '../../clock/random.js';
import type { ImagePullTiming } from '../profile.js';
import { imageIdOf, imageSizeOf, isInvalidHost, parseImageRef, type ImageRef } from './image-ref.js';

export interface CachedImage {
  id: string;
  names: string[];
  sizeBytes: number;
}

/** What the kubelet must do for one container's image under its pull policy. */
export type ImagePlan =
  | { kind: 'present'; image: CachedImage }
  | { kind: 'pull' }
  | { kind: 'never' };

export type PullResult =
  | { ok: true; image: CachedImage; pullMs: number; totalMs: number }
  | { ok: false; message: string; totalMs: number };

export interface RegistryOptions {
  /** Images that do not exist beyond the .invalid hosts (by full or given name). */
  missing?: (ref: ImageRef) => boolean;
}

export class ImageService {
  readonly #cache = new Map<string, CachedImage>();
  /** Pulls are serialized on a node (serializeImagePulls): the next one starts when this one ends. */
  #busyUntil = 0;
  /** Bumped on every cache change so that node status knows when images changed. */
  version = 0;

  constructor(
    private readonly timing: ImagePullTiming,
    private readonly random: Random,
    private readonly registry: RegistryOptions = {},
  ) {}

  plan(image: string, policy: string): ImagePlan {
    const cached = this.#cache.get(parseImageRef(image).full);
    if (policy === 'Always') return { kind: 'pull' };
    if (cached) return { kind: 'present', image: cached };
    return policy === 'Never' ? { kind: 'never' } : { kind: 'pull' };
  }

  /** Starts a pull at `now`; the answer says when it ends (totalMs from now, waiting included). */
  pull(image: string, now: number): PullResult {
    const ref = parseImageRef(image);
    const start = Math.max(now, this.#busyUntil);
    const wait = start - now;
    if (isInvalidHost(ref.host) || this.registry.missing?.(ref)) {
      const ms = this.#jitter(this.timing.baseMs);
      this.#busyUntil = start + ms;
      return { ok: false, message: pullError(ref), totalMs: wait + ms };
    }
    const sizeBytes = imageSizeOf(ref);
    const pullMs = this.#jitter(this.timing.baseMs + (sizeBytes / this.timing.bytesPerSecond) * 1000);
    this.#busyUntil = start + pullMs;
    const id = imageIdOf(ref);
    return { ok: true, image: { id, names: [id, ref.full], sizeBytes }, pullMs, totalMs: wait + pullMs };
  }

  /**
   * Records a finished pull in the cache and answers the cached entry: pods that pulled the same
   * image at once then share one entry (and its id and name strings) instead of a copy each.
   */
  store(image: CachedImage): CachedImage {
    const full = image.names[image.names.length - 1];
    const cached = this.#cache.get(full);
    if (cached?.id === image.id) return cached;
    this.#cache.set(full, image);
    this.version++;
    return image;
  }

  /** node.status.images: largest first, at most 50 (nodeStatusMaxImages). */
  list(): { names: string[]; sizeBytes: number }[] {
    const byId = new Map<string, { names: string[]; sizeBytes: number }>();
    for (const img of this.#cache.values()) {
      const entry = byId.get(img.id);
      if (entry) for (const n of img.names) if (!entry.names.includes(n)) entry.names.push(n);
      if (!entry) byId.set(img.id, { names: [...img.names], sizeBytes: img.sizeBytes });
    }
    return [...byId.values()].sort((a, b) => b.sizeBytes - a.sizeBytes).slice(0, 50);
  }

  #jitter(ms: number): number {
    const j = this.timing.jitter;
    return Math.max(1, Math.round(ms * (1 - j + 2 * j * this.random.next())));
  }
}

/** containerd's answer when the registry host does not resolve or the image is absent. */
function pullError(ref: ImageRef): string {
  const name = ref.full;
  const host = ref.host.split(':')[0];
  const path = ref.repository.slice(ref.host.length + 1);
  const reference = ref.digest ?? ref.tag ?? 'latest';
  if (isInvalidHost(ref.host)) {
    return `failed to pull and unpack image "${name}": failed to resolve reference "${name}": failed to do request: Head "https://${ref.host}/v2/${path}/manifests/${reference}": dial tcp: lookup ${host}: no such host`;
  }
  return `failed to pull and unpack image "${name}": failed to resolve reference "${name}": ${name}: not found`;
}
