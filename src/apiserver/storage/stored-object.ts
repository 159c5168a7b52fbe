// One version of one object as the store holds it: frozen, shared by every reader, and
// serialised at most once however many clients read or watch it.
import type { Frozen, KubeObject } from '../../api/types.js';

export type StoredValue = Frozen<KubeObject>;

export class StoredObject {
  #json: string | undefined;

  constructor(
    readonly object: StoredValue,
    readonly revision: number,
    json?: string,
  ) {
    this.#json = json;
  }

  /** The object's JSON, computed on first use and kept. */
  get json(): string {
    if (this.#json === undefined) this.#json = JSON.stringify(this.object);
    return this.#json;
  }
}
