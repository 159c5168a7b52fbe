// The generic store pipeline: create, read, update and delete of one resource type, driven by
// its definition. Kubernetes twin: k8s.io/apiserver/pkg/registry/generic/registry/store.go.
import { produce } from 'immer';
import * as errors from '../../api/errors.js';
import { rfc3339 } from '../../clock/clock.js';
import { qualifiedResource, type MutableObj, type Obj, type ResourceDefinition } from '../../api/registry/definition.js';
import type { KubeObject, Preconditions } from '../../api/types.js';
import { ConvertingStorage } from '../storage/converting-storage.js';
import type { ListResult, ReadConsistency, Storage } from '../storage/storage.js';
import type { StoredObject } from '../storage/stored-object.js';
import type { ServerContext } from './context.js';
import { jsonCopy } from '../../api/json-copy.js';
import { omitEmpty } from '../../api/schema/omit-empty.js';
import type { ManagedFieldsEntry } from '../../api/types.js';
import { recordManagedFields } from '../fieldmanager/write-adapter.js';
import { draftKeepingCurrent, shareUnchanged, shareUnchangedParts } from './share-unchanged.js';
import type { Subresource } from '../fieldmanager/ignored-fields.js';
import { admitIntoNamespace } from './namespace-lifecycle.js';
import type { ListQuery, WriteOptions } from './options.js';
import { selectionFor } from './selection.js';
import { carryUpdateMeta, fillCreateMeta, type UpdateTarget } from './system-fields.js';
import { validateCreate, validateUpdate } from './validation.js';


/** Tries of a generateName create before AlreadyExists goes to the client (kube's RetryGenerateName). */
const GENERATE_NAME_ATTEMPTS = 8;

/** The result of a write: the stored version, or for a dry run the object as it would be stored. */
export type Written = StoredObject | Obj;

export const objectOf = (w: Written): Obj => ('revision' in w && 'object' in w ? (w as StoredObject).object : (w as Obj));

/** Builds the next version of an object from the current one (update body or patch result). */
export type NextVersion = (current: Obj) => KubeObject;

export class ResourceStore {
  readonly storageResource: string;
  /** The store as this resource's version sees it (converted for resources stored as another). */
  readonly storage: Storage;

  constructor(
    readonly def: ResourceDefinition,
    readonly ctx: ServerContext,
  ) {
    this.storageResource = qualifiedResource(def);
    this.storage = def.storedAs ? new ConvertingStorage(ctx.storage, def.storedAs) : ctx.storage;
  }

  get groupResource(): errors.GroupResource {
    return { group: this.def.group, resource: this.def.resource };
  }

  async get(namespace: string, name: string, consistency?: ReadConsistency): Promise<StoredObject> {
    const found = await this.storage.get(this.storageResource, { namespace, name }, consistency);
    if (!found) throw errors.notFound(this.groupResource, name);
    return found;
  }

  async list(namespace: string, q: ListQuery): Promise<ListResult> {
    const selection = selectionFor(this.def, namespace, q.labelSelector, q.fieldSelector);
    return this.storage.list(this.storageResource, {
      ...selection,
      consistency: q.consistency,
      limit: q.limit,
      continueToken: q.continueToken,
    });
  }

  async create(namespace: string, body: KubeObject, opts: WriteOptions): Promise<Written> {
    if (body.metadata.resourceVersion) {
      throw errors.badRequest('resourceVersion should not be set on objects to be created');
    }
    if (this.def.namespaced) await admitIntoNamespace(this.ctx, this.groupResource, namespace, body.metadata.name ?? '');
    const generated = !body.metadata.name && !!body.metadata.generateName;
    const now = this.ctx.clock.now();
    const hooks = this.ctx.writeHooks.get(this.storageResource);
    // The decoded body is ours alone: it is shaped in place, and frozen by the store on write.
    const draft = body as MutableObj;
    const sentFields = draft.metadata.managedFields as ManagedFieldsEntry[] | undefined;
    omitEmpty(this.def.group, this.def.version, this.def.kind, draft);
    this.def.strategy.defaults?.(draft);
    fillCreateMeta(this.def, draft, this.ctx.names, now);
    this.def.strategy.prepareForCreate?.(draft, { now });
    const owner = draft.metadata.uid!;
    hooks?.assign(owner, draft, draft.metadata.name ?? '');
    recordManagedFields(this.def, draft as never, { prev: undefined, sent: sentFields, manager: opts.manager, subresource: '', applied: !!opts.applied, now });
    const obj = draft as Obj;
    let stored: StoredObject | undefined;
    try {
      validateCreate(this.def, obj);
      if (opts.dryRun) return obj;
      for (let attempt = 1; ; attempt++) {
        try {
          stored = await this.storage.create(this.storageResource, { namespace, name: draft.metadata.name! }, body);
          return stored;
        } catch (e) {
          // A generated name may collide with an existing one: kube-apiserver draws again, up to 8 times.
          if (!(generated && attempt < GENERATE_NAME_ATTEMPTS && e instanceof errors.StatusError && e.reason === 'AlreadyExists')) throw e;
          draft.metadata.name = this.ctx.names.generateName(draft.metadata.generateName!);
        }
      }
    } finally {
      // Claims follow what was stored: a dry run or a refused create gives them back.
      hooks?.settle(owner, stored?.object);
    }
  }

  /** The update pipeline shared by PUT, PATCH and the status subresource. */
  async update(
    namespace: string,
    name: string,
    nextVersion: NextVersion,
    opts: WriteOptions,
    subresource: UpdateTarget = '',
    createIfMissing?: () => KubeObject,
  ): Promise<{ written: Written; created: boolean }> {
    const key = { namespace, name };
    const hooks = this.ctx.writeHooks.get(this.storageResource);
    const tryUpdate = (current: Obj): KubeObject => {
      const proposed = nextVersion(current);
      const sentVersion = proposed.metadata.resourceVersion;
      if (sentVersion && sentVersion !== current.metadata.resourceVersion) {
        throw errors.conflict(this.groupResource, name, errors.OBJECT_MODIFIED);
      }
      const shape = (draft: MutableObj): void => {
        omitEmpty(this.def.group, this.def.version, this.def.kind, draft);
        this.def.strategy.defaults?.(draft);
        carryUpdateMeta(this.def, draft, current, subresource);
        if (subresource === 'status') this.def.strategy.prepareForStatusUpdate?.(draft, current);
        else if (subresource === '') this.def.strategy.prepareForUpdate?.(draft, current);
      };
      // Shaped in place on a copy that keeps the parts shared with the current version (a
      // patch leaves them so); should shaping write into one, a full copy is shaped instead.
      let draft = draftKeepingCurrent(proposed as never, current as never) as MutableObj;
      // What the client sent, read before shaping (which may scrub it).
      let sentFields = draft.metadata.managedFields as ManagedFieldsEntry[] | undefined;
      try {
        shape(draft);
      } catch (e) {
        if (!(e instanceof TypeError)) throw e;
        draft = jsonCopy(proposed) as MutableObj;
        sentFields = draft.metadata.managedFields as ManagedFieldsEntry[] | undefined;
        shape(draft);
      }
      if (subresource === '') hooks?.assign(current.metadata.uid!, draft, name, current);
      const fieldsSubresource = (opts.fieldsSubresource ?? subresource) as Subresource;
      // Shaped: what stayed as it was becomes the current version's own (see share-unchanged.ts).
      shareUnchangedParts(draft as never, current as never);
      const sent = shareUnchanged(sentFields, current.metadata.managedFields) as ManagedFieldsEntry[] | undefined;
      recordManagedFields(this.def, draft as never, { prev: current, sent, manager: opts.manager, subresource: fieldsSubresource, applied: !!opts.applied, now: this.ctx.clock.now() });
      const next = draft as Obj;
      validateUpdate(this.def, next, current, subresource);
      return next as KubeObject;
    };

    const existing = await this.storage.get(this.storageResource, key);
    if (!existing) {
      if (createIfMissing && (this.def.allowCreateOnUpdate || opts.applied) && subresource === '') {
        return { written: await this.create(namespace, createIfMissing(), opts), created: true };
      }
      throw errors.notFound(this.groupResource, name);
    }
    const owner = existing.object.metadata.uid!;
    try {
      if (opts.dryRun) return { written: tryUpdate(existing.object) as Obj, created: false };
      const stored = await this.storage.guaranteedUpdate(this.storageResource, key, undefined, tryUpdate);
      return { written: await this.#deleteIfFinalized(stored), created: false };
    } finally {
      // Whatever the outcome, claims follow the version that is stored now.
      hooks?.settle(owner, (await this.storage.get(this.storageResource, key))?.object);
    }
  }

  /** An object marked for deletion whose last finalizer just went is deleted now. */
  async #deleteIfFinalized(stored: StoredObject): Promise<StoredObject> {
    const meta = stored.object.metadata;
    if (!meta.deletionTimestamp || (meta.finalizers?.length ?? 0) > 0 || (meta.deletionGracePeriodSeconds ?? 0) > 0) return stored;
    if (this.def.strategy.deletionBlocked?.(stored.object)) return stored;
    try {
      return await this.storage.delete(this.storageResource, { namespace: meta.namespace ?? '', name: meta.name! }, {
        uid: meta.uid,
        resourceVersion: meta.resourceVersion,
      });
    } catch (e) {
      // Someone changed it in between (a finalizer came back): the newest state stands.
      if (e instanceof errors.StatusError && (e.code === 409 || e.code === 404)) return stored;
      throw e;
    }
  }

  /** Marks the object for deletion, or deletes it, as its finalizers and grace period say. */
  async delete(
    namespace: string,
    name: string,
    options: { gracePeriodSeconds?: number; propagationPolicy?: string; orphanDependents?: boolean; preconditions?: Preconditions; dryRunAll: boolean },
  ): Promise<{ written: Written; deleted: boolean }> {
    const key = { namespace, name };
    const current = await this.get(namespace, name);
    this.def.strategy.checkDelete?.(current.object);
    const plan = (obj: Obj) => deletionPlan(this.def, obj, options);
    const first = plan(current.object);
    if (options.dryRunAll) {
      return first.immediate ? { written: current, deleted: true } : { written: markForDeletion(this.def, current.object, first, this.ctx.clock.now()), deleted: false };
    }
    if (first.immediate) {
      const last = await this.storage.delete(this.storageResource, key, options.preconditions, (obj) => {
        if (!plan(obj).immediate) throw errors.conflict(this.groupResource, name, errors.OBJECT_MODIFIED);
      });
      this.ctx.writeHooks.get(this.storageResource)?.settle(last.object.metadata.uid!, undefined);
      return { written: last, deleted: true };
    }
    const now = this.ctx.clock.now();
    const stored = await this.storage.guaranteedUpdate(this.storageResource, key, options.preconditions, (obj) => markForDeletion(this.def, obj, plan(obj), now) as KubeObject);
    const after = await this.#deleteIfFinalized(stored);
    if (after !== stored) this.ctx.writeHooks.get(this.storageResource)?.settle(after.object.metadata.uid!, undefined);
    return { written: after, deleted: after !== stored };
  }
}

interface DeletionPlan {
  immediate: boolean;
  grace: number;
  finalizers: string[];
}

const ORPHAN = 'orphan';
const FOREGROUND = 'foregroundDeletion';

/**
 * Which finalizers the propagation policy asks for, and whether anything keeps the object.
 * Kubernetes twin: deletionFinalizersForGarbageCollection and BeforeDelete in store.go.
 */
function deletionPlan(
  def: ResourceDefinition,
  obj: Obj,
  options: { gracePeriodSeconds?: number; propagationPolicy?: string; orphanDependents?: boolean },
): DeletionPlan {
  const existing = obj.metadata.finalizers ?? [];
  let policy = options.propagationPolicy;
  if (!policy && options.orphanDependents !== undefined) policy = options.orphanDependents ? 'Orphan' : 'Background';
  let finalizers = [...existing];
  if (policy === 'Orphan' || (!policy && def.defaultPropagation === 'Orphan' && !existing.includes(FOREGROUND))) {
    finalizers = finalizers.filter((f) => f !== FOREGROUND);
    if (!finalizers.includes(ORPHAN)) finalizers.push(ORPHAN);
  } else if (policy === 'Foreground') {
    finalizers = finalizers.filter((f) => f !== ORPHAN);
    if (!finalizers.includes(FOREGROUND)) finalizers.push(FOREGROUND);
  } else if (policy === 'Background') {
    finalizers = finalizers.filter((f) => f !== ORPHAN && f !== FOREGROUND);
  }
  const alreadyDeleting = obj.metadata.deletionTimestamp !== undefined;
  let grace = def.strategy.gracePeriodSeconds?.(obj, options.gracePeriodSeconds) ?? 0;
  const pendingGrace = obj.metadata.deletionGracePeriodSeconds ?? 0;
  // A second delete may shorten a pending grace period, never lengthen it.
  if (alreadyDeleting && pendingGrace > 0 && grace > pendingGrace) grace = pendingGrace;
  const blocked = def.strategy.deletionBlocked?.(obj) ?? false;
  return { immediate: finalizers.length === 0 && grace === 0 && !blocked, grace, finalizers };
}

function markForDeletion(def: ResourceDefinition, obj: Obj, plan: DeletionPlan, now: number): Obj {
  return produce(obj, (draft: MutableObj) => {
    const meta = draft.metadata;
    const pending = meta.deletionGracePeriodSeconds;
    if (!meta.deletionTimestamp || (pending !== undefined && plan.grace < pending)) {
      meta.deletionTimestamp = rfc3339(now + plan.grace * 1000);
      meta.deletionGracePeriodSeconds = plan.grace;
    }
    if (plan.finalizers.length > 0) meta.finalizers = plan.finalizers;
    else delete meta.finalizers;
    def.strategy.markDeleting?.(draft);
  }) as Obj;
}
