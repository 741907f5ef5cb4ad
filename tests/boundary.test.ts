import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((match) => match[1] ?? match[2]!);
}

describe('the story core', () => {
  const files = sourceFiles(join(root, 'src'));

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it('imports no chat platform library and nothing from adapters/', () => {
    const offending = files.flatMap((file) =>
      importsOf(file)
        .filter((specifier) => /^(?:discord\.js|@discordjs\/|@slack\/)/.test(specifier) || specifier.includes('adapters/'))
        .map((specifier) => `${relative(root, file)} imports ${specifier}`),
    );
    expect(offending).toEqual([]);
  });

  it('reads the environment only in src/config.ts', () => {
    const readers = files.filter((file) => /process\.env\b/.test(readFileSync(file, 'utf8'))).map((file) => relative(root, file));
    expect(readers).toEqual(['src/config.ts']);
  });

  it('imports MiniSearch in exactly one module', () => {
    const importers = [...files, ...sourceFiles(join(root, 'adapters'))]
      .filter((file) => importsOf(file).includes('minisearch'))
      .map((file) => relative(root, file));
    expect(importers).toEqual(['src/search/passage-index.ts']);
  });
});
