// The narrated book (docs/book.md, Media Overlays), on every English fixture article and the
// seed, read by the fake engine: one <par> per sentence cue, each pointing at the element that
// holds that sentence's written words, its clip the cue itself, in order; the overlay's duration
// the sum of its clips; the MP3 the site's own, byte for byte.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { JSDOM } from 'jsdom';
import { loadSite, type Site, type SitePage } from '../../generator/site.ts';
import { renderPage } from '../../generator/page/page.ts';
import { spokenScript } from '../../generator/audio/spoken-script.ts';
import { makeBook } from '../../generator/book/book.ts';
import { contentDocument } from '../../generator/book/content-document.ts';
import { clockValue, mediaOverlay, narrationSeconds, type Narration } from '../../generator/book/media-overlay.ts';
import { packageDocument } from '../../generator/book/package-document.ts';
import { narrationOf } from './narration.node.ts';
import { BOOK_SITES } from './book-sources.node.ts';

let dir = '';
const narrated: { site: Site; page: SitePage; narration: Narration }[] = [];
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'reader-edition-narrated-'));
  for (const folder of BOOK_SITES) {
    const site = await loadSite(folder);
    for (const page of site.pages) {
      const narration = await narrationOf(page, dir);
      if (narration) narrated.push({ site, page, narration });
    }
  }
});
after(() => rm(dir, { recursive: true, force: true }));

const OPS = 'http://www.idpf.org/2007/ops';
const xml = (text: string): Document => new JSDOM(text, { contentType: 'application/xhtml+xml' }).window.document;
const words = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const seconds = (clock: string | null) => Number(/^([\d.]+)s$/.exec(clock ?? '')?.[1]);

/** The page's content document marked for its narration, and the overlay the book gives it. */
function overlayOf(page: SitePage, narration: Narration) {
  const content = contentDocument(page.article, { sentences: narration.ranges });
  const { sentenceIds = [], sentenceGroups = [] } = content;
  return {
    content,
    smil: xml(mediaOverlay(narration.cues, sentenceIds, sentenceGroups, `audio/${narration.mp3.name}`)),
  };
}

test('each spoken sentence has its <par>, pointing at the element of its written words, its clip its cue', async () => {
  assert.ok(narrated.length >= 8, `${narrated.length} narrated articles`);
  let grouped = 0;
  for (const { page, narration } of narrated) {
    const script = await spokenScript(
      renderPage(page.article, { script: './main.js', headSnippet: '' }, page.lexicon),
      page.lexicon,
    );
    const { content, smil } = overlayOf(page, narration);
    const document = xml(content.xhtml);
    const pars = [...smil.getElementsByTagName('par')];
    assert.equal(pars.length, narration.cues.length, `${page.page}: one <par> per cue`);
    assert.equal(pars.length, script.sentences.length, `${page.page}: one <par> per sentence`);
    let end = 0;
    for (const [index, par] of pars.entries()) {
      const where = `${page.page} ${par.id}`;
      const [text] = par.getElementsByTagName('text');
      const [audio] = par.getElementsByTagName('audio');
      const [file, id] = (text?.getAttribute('src') ?? '').split('#');
      assert.equal(file, 'article.xhtml', where);
      const element = document.getElementById(id ?? '');
      assert.ok(element, `${where}: #${id} exists`);
      const { written, kind } = script.sentences[index];
      if (kind !== 'image' && kind !== 'code')
        assert.ok(words(element.textContent).includes(words(written)), `${where}: holds "${written}"`);
      // A table's sentences, and each note's, in a <seq> of their own, which listeners can skip or escape.
      const group = element.closest('table, aside');
      const seq = par.parentElement;
      if (group) {
        grouped++;
        assert.equal(seq?.localName, 'seq', `${where}: in a <seq>`);
        assert.equal(seq?.getAttributeNS(OPS, 'type'), group.localName === 'table' ? 'table' : 'footnote', where);
        assert.equal(seq?.getAttributeNS(OPS, 'textref'), `article.xhtml#${group.id}`, where);
      } else assert.equal(seq?.localName, 'body', `${where}: in no <seq>`);
      assert.equal(audio?.getAttribute('src'), `audio/${narration.mp3.name}`, where);
      const begin = seconds(audio?.getAttribute('clipBegin') ?? null);
      const clipEnd = seconds(audio?.getAttribute('clipEnd') ?? null);
      const cue = narration.cues[index];
      assert.equal(begin, Math.round(cue.start * 1000) / 1000, `${where}: begins with its cue`);
      assert.equal(clipEnd, Math.round(cue.end * 1000) / 1000, `${where}: ends with its cue`);
      assert.ok(begin >= end && clipEnd > begin, `${where}: in order, not empty`);
      end = clipEnd;
    }
  }
  assert.ok(grouped > 0, 'the fixtures have sentences in tables and notes');
});

test('the overlay lasts the sum of its clips, said in the package, and the book carries the MP3 as it is', () => {
  for (const { site, page, narration } of narrated) {
    const { content, smil } = overlayOf(page, narration);
    const clips = [...smil.getElementsByTagName('audio')].reduce(
      (sum, audio) => sum + seconds(audio.getAttribute('clipEnd')) - seconds(audio.getAttribute('clipBegin')),
      0,
    );
    assert.equal(clockValue(clips), clockValue(narrationSeconds(narration.cues)), page.page);
    const context = { site: site.config, page: page.page, narration };
    const opf = xml(packageDocument(page.article, content, context));
    const durations = [...opf.querySelectorAll('meta[property="media:duration"]')].map((m) => [
      m.getAttribute('refines'),
      m.textContent,
    ]);
    assert.deepEqual(
      durations,
      [
        ['#overlay', clockValue(clips)],
        [null, clockValue(clips)],
      ],
      page.page,
    );
    const modes = [...opf.querySelectorAll('meta[property="schema:accessMode"]')].map((m) => m.textContent);
    assert.ok(modes.includes('auditory'), page.page);
    assert.ok(makeBook(page.article, context).includes(narration.mp3.body), `${page.page}: the MP3 as it is`);
  }
});

test('refuses to point a sentence nowhere: as many sentences marked in the text as narrated', () => {
  const cue = (id: string, start: number) => ({ id, start, end: start + 1, text: 'A sentence.' });
  assert.throws(
    () => mediaOverlay([cue('1', 0), cue('2', 2)], ['s_1'], [], 'audio/a.mp3'),
    /2 sentences are narrated but 1 are marked in the text/,
  );
});
