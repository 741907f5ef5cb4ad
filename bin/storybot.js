#!/usr/bin/env node
// storybot runs its TypeScript sources without a build step: from a bundle of them that is built on first use and
// kept in node_modules/.cache/storybot (src/engine/source-bundle.mjs), or through tsx when none can be built.
import { fileURLToPath } from 'node:url';

const prewarm = new URL('../src/engine/prewarm.mjs', import.meta.url);
// `storybot ask` answers in the story engine's worker thread: started first, it loads while this thread does.
if (process.argv[2] === 'ask') (await import(prewarm.href)).prewarmEngineWorker();

const { buildBundle, bundleOf } = await import('../src/engine/source-bundle.mjs');
const entry = fileURLToPath(new URL('../adapters/cli/main.ts', import.meta.url));
const bundle = bundleOf('cli', entry);
const built =
  bundle !== null &&
  (bundle.built ||
    (await buildBundle(bundle.url, entry, [fileURLToPath(prewarm)]).then(
      () => true,
      (error) => {
        process.stderr.write(`storybot: could not bundle the sources (${error instanceof Error ? error.message : String(error)}); running them through tsx\n`);
        return false;
      },
    )));
if (built) {
  await import(bundle.url.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../adapters/cli/main.ts');
}
