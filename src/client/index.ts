// The client library: what the scheduler, kubelets and controllers import to see the cluster.
export * from './client.js';
export * from './resources.js';
export * from './transport.js';
export { InProcessTransport, type RequestHandler } from './in-process-transport.js';
export { HttpTransport, type HttpTransportOptions } from './http-transport.js';
export * from './response-error.js';
export * from './object-key.js';
export { Informer, type EventHandlers, type InformerOptions } from './informer.js';
export { Lister, type CacheReader } from './lister.js';
export { WorkQueue, type WorkQueueOptions } from './work-queue.js';
export { ControllerExpectations, EXPECTATIONS_TIMEOUT_MS, type Expectation } from './expectations.js';
export { runController, type ControllerSpec, type ReconcileResult, type RunningController } from './run-controller.js';
export { EventRecorder, type EventType, type EventSourceInfo } from './event-recorder.js';
