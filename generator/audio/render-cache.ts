// Rendered audio kept between builds, outside dist/, keyed by everything that shapes it: the
// spoken script, the engine and voice, the pauses and encoder settings, and the code that
// renders. An unchanged article is not synthesized again; any change renders anew.
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Span } from './timeline.ts';

/** Beside other tools' caches, ignored by git with node_modules; removing it only costs time. */
export const DEFAULT_CACHE_DIR = 'node_modules/.cache/reader-edition-audio';

/** Renders kept per article: enough for a build that alternates between a few versions (as the tests do). */
const KEPT_PER_ARTICLE = 3;

interface CachedRender {
  /** The encoded programme, without ID3 tags. */
  mp3: Uint8Array;
  timeline: { sampleRate: number; samples: number; spans: Span[]; renderSeconds: number };
}

/** The key of a render described by `value` (anything JSON can carry). */
export const cacheKey = (value: unknown): string =>
  createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 32);

/** The render under `key`, if kept; `name` is the article's (its page), so each keeps its own recent renders. */
export async function readRender(dir: string, name: string, key: string): Promise<CachedRender | undefined> {
  const entry = path.join(dir, `${name}.${key}`);
  try {
    const [mp3, timeline] = await Promise.all([
      readFile(path.join(entry, 'audio.mp3')),
      readFile(path.join(entry, 'timeline.json'), 'utf8'),
    ]);
    const now = new Date();
    await utimes(entry, now, now); // recently used, so kept
    // The timeline is as writeRender wrote it, under a key that names the code that shaped it.
    return {
      mp3: new Uint8Array(mp3.buffer, mp3.byteOffset, mp3.length),
      timeline: JSON.parse(timeline) as CachedRender['timeline'],
    };
  } catch {
    return undefined;
  }
}

/**
 * Stores a render (written aside, then renamed, so a build stopped midway leaves no half
 * entry), then forgets this article's older renders beyond the few most recent. Builds may run
 * side by side (the test runner builds fixture sites for two browsers at once; a publisher may
 * build while the tests run), so the aside folder is unique, and an entry another build stored
 * first is kept as it is: its key names the render, so it is this one. An entry is never removed
 * in place, where another build could be renaming into it.
 */
export async function writeRender(dir: string, name: string, key: string, render: CachedRender): Promise<void> {
  const entry = path.join(dir, `${name}.${key}`);
  await mkdir(dir, { recursive: true });
  const partial = await mkdtemp(`${entry}${ASIDE}`);
  await writeFile(path.join(partial, 'audio.mp3'), render.mp3);
  await writeFile(path.join(partial, 'timeline.json'), JSON.stringify(render.timeline));
  if (!(await moved(partial, entry))) {
    if (await readRender(dir, name, key)) await rm(partial, { recursive: true, force: true });
    else {
      // Damaged outside the build (a file removed by hand): set it aside, then store this one.
      const damaged = `${entry}${ASIDE}damaged-${randomUUID()}`;
      await rename(entry, damaged).catch(() => {});
      if (!(await moved(partial, entry))) await rm(partial, { recursive: true, force: true });
      await rm(damaged, { recursive: true, force: true });
    }
  }

  const mine = (await readdir(dir)).filter((n) => n.startsWith(`${name}.`) && !n.includes(ASIDE));
  const aged = await Promise.all(
    mine.map(async (n) => ({ n, time: (await stat(path.join(dir, n)).catch(() => undefined))?.mtimeMs ?? 0 })),
  );
  aged.sort((a, b) => b.time - a.time);
  for (const { n } of aged.slice(KEPT_PER_ARTICLE)) await rm(path.join(dir, n), { recursive: true, force: true });
}

/** In an entry's name, what marks a folder being written or set aside, never read as an entry. */
const ASIDE = '.partial-';

/** Renames a whole folder into place; false where an entry is there already (stored by another build). */
async function moved(from: string, to: string): Promise<boolean> {
  try {
    await rename(from, to);
    return true;
  } catch (error) {
    if (isCode(error, 'ENOTEMPTY') || isCode(error, 'EEXIST')) return false;
    await rm(from, { recursive: true, force: true });
    throw error;
  }
}

const isCode = (error: unknown, code: string) => error instanceof Error && 'code' in error && error.code === code;
