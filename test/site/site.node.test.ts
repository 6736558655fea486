// Node tests of a site of several articles, built from the fixture blog by buildSite(), as
// `reader-edition build --articles DIR --out DIR` builds it: the index, the links between
// articles, the manifest, pictures written but not precached.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { access, mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSite, type BuildReport } from '../../generator/build-site.ts';
import { fileSize } from '../../src/file-size.ts';
import { wordsFor } from '../../src/words/tables.ts';
import { parse } from './publisher-folder.node.ts';

const FRENCH_UNITS = wordsFor('fr').firstUse.offline;

const BLOG = 'test/fixtures/articles/blog';
let out = '';
let report: BuildReport;

before(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'reader-edition-site-'));
  report = await buildSite({ out, articles: BLOG, audio: false });
});
after(() => rm(out, { recursive: true, force: true }));

const page = (name: string) => readFile(path.join(out, name), 'utf8');

test('every published article has its page, and the draft none', async () => {
  const files = (await readdir(out)).filter((f) => f.endsWith('.html') && f !== 'offline.html').sort();
  assert.deepEqual(files, [
    'borrowing-in-rust.html',
    'index.html',
    'notes-on-lists.html',
    'un-article-en-francais.html',
  ]);
});

test('the index lists each article newest first: title link, author, date, reading time, description', async () => {
  const html = await page('index.html');
  assert.match(html, /<title>Field Notes<\/title>/);
  assert.match(html, /<link rel="canonical" href="https:\/\/notes\.example\.org\/">/);
  assert.match(html, /<main id="main" class="site-index" tabindex="-1">\n<h1>Field Notes<\/h1>/);
  const titles = [...html.matchAll(/<h2 id="article-[^"]+"[^>]*><a href="\.\/([^"]+)">([^<]+)<\/a><\/h2>/g)].map(
    (m) => `${m[1]} ${m[2]}`,
  );
  assert.deepEqual(titles, [
    'borrowing-in-rust.html Borrowing in Rust, gently',
    'notes-on-lists.html Notes on lists, kept by hand',
    'un-article-en-francais.html Lire à voix haute',
  ]);
  // The dots between the parts are for the eye: screen readers would say "middle dot".
  assert.match(
    html,
    /By <span lang="en">Ada Fernsby and Tomás Okafor<\/span><span aria-hidden="true"> · <\/span><time datetime="2024-05-31">May 31, 2024<\/time><span aria-hidden="true"> · <\/span>1 min read/,
  );
  // The French entry keeps its language for its title and description.
  assert.match(html, /<h2 id="article-un-article-en-francais" lang="fr" dir="ltr">/);
  assert.match(html, /<p lang="fr" dir="ltr">Pourquoi écouter un article change la façon de le comprendre\.<\/p>/);
  // Nothing to read aloud on the index itself.
  assert.doesNotMatch(html, /<read-aloud-player>/);
});

test('each article links back to the index and to the articles either side', async () => {
  const middle = await page('notes-on-lists.html');
  assert.match(middle, /<nav class="article-nav" aria-label="More articles">/);
  assert.match(middle, /<a href="\.\/">All articles<\/a>/);
  assert.match(
    middle,
    /<a href="\.\/borrowing-in-rust\.html" rel="prev">Previous: <span lang="en">Borrowing in Rust, gently<\/span><\/a>/,
  );
  assert.match(
    middle,
    /<a href="\.\/un-article-en-francais\.html" rel="next">Next: <span lang="fr">Lire à voix haute<\/span><\/a>/,
  );
  assert.match(middle, /<p class="site-name"><a href="\.\/">Field Notes<\/a><\/p>/);
  // A title read cleanly: a comma, which screen readers do not speak, and no "·".
  assert.match(middle, /<title>Notes on lists, kept by hand, Field Notes<\/title>/);
  assert.match(middle, /<link rel="canonical" href="https:\/\/notes\.example\.org\/notes-on-lists\.html">/);
  const first = await page('borrowing-in-rust.html');
  assert.doesNotMatch(first, /rel="prev"/);
  assert.match(first, /rel="next"/);
});

test('a French article carries its language and direction', async () => {
  const html = await page('un-article-en-francais.html');
  assert.match(html, /<html lang="fr" dir="auto">/);
  assert.match(html, /<article class="article" lang="fr" dir="ltr">/);
});

test('the manifest names the site and starts at the index', async () => {
  const manifest = JSON.parse(await page('manifest.webmanifest'));
  assert.equal(manifest.name, 'Field Notes');
  assert.equal(manifest.short_name, 'Field Notes');
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.lang, 'en');
  assert.equal(manifest.description, "Short posts on programming and reading, written for the edition's tests.");
});

test('pictures are written, but neither they nor the articles’ pages are in the first-visit precache', async () => {
  const images = await readdir(path.join(out, 'assets/images'));
  assert.ok(
    images.some((f) => f.endsWith('.avif')) &&
      images.some((f) => f.endsWith('.jpg')) &&
      images.some((f) => f.endsWith('.png')),
  );
  const html = await page('borrowing-in-rust.html');
  for (const [, url] of html.matchAll(/(?:src|srcset)="\.\/([^" ]+)/g)) await access(path.join(out, url));
  const sw = await page('sw.js');
  const urls = (JSON.parse(/\[\{"revision"[^\]]*\]/.exec(sw)?.[0] ?? '[]') as { url: string }[]).map((e) => e.url);
  assert.ok(urls.includes('index.html'));
  assert.deepEqual(
    urls.filter((u) => u.startsWith('assets/images/') || /^(borrowing|notes|un-)/.test(u)),
    [],
  );
});

test('each article’s book is written beside its page, offered there and on the index with its size, and not precached', async () => {
  const index = parse(await page('index.html'));
  for (const [name, words] of [
    ['borrowing-in-rust', 'Download as an e-book (EPUB, SIZE)'],
    ['notes-on-lists', 'Download as an e-book (EPUB, SIZE)'],
    ['un-article-en-francais', 'Télécharger le livre numérique (EPUB, SIZE)'],
  ]) {
    const offer = parse(await page(`${name}.html`)).querySelector('article .book-link[data-edition] a');
    // Named by its content, so a copy kept offline is never an older build's.
    const file = offer?.getAttribute('href')?.replace(/^\.\//, '') ?? '';
    assert.match(file, new RegExp(`^${name}-[0-9A-F]{8}\\.epub$`));
    const book = await readFile(path.join(out, file));
    // The container's first entry: "mimetype", stored, no extra field, then its content (EPUB's OCF).
    assert.equal(book.subarray(30, 58).toString('latin1'), 'mimetypeapplication/epub+zip', name);
    assert.equal(report.files.find((f) => f.path === file)?.bytes, book.length, name);
    // The report weighs each book, its pictures apart (borrowing-in-rust has them; no book is narrated here).
    const figures = report.figures.books.find((b) => b.file === file);
    assert.ok(figures, name);
    assert.equal(figures.bytes, book.length);
    assert.equal(figures.narration, 0);
    assert.equal(figures.pictures > 0, name === 'borrowing-in-rust', name);
    assert.equal(figures.rest, book.length - figures.pictures);
    // Without an audio edition (audio: false), a text-only book, said so; its size in the article's words.
    const french = name === 'un-article-en-francais';
    const size = fileSize(book.length, french ? FRENCH_UNITS : undefined, french ? 'fr' : 'en');
    assert.deepEqual(
      [offer?.getAttribute('href'), offer?.getAttribute('download'), offer?.getAttribute('type'), offer?.textContent],
      [`./${file}`, `${name}.epub`, 'application/epub+zip', words.replace('SIZE', size)],
    );
    // On the index, in the list's words (English), as the book of its entry's article.
    const listed = index.querySelector(`a[href="./${file}"]`);
    assert.equal(listed?.textContent, `Download as an e-book (EPUB, ${fileSize(book.length)})`);
    assert.equal(
      index.getElementById(listed?.getAttribute('aria-describedby') ?? '')?.closest('.index-entry'),
      listed?.closest('.index-entry'),
    );
  }
  assert.deepEqual(
    (await precached()).filter((u) => u.endsWith('.epub')),
    [],
  );
});

/** The precache list Workbox injected into sw.js. */
const precached = async () =>
  (JSON.parse(/\[\{"revision"[^\]]*\]/.exec(await page('sw.js'))?.[0] ?? '[]') as { url: string }[]).map((e) => e.url);

test('the page for an article never kept offline is precached, says so, and leads to the kept ones', async () => {
  const html = await page('offline.html');
  assert.ok((await precached()).includes('offline.html'));
  assert.match(html, /<title>Not available offline, Field Notes<\/title>/);
  assert.match(html, /<meta name="robots" content="noindex">/);
  assert.match(
    html,
    /<h1>Not available offline<\/h1>\n<p>You are offline, and this article was not kept on this device, so it cannot be shown until you are back online\.<\/p>/,
  );
  // The kept articles are listed from the cache at run time; without script, the index marks them.
  assert.match(
    html,
    /<kept-articles><\/kept-articles>\n<p><a href="\.\/">All articles<\/a>: the list says which are available offline\.<\/p>/,
  );
  assert.doesNotMatch(html, /<read-aloud-player>/);
  // Its name is the one the worker serves (src/service-worker/kept-caches.ts).
  const { NOT_KEPT_PAGE } = await import('../../generator/site.ts');
  assert.match(
    await readFile('src/service-worker/kept-caches.ts', 'utf8'),
    new RegExp(`export const NOT_KEPT_PAGE = '${NOT_KEPT_PAGE}';`),
  );
});

test('the index marks each entry for "Available offline", and articles offer to keep themselves', async () => {
  const index = await page('index.html');
  for (const name of ['borrowing-in-rust', 'notes-on-lists', 'un-article-en-francais']) {
    assert.match(index, new RegExp(`min read<kept-mark href="\\./${name}\\.html"></kept-mark></p>`), name);
  }
  assert.match(await page('notes-on-lists.html'), /<offline-status page="article"><\/offline-status>/);
  assert.match(index, /<offline-status><\/offline-status>/);
});

test('the build’s report lists each file it wrote with its size, its figures, and the draft it left out', async () => {
  for (const name of ['index.html', 'borrowing-in-rust.html', 'sw.js']) {
    assert.equal(report.files.find((f) => f.path === name)?.bytes, (await stat(path.join(out, name))).size, name);
  }
  assert.ok(report.files.some((f) => f.path.startsWith('assets/images/')));
  assert.deepEqual(
    report.diagnostics.filter((d) => d.severity === 'note').map((d) => [d.rule, d.file, d.line]),
    [['draft', `${BLOG}/an-unfinished-post.md`, 1]],
  );
  assert.equal(report.figures.precache.count, (await precached()).length);
  const { firstVisit, beforeInteraction } = report.figures;
  assert.ok(firstVisit.gzipBytes > 0 && firstVisit.gzipBytes <= firstVisit.budgetBytes);
  assert.equal(beforeInteraction.files.at(-1), 'sw.js');
  assert.deepEqual(report.figures.audio, { editions: [] });
});

test('the site credits what it ships: each bundled package with its licence field and licence text', async () => {
  const notices = await page('third-party-notices.txt');
  const credited = [...notices.matchAll(/^(\S+) (\d+\.\d+\.\d+)\nLicence: (.+)$/gm)].map((m) => `${m[1]} ${m[3]}`);
  for (const expected of [
    'lit BSD-3-Clause',
    'lit-html BSD-3-Clause',
    'workbox-precaching MIT',
    '@fontsource/opendyslexic OFL-1.1',
    '@fontsource/atkinson-hyperlegible OFL-1.1',
    '@readium/speech BSD-3-Clause',
  ]) {
    assert.ok(credited.includes(expected), `${expected} is not credited (credited: ${credited.join(', ')})`);
  }
  // Each with its own licence text, not only the field.
  assert.match(notices, /Copyright \(c\) \d{4}.*Google LLC/i);
  assert.match(notices, /SIL OPEN FONT LICENSE/i);
  assert.ok(report.files.some((file) => file.path === 'third-party-notices.txt'));
});
