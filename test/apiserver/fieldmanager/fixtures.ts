// Realistic objects as kube-apiserver stores them after defaulting.
export const T0 = '2025-01-01T00:00:00Z';
export const T1 = '2025-01-01T00:01:00Z';
export const T2 = '2025-01-01T00:02:00Z';

export const configMap = (data: Record<string, string>, labels?: Record<string, string>) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'owned', namespace: 'default', uid: 'u1', resourceVersion: '10', creationTimestamp: T0, ...(labels ? { labels } : {}) },
  data,
});

/** A Deployment as `kubectl create deployment web --image=nginx` leaves it, defaults filled in. */
export function deployment(opts: { replicas?: number; image?: string; labels?: Record<string, string> } = {}) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', uid: 'u2', resourceVersion: '20', generation: 1, creationTimestamp: T0, labels: opts.labels ?? { app: 'web' } },
    spec: {
      replicas: opts.replicas ?? 1,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [
            {
              name: 'nginx',
              image: opts.image ?? 'nginx',
              imagePullPolicy: 'Always',
              resources: {},
              terminationMessagePath: '/dev/termination-log',
              terminationMessagePolicy: 'File',
            },
          ],
          dnsPolicy: 'ClusterFirst',
          restartPolicy: 'Always',
          schedulerName: 'default-scheduler',
          securityContext: {},
          terminationGracePeriodSeconds: 30,
        },
      },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
    status: {},
  };
}

/** The same Deployment as a manifest a user applies (no defaults, no server fields). */
export function deploymentManifest(opts: { replicas?: number; image?: string; extraContainer?: boolean } = {}) {
  const containers: Array<Record<string, unknown>> = [{ name: 'nginx', image: opts.image ?? 'nginx' }];
  if (opts.extraContainer) containers.push({ name: 'side', image: 'busybox' });
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', labels: { app: 'web' } },
    spec: {
      ...(opts.replicas === undefined ? {} : { replicas: opts.replicas }),
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers } },
    },
  };
}

export const withManaged = <T extends { metadata?: object }>(obj: T, managedFields: unknown): T & { metadata: { managedFields: unknown } } => ({
  ...obj,
  metadata: { ...obj.metadata, managedFields },
});
