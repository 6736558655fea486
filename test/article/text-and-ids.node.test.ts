// Node tests of an article's text and ids as a publisher's sources make them: bytes that are
// not UTF-8, control characters no editor shows, headings of emoji alone, empty, repeated or
// named like the page's own parts, pictures whose names need escaping in a URL. Each says what
// it says with file and line, and the page parses with every id once and every name non-empty.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { renderArticle } from '../../generator/article/article.ts';
import { PAGE_IDS, renderPage } from '../../generator/page/page.ts';
import { loadSite } from '../../generator/site.ts';
import { inTempFolder, PAGE_ASSETS, parse, said, unchanged } from '../site/publisher-folder.node.ts';

const MISTAKES = 'test/fixtures/publisher-mistakes';

test('a source saved as Latin-1 is read as Windows-1252, with a warning quoting the first line it changed', async () => {
  const latin1 = Buffer.from(
    '---\ntitle: Un café\nlang: fr\n---\n\nQuelques mots à lire.\n\n## Déjà lu\n\nFin.\n',
    'latin1',
  );
  await inTempFolder({ files: { 'cafe.md': latin1 } }, async (dir) => {
    const { pages, warnings } = await loadSite(dir);
    assert.deepEqual(said(warnings, dir), [
      'cafe.md:2: warning: not UTF-8: read as Windows-1252 (Latin-1), which makes this line “title: Un café”; if it does not read right, save the file as UTF-8',
    ]);
    const page = parse(renderPage(pages[0].article, PAGE_ASSETS));
    assert.equal(page.querySelector('h1')?.textContent, 'Un café');
    assert.equal(page.querySelector('article h2')?.textContent, 'Déjà lu');
    assert.doesNotMatch(page.body.textContent ?? '', /\uFFFD/);
  });
});

test('a source saved as UTF-16 is read as such, with a warning', async () => {
  const text = '---\ntitle: Ünïcode\n---\n\nText.\n';
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  await inTempFolder({ files: { 'wide.md': utf16 } }, async (dir) => {
    const { pages, warnings } = await loadSite(dir);
    assert.deepEqual(said(warnings, dir), [
      'wide.md:1: warning: saved as UTF-16LE: read as such; save it as UTF-8, which every tool reads',
    ]);
    assert.equal(pages[0].article.meta.title, 'Ünïcode');
  });
});

test('control characters are removed, with a warning naming each and its lines', async () => {
  const source =
    '---\ntitle: A bell\u0007\n---\n\nA line with an escape\u001b[1m in it.\n\nAnother\u0007 bell, and a tab\tkept.\n';
  const { meta, html, warnings } = await renderArticle(source, 'bell.md');
  assert.deepEqual(said(warnings, '.'), [
    'bell.md:2: warning: control characters removed, which no editor shows and no reader should meet: U+0007 (lines 2, 7), U+001B (line 5)',
  ]);
  assert.equal(meta.title, 'A bell');
  assert.equal(html, '<p>A line with an escape[1m in it.</p>\n<p>Another bell, and a tab\tkept.</p>\n');
});

test('heading ids are unique, never empty, and never one the page or the notes use; an empty heading is a warning at its line', async () => {
  const file = `${MISTAKES}/heading-ids/index.md`;
  const article = await unchanged(path.dirname(file), async () => renderArticle(await readFile(file, 'utf8'), file));
  assert.deepEqual(said(article.warnings, '.'), [
    `${file}:15: warning: this heading ("##") has no words, so it is left out; give it some, or remove it`,
  ]);
  assert.deepEqual(
    article.sections.map((s) => `${s.id} ${s.text}`),
    [
      'section 🎉',
      'section-1 🎈',
      'footnotes-1 Footnotes',
      'article-1 Article',
      'fn1-1 fn1',
      'repeated Repeated',
      'repeated-1 Repeated',
      'footnotes Notes',
    ],
  );
  const page = parse(renderPage(article, PAGE_ASSETS, '{"entries":[]}', {}));
  const ids = [...page.querySelectorAll('[id]')].map((element) => element.id);
  assert.deepEqual(
    ids.filter((id, i) => ids.indexOf(id) !== i),
    [],
    'no id twice',
  );
  assert.ok(!ids.includes(''), 'no empty id');
  // Each contents link reaches the heading it names, and has a name.
  for (const link of page.querySelectorAll('.toc a')) {
    const target = page.getElementById((link.getAttribute('href') ?? '').slice(1));
    assert.ok(target && /^H[23]$/.test(target.tagName), link.outerHTML);
    assert.equal(target.textContent, link.textContent);
    assert.notEqual(link.textContent?.trim(), '');
  }
  // Every id the page gives its own parts is one headings keep clear of.
  const own = [...page.querySelectorAll('[id]')].filter((element) => !element.closest('article > section'));
  assert.deepEqual(
    own.map((element) => element.id).filter((id) => !PAGE_IDS.includes(id)),
    [],
  );
  // The page's own parts keep theirs: the skip link reaches the main region, the notes' heading is the notes'.
  assert.equal(page.getElementById('article')?.tagName, 'MAIN');
  assert.equal(page.getElementById('footnotes')?.textContent, 'Notes');
  assert.equal(page.getElementById('fn1')?.tagName, 'LI');
  // No empty heading is left in the outline.
  assert.deepEqual(
    [...page.querySelectorAll('article h2, article h3')].filter((h) => h.textContent?.trim() === ''),
    [],
  );
});

test('a picture whose name needs escaping in a URL ("50% off.png") is found and published under a safe name', async () => {
  const picture = await readFile('test/fixtures/articles/offline/a-walk-by-the-canal/canal.png');
  const source =
    '---\ntitle: Sale\n---\n\n![Half off](<50% off.png>)\n\nAnd as HTML: <img src="50% off.png" alt="Half off again">\n';
  await inTempFolder({ files: { '50% off.png': picture, 'sale.md': source } }, async (dir) => {
    const { pages, warnings } = await loadSite(dir);
    assert.deepEqual(warnings, []);
    const files = pages[0].article.files.map((f) => f.path);
    assert.ok(
      files.length > 0 && files.every((f) => /^assets\/images\/50-off-[0-9a-f]{10}(-\d+)?\.\w+$/.test(f)),
      files.join('\n'),
    );
    const page = parse(pages[0].article.html);
    assert.deepEqual(
      [...page.querySelectorAll('img')].map((img) => img.getAttribute('alt')),
      ['Half off', 'Half off again'],
    );
  });
});
