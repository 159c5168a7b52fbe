// Container ids as containerd makes them: 64 hex digits (a random 256-bit id), drawn from the
// node's seeded generator so that a run replays. Kubernetes twin: containerd's id generation
// (github.com/containerd/containerd/pkg/identifiers, util.GenerateID).
import type { Random } from '../../clock/random.js';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** 64 hex digits, as one flat string: built by +=, it would be kept as a rope of 32 pieces. */
export function containerId(random: Random): string {
  return Array.from(random.bytes(new Uint8Array(32)), (b) => HEX[b]).join('');
}
