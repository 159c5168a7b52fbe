// A container's small file system as the model keeps it: a plain frozen-by-convention record,
// shared between model versions until a command writes to it. Kubernetes twin: the container's
// writable layer over its image and volume mounts, as far as the shell model needs one.

/** The file system of a container that has none of its own yet (before start, no volumes). */
export const NO_FILES: Readonly<Record<string, string>> = Object.freeze({});

/** A Map that remembers whether anything was written to it. */
class TrackedFiles extends Map<string, string> {
  changed = false;

  override set(path: string, content: string): this {
    this.changed = true;
    return super.set(path, content);
  }

  override delete(path: string): boolean {
    const gone = super.delete(path);
    if (gone) this.changed = true;
    return gone;
  }
}

/**
 * Runs `act` (a command, probe or hook) against `files`; answers the record after it, the very
 * same object when nothing was written, so that a server that only reads costs no copy.
 */
export function withFiles<T>(files: Readonly<Record<string, string>>, act: (fs: Map<string, string>) => T): { files: Readonly<Record<string, string>>; result: T } {
  // Most containers have no files: then no entries to copy (a Map built from an iterable is slow).
  const fs = files === NO_FILES ? new TrackedFiles() : new TrackedFiles(Object.entries(files));
  fs.changed = false;
  const result = act(fs);
  if (!fs.changed) return { files, result };
  return { files: fs.size === 0 ? NO_FILES : Object.fromEntries(fs), result };
}
