// Container ids as containerd makes them: 64 hex digits (a random 256-bit id), drawn from the
// node's seeded generator so that a run replays. Kubernetes twin: containerd's id generation
// (github.com/containerd/containerd/pkg/identifiers, util.GenerateID).
import type { Random } from '../../clock/random.js';

/**
 * Where the id's bytes are drawn, reused: one id is made at a time (synchronously), and a new
 * typed array per container would cost more than the id itself.
 */
const scratch = Buffer.alloc(32);

/** 64 hex digits, as one flat string (Buffer's hex encoding makes it in one piece). */
export function containerId(random: Random): string {
  random.bytes(scratch);
  return scratch.toString('hex');
}
