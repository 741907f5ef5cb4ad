import type { Worker } from 'node:worker_threads';

/** Where the worker starts: the bundle of the current sources, built if need be, or else the tsx entry. */
export function engineWorkerEntry(): Promise<URL>;
/** Starts a story engine worker that waits for its `{ init }` message. */
export function startEngineWorker(): Promise<Worker>;
/** Starts a worker now, for the next story engine to take; it does not keep the process running by itself. */
export function prewarmEngineWorker(): void;
/** The worker started by {@link prewarmEngineWorker}, if there is one and it is still running; taken once. */
export function takePrewarmedWorker(): Promise<Worker | null>;
