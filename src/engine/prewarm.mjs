// Starting the story engine's worker thread, in plain JavaScript so that bin/storybot.js can start one before the
// rest of the program has loaded: `storybot ask` then loads the story while the main thread starts. The worker runs
// from a bundle of the sources (see source-bundle.mjs); when none can be built, it registers tsx itself
// (worker-entry.mjs), since a worker thread does not share the main thread's module loader.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { buildBundle, bundleOf } from './source-bundle.mjs';

const workerSource = fileURLToPath(new URL('./engine-worker.ts', import.meta.url));
const tsxEntry = new URL('./worker-entry.mjs', import.meta.url);

/** @type {{ url: URL, built: boolean } | null} */
let entry = null;
/** @type {Promise<URL> | null} */
let building = null;
/** @type {{ ready: Promise<Worker | null>, failed: boolean } | null} */
let prewarmed = null;

/** Where the worker starts: the bundle of the current sources, built if need be, or else the tsx entry. */
export async function engineWorkerEntry() {
  entry ??= bundleOf('engine-worker', workerSource) ?? { url: tsxEntry, built: true };
  if (entry.built) return entry.url;
  const { url } = entry;
  building ??= buildBundle(url, workerSource).then(
    () => (entry = { url, built: true }).url,
    () => (entry = { url: tsxEntry, built: true }).url,
  );
  return building;
}

/** Starts a worker that waits for its `{ init }` message. */
export async function startEngineWorker() {
  const url = await engineWorkerEntry();
  // A bundle removed since this process started (a week unused) leaves tsx to start the worker.
  return workerAt(url.protocol === 'file:' && !existsSync(url) ? tsxEntry : url);
}

function workerAt(url) {
  // Loader flags of the main thread's (tsx's) are left out: the worker needs none, or registers tsx itself.
  const execArgv = process.execArgv.filter(
    (arg, i, all) => !/tsx/.test(arg) && !(/^--(?:import|require|loader|experimental-loader)$/.test(arg) && /tsx/.test(all[i + 1] ?? '')),
  );
  // A roomier young generation: loading a saved index makes millions of short-lived objects.
  return new Worker(url, { execArgv, resourceLimits: { maxYoungGenerationSizeMb: 96 } });
}

/** Starts a worker now, for the next story engine to take; it does not keep the process running by itself. */
export function prewarmEngineWorker() {
  if (prewarmed !== null) return;
  const held = { ready: Promise.resolve(null), failed: false };
  // With the bundle already built the worker starts at once, before this thread goes on loading the program.
  entry ??= bundleOf('engine-worker', workerSource) ?? { url: tsxEntry, built: true };
  const starting = entry.built ? Promise.resolve(workerAt(entry.url)) : startEngineWorker();
  held.ready = starting.then(
    (worker) => {
      // Until an engine takes it, a failure is only noted: the engine then starts a worker of its own.
      worker.on('error', () => (held.failed = true));
      worker.on('exit', () => (held.failed = true));
      worker.unref();
      return worker;
    },
    () => {
      held.failed = true;
      return null;
    },
  );
  prewarmed = held;
}

/** The worker started by {@link prewarmEngineWorker}, if there is one and it is still running; taken once. */
export async function takePrewarmedWorker() {
  const held = prewarmed;
  prewarmed = null;
  if (held === null) return null;
  const worker = await held.ready;
  if (worker === null) return null;
  worker.removeAllListeners();
  if (held.failed) {
    void worker.terminate();
    return null;
  }
  return worker;
}
