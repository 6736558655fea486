// What the tests of a publisher's folder share: the folder as it was (to show the build changed
// nothing in it), a folder written for a case that cannot be a committed file (a dangling
// link, bytes that are not UTF-8), built HTML parsed as a browser would, and the one error a
// mistake stops the build with.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { ArticleSourceError, type Diagnostic } from '../../generator/diagnostics.ts';

/** Every entry under a folder, links not followed: a file with the hash of its bytes, a link with where it points. */
export async function snapshot(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  const lines = await Promise.all(
    entries.map(async (name) => {
      const file = path.join(dir, name);
      const stats = await lstat(file);
      if (stats.isSymbolicLink()) return `${name} -> ${await readlink(file)}`;
      if (stats.isDirectory()) return `${name}/`;
      return `${name} ${createHash('sha256')
        .update(await readFile(file))
        .digest('hex')} ${stats.mtimeMs}`;
    }),
  );
  return lines.sort();
}

/** Runs a check with a folder as `snapshot` saw it before, and asserts it is the same after. */
export async function unchanged<T>(dir: string, check: () => Promise<T>): Promise<T> {
  const before = await snapshot(dir);
  try {
    return await check();
  } finally {
    assert.deepEqual(await snapshot(dir), before, `${dir} changed`);
  }
}

export interface FolderSpec {
  /** Files by path, as text or bytes. */
  files?: Record<string, string | Uint8Array>;
  /** Symbolic links by path, to where they point (as written in the link). */
  links?: Record<string, string>;
}

/** Writes a folder in the system's temporary folder, runs a check in it (the folder unchanged), and removes it. */
export async function inTempFolder<T>({ files = {}, links = {} }: FolderSpec, check: (dir: string) => Promise<T>) {
  const dir = await mkdtemp(path.join(tmpdir(), 'reader-edition-folder-'));
  try {
    for (const [name, body] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await writeFile(path.join(dir, name), body);
    }
    for (const [name, target] of Object.entries(links)) {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await symlink(target, path.join(dir, name));
    }
    return await unchanged(dir, () => check(dir));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** HTML as a browser's parser reads it. */
export const parse = (html: string): Document => new JSDOM(html).window.document;

/** What a page needs of the edition's assets to be rendered in a test. */
export const PAGE_ASSETS = { script: './main.js', headSnippet: '' };

/** Rejects with an ArticleSourceError at `file:line` of `rule`, saying `message`. */
export async function rejectsAt(
  promise: Promise<unknown>,
  file: string,
  line: number,
  rule: string,
  message: RegExp,
): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof ArticleSourceError, String(error));
    assert.equal(`${error.diagnostic.file}:${error.diagnostic.line}`, `${file}:${line}`);
    assert.equal(error.diagnostic.rule, rule);
    assert.match(error.diagnostic.message, message);
    assert.ok(error.message.startsWith(`${file}:${line}: `), error.message);
    return true;
  });
}

/** The diagnostics of one rule, as `file:line: severity: message` with the folder left out of the file. */
export const said = (diagnostics: Diagnostic[], dir: string, rule?: string): string[] =>
  diagnostics
    .filter((d) => rule === undefined || d.rule === rule)
    .map((d) => `${path.relative(dir, d.file) || d.file}:${d.line}: ${d.severity}: ${d.message}`);
