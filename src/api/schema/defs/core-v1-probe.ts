// Schema declarations: Lifecycle, Probe, LifecycleHandler, ExecAction, GRPCAction, HTTPGetAction, TCPSocketAction, SleepAction, HTTPHeader.
// Kubernetes twin: staging/src/k8s.io/api/core/v1/types.go (Lifecycle, Probe, LifecycleHandler, ExecAction, ...), v1.32; field names, types and patch tags follow the Go structs.
import { object, field, str, int32, int64, ref, list, atomic, type TypeDecl } from '../dsl.js';
import { CORE, intOrString } from '../names.js';

export const coreV1ProbeTypes: readonly TypeDecl[] = [
  object(CORE + 'Lifecycle', 'Actions run right after a container starts and right before it stops.', {
    postStart: ref(CORE + 'LifecycleHandler'),
    preStop: ref(CORE + 'LifecycleHandler'),
  }),
  object(CORE + 'Probe', 'A periodic check of a container, with its timing and thresholds.', {
    exec: ref(CORE + 'ExecAction'),
    failureThreshold: field(int32, 'Consecutive failures that count as failed.'),
    grpc: ref(CORE + 'GRPCAction'),
    httpGet: ref(CORE + 'HTTPGetAction'),
    initialDelaySeconds: field(int32, 'Seconds after start before the first check.'),
    periodSeconds: field(int32, 'Seconds between checks.'),
    successThreshold: field(int32, 'Consecutive successes that count as passed.'),
    tcpSocket: ref(CORE + 'TCPSocketAction'),
    terminationGracePeriodSeconds: int64,
    timeoutSeconds: field(int32, 'Seconds before one check times out.'),
  }),
  object(CORE + 'LifecycleHandler', 'One lifecycle action; exactly one kind may be set.', {
    exec: ref(CORE + 'ExecAction'),
    httpGet: ref(CORE + 'HTTPGetAction'),
    sleep: ref(CORE + 'SleepAction'),
    tcpSocket: ref(CORE + 'TCPSocketAction'),
  }),
  object(CORE + 'ExecAction', 'Runs a command inside the container.', {
    command: field(list(str), undefined, atomic),
  }),
  object(CORE + 'GRPCAction', 'Calls the gRPC health checking service.', {
    port: int32,
    service: str,
  }, { required: ['port'] }),
  object(CORE + 'HTTPGetAction', 'Sends an HTTP GET; a 2xx or 3xx status is success.', {
    host: str,
    httpHeaders: field(list(ref(CORE + 'HTTPHeader')), undefined, atomic),
    path: str,
    port: intOrString,
    scheme: str,
  }, { required: ['port'] }),
  object(CORE + 'TCPSocketAction', 'Opens a TCP connection; success if it connects.', {
    host: str,
    port: intOrString,
  }, { required: ['port'] }),
  object(CORE + 'SleepAction', 'Waits for a number of seconds.', {
    seconds: int64,
  }, { required: ['seconds'] }),
  object(CORE + 'HTTPHeader', 'One HTTP header.', {
    name: str,
    value: str,
  }, { required: ['name', 'value'] }),
];
