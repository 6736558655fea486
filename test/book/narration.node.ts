// A narrated book's narration in a test: the page's audio edition as the build renders it, read
// by the fake engine of test/helpers/audio-files.node.ts (a tone per sentence, a real MP3).
import { mkdtemp, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SitePage } from '../../generator/site.ts';
import { renderPage } from '../../generator/page/page.ts';
import { renderAudioEdition } from '../../generator/audio/audio-edition.ts';
import type { Narration } from '../../generator/book/media-overlay.ts';
import { fakeEngine } from '../helpers/audio-files.node.ts';

/** The narration of an English article, rendered into `dir`; none for another language (the fake speaks English). */
export async function narrationOf(page: SitePage, dir: string): Promise<Narration | undefined> {
  const out = await mkdtemp(path.join(dir, 'site-'));
  const html = renderPage(page.article, { script: './main.js', headSnippet: '' }, page.lexicon);
  const edition = await renderAudioEdition({
    page,
    html,
    out,
    engine: fakeEngine(),
    album: 'Test edition',
    cacheDir: path.join(dir, 'audio-cache'),
    log: () => {},
  });
  if ('skipped' in edition) return undefined;
  return {
    cues: edition.cueList,
    ranges: edition.ranges,
    mp3: { name: path.basename(edition.mp3), body: await readFile(path.join(out, edition.mp3)) },
    narrator: edition.voice,
  };
}
