// The groundwork of the book's narration (docs/book.md, Media Overlays): each sentence of the
// spoken script, built from the page as the audio edition builds it, is found again in the
// article's own markup (`Article.html`, which the book is made from) by its written range, and
// becomes an element of the book's content document holding that sentence's written words.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JSDOM } from 'jsdom';
import { loadSite } from '../../generator/site.ts';
import { renderPage } from '../../generator/page/page.ts';
import { spokenScript } from '../../generator/audio/spoken-script.ts';
import type { PageAudio } from '../../generator/audio/page-audio.ts';
import { contentDocument } from '../../generator/book/content-document.ts';
import { BOOK_SITES } from './book-sources.node.ts';

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

/** Every fixture article and the seed, with its spoken script as the audio edition builds it. */
async function scripts() {
  const all = [];
  for (const dir of BOOK_SITES)
    for (const page of (await loadSite(dir)).pages) {
      const html = renderPage(page.article, { script: './main.js', headSnippet: '', audio: AUDIO }, page.lexicon);
      all.push({ page, script: await spokenScript(html, page.lexicon) });
    }
  return all;
}

const words = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

test("each spoken sentence's written range holds, in the article's own markup, the words it is read from", async () => {
  let sentences = 0;
  for (const { page, script } of await scripts()) {
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

test("in the book, each spoken sentence is an element of its own holding the sentence's written words", async () => {
  for (const { page, script } of await scripts()) {
    const content = contentDocument(page.article, { sentences: script.sentences.map((s) => s.range) });
    const document = new JSDOM(content.xhtml, { contentType: 'application/xhtml+xml' }).window.document;
    const ids = content.sentenceIds ?? [];
    assert.equal(ids.length, script.sentences.length, page.page);
    // One element per sentence (the script reads nothing twice, a nested list's items included).
    assert.equal(new Set(ids).size, ids.length, `${page.page}: a sentence shares its element`);
    for (const [index, id] of ids.entries()) {
      const element = document.getElementById(id);
      const { written, kind } = script.sentences[index];
      assert.ok(element, `${page.page}: #${id}`);
      if (kind === 'image') assert.equal(element.localName, 'img', `${page.page}: #${id}`);
      else if (kind === 'code') assert.equal(element.localName, 'pre', `${page.page}: #${id}`);
      else assert.equal(words(element.textContent), words(written), `${page.page}: #${id}`);
    }
    // Marking sentences changes no word of the book.
    assert.equal(
      words(document.body.textContent),
      words(
        new JSDOM(contentDocument(page.article).xhtml, { contentType: 'application/xhtml+xml' }).window.document.body
          .textContent,
      ),
      page.page,
    );
  }
});

test('a sentence that starts or ends inside an inline element splits it, its id kept on the first half', async () => {
  const [{ page }] = await scripts();
  const article = { ...page.article, html: '<p>One <em id="e" class="x">two. Three</em> four.</p>' };
  const content = contentDocument(article, {
    sentences: [
      { element: 0, start: 0, end: 8 },
      { element: 0, start: 9, end: 20 },
    ],
  });
  assert.deepEqual(content.sentenceIds, ['s_1', 's_2']);
  assert.match(
    content.xhtml,
    /<p><span id="s_1">One <em id="e" class="x">two\.<\/em><\/span><em class="x"> <\/em><span id="s_2"><em class="x">Three<\/em> four\.<\/span><\/p>/,
  );
});

test('a sentence inside an inline element is marked inside it, which stays whole: a task list keeps its checkboxes labelled', async () => {
  const [{ page }] = await scripts();
  const article = {
    ...page.article,
    html: '<ul><li><label><input type="checkbox" disabled=""> Draft the <em>outline</em></label></li></ul>',
  };
  // The spoken script reads the list item, its words after the checkbox.
  const content = contentDocument(article, { sentences: [{ element: 1, start: 1, end: 18 }] });
  assert.deepEqual(content.sentenceIds, ['s_1']);
  assert.match(
    content.xhtml,
    /<li><label><input type="checkbox" disabled=""\/> <span id="s_1">Draft the <em>outline<\/em><\/span><\/label><\/li>/,
  );
});

test('a sentence that takes in a block is given the smallest element holding it', async () => {
  const [{ page }] = await scripts();
  const article = { ...page.article, html: '<ul><li>One <div>two</div> three.</li><li>Four.</li></ul>' };
  const content = contentDocument(article, {
    sentences: [
      { element: 1, start: 0, end: 14 },
      { element: 3, start: 0, end: 5 },
    ],
  });
  assert.deepEqual(content.sentenceIds, ['s_1', 's_2']);
  assert.match(content.xhtml, /<li id="s_1">One <div>two<\/div> three\.<\/li><li><span id="s_2">Four\.<\/span><\/li>/);
});
