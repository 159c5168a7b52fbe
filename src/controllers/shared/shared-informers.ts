// One informer per resource (and per namespace and selector) for all the controllers of one
// manager, so that a pod event is listed, watched, decoded and cached once, not once per
// controller that looks at pods (seven of them).
// Kubernetes twin: the SharedInformerFactory kube-controller-manager hands every controller
// (k8s.io/client-go/informers/factory.go, InformerFor).
import type { Clock } from '../../clock/clock.js';
import type { Client } from '../../client/client.js';
import { Informer, type InformerOptions } from '../../client/informer.js';
import type { HasMetadata, ResourceType } from '../../client/resources.js';

/** What narrows an informer besides its resource. */
export type InformerScope = Omit<InformerOptions, 'clock'>;

export class SharedInformers {
  readonly #byKey = new Map<string, Informer<HasMetadata>>();

  constructor(
    private readonly client: Client,
    private readonly clock: Clock,
  ) {}

  /** The informer for this resource and scope: made on first request, shared after. */
  informer<T extends HasMetadata>(resource: ResourceType<T>, scope: InformerScope = {}): Informer<T> {
    const key = JSON.stringify([resource.group, resource.version, resource.resource, scope.namespace ?? '', scope.labelSelector ?? '', scope.fieldSelector ?? '', scope.pageSize ?? 0]);
    let informer = this.#byKey.get(key);
    if (!informer) {
      informer = new Informer<HasMetadata>(this.client, resource, { ...scope, clock: this.clock });
      this.#byKey.set(key, informer);
    }
    // The key names the resource, and the resource carries T: the cast only restores it.
    return informer as unknown as Informer<T>;
  }

  /** Stops every informer (the manager's controllers are all stopping). */
  stop(): void {
    for (const informer of this.#byKey.values()) informer.stop();
  }
}

/**
 * A controller's informer: the manager's shared one when it runs under a manager, else its
 * own (a controller started alone, as in tests). A controller stopping a shared informer is
 * harmless: the manager stops its controllers all together.
 */
export function informerFor<T extends HasMetadata>(
  options: { client: Client; clock: Clock; informers?: SharedInformers },
  resource: ResourceType<T>,
  scope: InformerScope = {},
): Informer<T> {
  return options.informers ? options.informers.informer(resource, scope) : new Informer<T>(options.client, resource, { ...scope, clock: options.clock });
}
