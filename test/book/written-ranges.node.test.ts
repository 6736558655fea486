// The groundwork of the book's narration (docs/book.md, Media Overlays): each sentence of the
// spoken script, built from the page as the audio edition builds it, is found again in the
// article's own markup (`Article.html`, which the book is made from) by its written range.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JSDOM } from 'jsdom';
import { loadSite } from '../../generator/site.ts';
import { renderPage } from '../../generator/page/page.ts';
import { spokenScript } from '../../generator/audio/spoken-script.ts';
import type { PageAudio } from '../../generator/audio/page-audio.ts';

const SITES = [
  'test/fixtures/articles/blog',
  'test/fixtures/articles/archive',
  'test/fixtures/articles/audio',
  'test/fixtures/articles/offline',
  'assets/articles',
];

/** The audio links the page writes inside the article when there is an audio edition. */
const AUDIO: PageAudio = {
  src: './assets/audio/a.mp3',
  type: 'audio/mpeg',
  bytes: 1000,
  seconds: 60,
  cues: './assets/audio/a.vtt',
  chapters: './assets/audio/a-chapters.vtt',
  voice: 'slt',
  download: 'a.mp3',
};

test("each spoken sentence's written range holds, in the article's own markup, the words it is read from", async () => {
  let sentences = 0;
  for (const dir of SITES)
    for (const page of (await loadSite(dir)).pages) {
      const html = renderPage(page.article, { script: './main.js', headSnippet: '', audio: AUDIO }, page.lexicon);
      const script = await spokenScript(html, page.lexicon);
      const elements = [...JSDOM.fragment(page.article.html).querySelectorAll('*')];
      for (const { range, written } of script.sentences) {
        const text = range.element === 'title' ? page.article.meta.title : elements[range.element]?.textContent;
        assert.equal(text?.slice(range.start, range.end), written, `${page.page}: ${JSON.stringify(range)}`);
        sentences++;
      }
      assert.ok(
        script.sentences.some(({ range }) => range.element === 'title'),
        `${page.page}: the title is read`,
      );
    }
  assert.ok(sentences > 100, `${sentences} sentences`);
});
