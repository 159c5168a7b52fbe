// The wide CONTAINERS and IMAGES cells of workload printers: every container of the pod
// template on one line. Kubernetes twin: layoutContainerCells in
// pkg/printers/internalversion/printers.go.

export interface ContainerLike {
  readonly name?: string;
  readonly image?: string;
}

/** Names and images, each comma-joined in container order ("web,sidecar" / "nginx:1.27,envoy"). */
export function containerCells(containers: readonly ContainerLike[] | undefined): { names: string; images: string } {
  const list = containers ?? [];
  return {
    names: list.map((c) => c.name ?? '').join(','),
    images: list.map((c) => c.image ?? '').join(','),
  };
}
