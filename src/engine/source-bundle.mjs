// storybot runs its TypeScript sources without a build step. Through tsx each thread starts a module-loader thread
// of its own and every module goes through it, which cost a `storybot ask` most of a second before any work began.
// So the sources are bundled by esbuild (the compiler tsx itself uses) into one folder of JavaScript per entry point,
// built once per version of the sources into node_modules/.cache/storybot/, and started from there; packages are
// imported as usual. Plain JavaScript, so that bin/storybot.js can use it before anything else has loaded.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const bundleDir = join(projectRoot, 'node_modules', '.cache', 'storybot');
const sourceFolders = ['src', 'adapters'].map((folder) => join(projectRoot, folder));
const require = createRequire(import.meta.url);

/**
 * The bundle of an entry point for the current sources: its URL, and whether it is already built (a built one is
 * marked as used). Its name is a hash of every source file and of the esbuild version (read without loading
 * esbuild). Null when there is no esbuild to build with.
 * @param {string} name
 * @param {string} entry
 * @returns {{ url: URL, built: boolean } | null}
 */
export function bundleOf(name, entry) {
  try {
    sourcesHash ??= hashOfSources();
    const hash = createHash('sha256').update(`${sourcesHash}\n${relative(projectRoot, entry)}\n`);
    const folder = join(bundleDir, `${name}-${hash.digest('hex').slice(0, 16)}`);
    const bundle = join(folder, 'index.mjs');
    const built = existsSync(bundle);
    if (built) utimesSync(folder, new Date(), new Date());
    return { url: pathToFileURL(bundle), built };
  } catch {
    return null;
  }
}

/** @type {string | null} */
let sourcesHash = null;

// Read once a process: the worker's bundle and the command line's are named after the same sources.
function hashOfSources() {
  const hash = createHash('sha256');
  for (const file of sourceFolders.flatMap(listSources)) hash.update(`${relative(projectRoot, file)}\n`).update(readFileSync(file));
  return hash.update(`esbuild ${JSON.parse(readFileSync(require.resolve('esbuild/package.json'), 'utf8')).version}\n`).digest('hex');
}

/**
 * Builds the bundle of an entry point at the URL {@link bundleOf} gave, and removes that entry's bundles of older
 * sources that went unused for a week.
 * Modules listed in `shared` stay outside the bundle, imported by their own URL, so that the bundle shares their
 * state with code loaded otherwise (bin/storybot.js's prewarmed worker).
 * @param {URL} url
 * @param {string} entry
 * @param {readonly string[]} [shared] absolute paths of the modules to leave out
 */
export async function buildBundle(url, entry, shared = []) {
  const folder = fileURLToPath(new URL('.', url));
  const name = /^(.*)-[0-9a-f]+$/.exec(relative(bundleDir, folder).replace(/[\\/]+$/, ''))?.[1] ?? 'bundle';
  const esbuild = require('esbuild');
  // Code behind a dynamic import goes to chunks of its own, loaded when it is: otherwise every package the program
  // may use (the chat platforms') would be loaded at every start.
  const result = await esbuild.build({
    entryPoints: { index: entry },
    bundle: true,
    splitting: true,
    write: false,
    outdir: folder,
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
    plugins: [moduleUrls(shared)],
  });
  // Written aside and renamed, so that processes building at once never read half a bundle.
  const temporary = `${folder.replace(/[\\/]+$/, '')}.${process.pid}.tmp`;
  rmSync(temporary, { recursive: true, force: true });
  mkdirSync(temporary, { recursive: true });
  for (const file of result.outputFiles) writeFileSync(join(temporary, relative(folder, file.path)), file.contents);
  try {
    renameSync(temporary, folder);
  } catch (error) {
    // Another process built the same bundle first.
    rmSync(temporary, { recursive: true, force: true });
    if (!existsSync(fileURLToPath(url))) throw error;
  }
  // Bundles of older sources go once unused for a week: a bot started from one a while ago may still need it to
  // restart its worker, and starting from a bundle marks it as used (see bundleOf).
  const weekAgo = Date.now() - 7 * 86_400_000;
  for (const other of readdirSync(bundleDir)) {
    const path = join(bundleDir, other);
    if (!other.startsWith(`${name}-`) || path === folder.replace(/[\\/]+$/, '')) continue;
    if (statSync(path).mtimeMs < weekAgo) rmSync(path, { recursive: true, force: true });
  }
}

// Each module keeps its own import.meta.url in the bundle (the saved index's code fingerprint reads the sources
// next to its module), and the shared modules are left out.
function moduleUrls(shared) {
  const sharedPaths = new Set(shared);
  return {
    name: 'storybot-module-urls',
    setup(builder) {
      builder.onResolve({ filter: /\.mjs$/ }, (args) => {
        const path = join(args.resolveDir, args.path);
        return sharedPaths.has(path) ? { path: pathToFileURL(path).href, external: true } : undefined;
      });
      builder.onLoad({ filter: /\.(?:ts|mjs)$/ }, async (args) => {
        const text = await readFile(args.path, 'utf8');
        return { contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: args.path.endsWith('.ts') ? 'ts' : 'js' };
      });
    },
  };
}

function listSources(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...listSources(path));
    else if (/\.(?:ts|mts|mjs|js|json)$/.test(entry.name)) found.push(path);
  }
  return found;
}
