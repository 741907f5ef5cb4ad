// The story engine's worker starts here (see prewarm.mjs). Like bin/storybot.js it runs the TypeScript sources
// through tsx, and it registers tsx itself: a worker thread does not inherit the main thread's module loader
// (Node 20), whether the main thread is `node bin/storybot.js`, tsx or vitest.
import { register } from 'tsx/esm/api';

register();
await import('./engine-worker.ts');
