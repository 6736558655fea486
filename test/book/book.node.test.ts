// The accessible book (generator/book/): every fixture article's EPUB passes EPUBCheck with no
// error or warning, two builds give the same bytes, and the book holds the article as the page
// does, without the page's own machinery.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { JSDOM } from 'jsdom';
import { loadSite, type Site, type SitePage } from '../../generator/site.ts';
import { makeBook, makeNarratedBook } from '../../generator/book/book.ts';
import { contentDocument } from '../../generator/book/content-document.ts';
import { bookIdentifier, modified, packageDocument, UNDATED_MODIFIED } from '../../generator/book/package-document.ts';
import { epubcheck, printed } from './epubcheck.node.ts';
import { narrationOf } from './narration.node.ts';
import { BOOK_SITES } from './book-sources.node.ts';

const sites = new Map<string, Site>();
before(async () => {
  for (const dir of BOOK_SITES) sites.set(dir, await loadSite(dir));
});

const book = (site: Site, page: SitePage) =>
  makeBook(page.article, {
    site: site.config,
    page: page.page,
    pronunciations: page.pronunciations,
    passagePronunciations: page.passagePronunciations,
  });

function pageOf(dir: string, name: string): { site: Site; page: SitePage } {
  const site = sites.get(dir);
  const page = site?.pages.find((p) => p.page === name);
  assert.ok(site && page, `${dir} has ${name}`);
  return { site, page };
}

/** An XHTML document as an XML parser reads it: a document that is not well-formed throws. */
const xml = (text: string): Document => new JSDOM(text, { contentType: 'application/xhtml+xml' }).window.document;

const wordsOf = (text: string): string[] => text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));

describe('EPUBCheck', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'reader-edition-books-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test("finds no error and no warning in any fixture article's book, text only or narrated", async () => {
    const books: string[] = [];
    for (const [folder, site] of sites)
      for (const page of site.pages) {
        const name = path.join(dir, `${path.basename(folder)}-${page.page.replace(/\.html$/, '')}`);
        await writeFile(`${name}.epub`, book(site, page));
        // Narrated, with an audio edition the fake engine reads (English articles: the fake speaks English only).
        const narration = await narrationOf(page, dir);
        if (narration)
          await writeFile(
            `${name}-narrated.epub`,
            makeBook(page.article, {
              site: site.config,
              page: page.page,
              pronunciations: page.pronunciations,
              narration,
            }),
          );
        books.push(`${name}.epub`, ...(narration ? [`${name}-narrated.epub`] : []));
      }
    assert.ok(books.length >= 20, `${books.length} books`);
    const reports = await epubcheck(books);
    for (const file of books)
      assert.deepEqual(
        (reports.get(file) ?? []).filter((m) => m.severity !== 'INFO' && m.severity !== 'USAGE').map(printed),
        [],
        path.basename(file),
      );
  });
});

describe('the book', () => {
  test('is the same bytes at every build', async () => {
    const again = await loadSite('test/fixtures/articles/blog');
    const site = sites.get('test/fixtures/articles/blog');
    assert.ok(site);
    for (const page of site.pages) {
      const other = again.pages.find((p) => p.page === page.page);
      assert.ok(other);
      assert.ok(book(site, page).equals(book(again, other)), page.page);
    }
  });

  test('is made text only, saying why, when its narration cannot be matched to its text', () => {
    const { site, page } = pageOf('test/fixtures/articles/blog', 'notes-on-lists.html');
    const context = { site: site.config, page: page.page, pronunciations: page.pronunciations };
    // A sentence said to be in an element the article does not have.
    const narration = {
      cues: [{ id: '1', start: 0, end: 1, text: 'A sentence.' }],
      ranges: [{ element: 9999, start: 0, end: 11 }],
      mp3: { name: 'notes-on-lists.mp3', body: Buffer.from('ID3') },
      narrator: 'slt',
    };
    const made = makeNarratedBook(page.article, { ...context, narration });
    assert.equal(made.narrated, false);
    assert.match(made.unnarrated ?? '', /no element 9999 in the article for sentence 1/);
    assert.ok(made.book.equals(makeBook(page.article, context)), 'the text-only book');
    assert.deepEqual(makeNarratedBook(page.article, context), {
      book: makeBook(page.article, context),
      narrated: false,
    });
  });

  test('is the same bytes in every time zone', (t) => {
    const { site, page } = pageOf('test/fixtures/articles/blog', 'notes-on-lists.html');
    const zone = process.env.TZ;
    t.after(() => {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    });
    process.env.TZ = 'UTC';
    const utc = book(site, page);
    // Fourteen hours ahead of UTC: a ZIP date taken from UTC would fall on 1980-01-01 14:00 here.
    process.env.TZ = 'Pacific/Kiritimati';
    assert.ok(book(site, page).equals(utc));
  });

  test('has an identifier of its own, the same at every build', () => {
    const { site } = pageOf('test/fixtures/articles/blog', 'notes-on-lists.html');
    const id = bookIdentifier({ site: site.config, page: 'notes-on-lists.html' });
    assert.match(id, /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(bookIdentifier({ site: site.config, page: 'notes-on-lists.html' }), id);
    assert.notEqual(bookIdentifier({ site: site.config, page: 'borrowing-in-rust.html' }), id);
    assert.notEqual(
      bookIdentifier({ site: { ...site.config, baseUrl: 'https://another.example/' }, page: 'notes-on-lists.html' }),
      id,
    );
  });

  test("is modified when the article is dated, never at the build's time", () => {
    assert.equal(modified('2024-05-31'), '2024-05-31T00:00:00Z');
    assert.equal(modified('2024-03-02T08:30:00+01:00'), '2024-03-02T07:30:00Z');
    assert.equal(modified(undefined), UNDATED_MODIFIED);
    const { site, page } = pageOf('test/fixtures/articles/archive', 'notes-without-a-date.html');
    const opf = xml(
      packageDocument(page.article, contentDocument(page.article), { site: site.config, page: page.page }),
    );
    assert.equal(opf.querySelector('meta[property="dcterms:modified"]')?.textContent, UNDATED_MODIFIED);
    assert.equal(opf.getElementsByTagName('dc:date').length, 0);
  });

  test('declares what it offers: text, pictures with their alternatives, no narration', () => {
    const metadata = (dir: string, name: string) => {
      const { site, page } = pageOf(dir, name);
      const opf = xml(
        packageDocument(page.article, contentDocument(page.article), { site: site.config, page: page.page }),
      );
      const values = (property: string) =>
        [...opf.querySelectorAll(`meta[property="${property}"]`)].map((meta) => meta.textContent);
      return {
        modes: values('schema:accessMode'),
        sufficient: values('schema:accessModeSufficient'),
        features: values('schema:accessibilityFeature'),
        hazards: values('schema:accessibilityHazard'),
        summary: values('schema:accessibilitySummary').join(''),
        publisher: opf.getElementsByTagName('dc:publisher')[0]?.textContent,
      };
    };
    const pictures = metadata('test/fixtures/articles/blog', 'borrowing-in-rust.html');
    assert.deepEqual(pictures.modes, ['textual', 'visual']);
    assert.deepEqual(pictures.sufficient, ['textual']);
    assert.ok(pictures.features.includes('alternativeText'));
    assert.match(pictures.summary, /no narration/);
    assert.equal(pictures.publisher, sites.get('test/fixtures/articles/blog')?.config.title);
    const text = metadata('test/fixtures/articles/blog', 'notes-on-lists.html');
    assert.deepEqual(text.modes, ['textual']);
    assert.deepEqual(
      text.features,
      ['structuralNavigation', 'tableOfContents', 'readingOrder', 'displayTransformability'],
      'no alternative text claimed where there is no picture',
    );
    assert.deepEqual(text.hazards, ['noFlashingHazard', 'noMotionSimulationHazard', 'noSoundHazard']);
  });

  test('carries the hard words it holds as a pronunciation lexicon, linked from its text, and says so', () => {
    const { site, page } = pageOf('assets/articles', 'index.html');
    const content = contentDocument(page.article, { pronunciations: page.pronunciations });
    const [lexicon] = content.pronunciations;
    assert.ok(lexicon && page.pronunciations);
    const pls = xml(lexicon.pls);
    assert.equal(pls.documentElement.namespaceURI, 'http://www.w3.org/2005/01/pronunciation-lexicon');
    assert.equal(pls.documentElement.getAttribute('alphabet'), 'ipa');
    const lexemes = [...pls.getElementsByTagName('lexeme')].map((lexeme) => [
      lexeme.getElementsByTagName('grapheme')[0]?.textContent,
      lexeme.getElementsByTagName('phoneme')[0]?.textContent,
    ]);
    assert.deepEqual(
      lexemes.find(([word]) => word === 'psilocybin'),
      ['psilocybin', 'ˌsaɪləˈsaɪbɪn'],
    );
    // Only the words the book holds, whole, in its text or a picture's alt text.
    const some = contentDocument(
      { ...page.article, html: '<p>A PhD on psilocybin, not on PhDs. <img src="a.png" alt="A café"></p>' },
      { pronunciations: page.pronunciations },
    );
    assert.deepEqual(
      [...xml(some.pronunciations[0]?.pls ?? '').getElementsByTagName('grapheme')].map((g) => g.textContent),
      // Minichiello: the author, named under the title.
      ['PhD', 'psilocybin', 'Minichiello', 'café'],
    );
    const link = xml(content.xhtml).querySelector('link[rel="pronunciation"]');
    assert.deepEqual(
      [link?.getAttribute('type'), link?.getAttribute('hreflang'), link?.getAttribute('href')],
      ['application/pls+xml', 'en', 'lexicon.pls'],
    );
    const opf = xml(packageDocument(page.article, content, { site: site.config, page: page.page }));
    assert.equal(opf.querySelector('item[href="lexicon.pls"]')?.getAttribute('media-type'), 'application/pls+xml');
    const features = [...opf.querySelectorAll('meta[property="schema:accessibilityFeature"]')].map(
      (m) => m.textContent,
    );
    assert.ok(features.includes('ttsMarkup'));
    // A book holding none of the words carries no lexicon, and claims none.
    const { page: french } = pageOf('test/fixtures/articles/blog', 'un-article-en-francais.html');
    const plain = contentDocument(french.article, { pronunciations: page.pronunciations });
    assert.deepEqual(plain.pronunciations, []);
    assert.equal(xml(plain.xhtml).querySelector('link[rel="pronunciation"]'), null);
  });

  test('carries the hard words of a passage in another language as that language’s lexicon, beside its own', () => {
    const { site, page } = pageOf('test/fixtures/articles/blog', 'notes-on-lists.html');
    const content = contentDocument(page.article, {
      pronunciations: page.pronunciations,
      passagePronunciations: page.passagePronunciations,
    });
    const graphemes = (pls: string) => [...xml(pls).getElementsByTagName('lexeme')].map((l) => l.textContent);
    // The post's English words (FAQ), and the French passage's chef-d'œuvre, each in its language's file.
    assert.deepEqual(
      content.pronunciations.map((p) => [p.language, p.file, graphemes(p.pls)]),
      [
        ['en', 'lexicon.pls', ['FAQˌɛfˌeɪˈkju']],
        ['fr', 'lexicon-fr.pls', ["chef-d'œuvreʃɛdœvʁ"]],
      ],
    );
    const links = [...xml(content.xhtml).querySelectorAll('link[rel="pronunciation"]')];
    assert.deepEqual(
      links.map((link) => [link.getAttribute('hreflang'), link.getAttribute('href')]),
      [
        ['en', 'lexicon.pls'],
        ['fr', 'lexicon-fr.pls'],
      ],
    );
    const opf = xml(packageDocument(page.article, content, { site: site.config, page: page.page }));
    assert.equal(opf.querySelector('item[href="lexicon-fr.pls"]')?.getAttribute('media-type'), 'application/pls+xml');
    // Only the words the passages hold: a French word in the English text is not a passage's.
    const english = contentDocument(
      { ...page.article, html: '<p>From Reims, a <span lang="fr">chef-d\'œuvre</span>.</p>' },
      { passagePronunciations: page.passagePronunciations },
    );
    assert.deepEqual(
      english.pronunciations.map((p) => graphemes(p.pls)),
      [["chef-d'œuvreʃɛdœvʁ"]],
    );
  });

  test("says what it is in the article's language where the edition has its words, else in English, marked so", () => {
    const { site, page } = pageOf('test/fixtures/articles/blog', 'un-article-en-francais.html');
    const summaryIn = (lang: string) => {
      const article = { ...page.article, meta: { ...page.article.meta, lang } };
      const opf = xml(packageDocument(article, contentDocument(article), { site: site.config, page: page.page }));
      const summary = opf.querySelector('meta[property="schema:accessibilitySummary"]');
      return [summary?.textContent, summary?.getAttributeNS('http://www.w3.org/XML/1998/namespace', 'lang')];
    };
    assert.deepEqual(summaryIn('fr'), [
      'L’article en texte, avec ses titres, ses sections et ses notes balisés pour qu’une application de lecture permette d’y naviguer, et une table des matières. Il n’a pas de narration\u00a0: la voix de l’application de lecture ou un afficheur braille le lit.',
      null,
    ]);
    const [german, marked] = summaryIn('de');
    assert.match(german ?? '', /^The article as text/);
    assert.equal(marked, 'en');
  });
});

describe("the book's content document", () => {
  test('holds every word of the article', () => {
    for (const site of sites.values())
      for (const page of site.pages) {
        const words = wordsOf(new JSDOM(page.article.html).window.document.body.textContent ?? '');
        const book = new Set(wordsOf(xml(contentDocument(page.article).xhtml).body.textContent ?? ''));
        assert.deepEqual(
          words.filter((word) => !book.has(word)),
          [],
          page.page,
        );
      }
  });

  test("carries none of the page's machinery", () => {
    for (const site of sites.values())
      for (const page of site.pages) {
        const document = xml(contentDocument(page.article).xhtml);
        const machinery = [...document.querySelectorAll('*')].flatMap((element) =>
          element
            .getAttributeNames()
            .filter((name) => /^data-|^(tabindex|srcset|sizes|loading|decoding)$/.test(name))
            .map((name) => `<${element.localName} ${name}>`),
        );
        assert.deepEqual(machinery, [], page.page);
        assert.equal(document.querySelectorAll('picture, source, .code-block').length, 0, page.page);
      }
  });

  test('shows each picture once, as JPEG, PNG or SVG, with its alt text', () => {
    const { page } = pageOf('test/fixtures/articles/blog', 'borrowing-in-rust.html');
    const content = contentDocument(page.article);
    const images = [...xml(content.xhtml).querySelectorAll('img')];
    assert.deepEqual(
      images.map((img) => img.getAttribute('alt')),
      [
        'Two boxes joined by an arrow: the owner on the left lends to the borrower on the right',
        'Ada Fernsby, drawn as a circle',
        'Green hills under a pale sky with the sun low on the right',
        '',
      ],
    );
    assert.deepEqual(
      images.map((img) => img.getAttribute('src')),
      content.pictures.map((picture) => picture.path),
    );
    for (const picture of content.pictures) assert.match(picture.path, /^images\/[^/]+\.(jpg|png|svg)$/);
    assert.equal(content.informativePictures, true);
  });

  test('makes footnotes EPUB notes, each with its way back', () => {
    const { page } = pageOf('test/fixtures/articles/blog', 'borrowing-in-rust.html');
    const document = xml(contentDocument(page.article).xhtml);
    const type = (element: Element) => element.getAttributeNS('http://www.idpf.org/2007/ops', 'type');
    const references = [...document.querySelectorAll('a[role="doc-noteref"]')];
    assert.deepEqual(references.map(type), ['noteref', 'noteref']);
    for (const [index, reference] of references.entries()) {
      const note = document.getElementById(reference.getAttribute('href')?.slice(1) ?? '');
      assert.ok(note, reference.outerHTML);
      assert.equal(note.localName, 'aside');
      assert.equal(type(note), 'footnote');
      assert.equal(note.getAttribute('role'), 'doc-footnote');
      assert.match(note.textContent ?? '', new RegExp(`^${index + 1}\\. `));
      const back = note.querySelector('a[role="doc-backlink"]');
      assert.equal(back?.getAttribute('href'), `#${reference.id}`);
    }
    assert.equal(type(document.querySelector('section[role="doc-endnotes"]') ?? document.body), 'endnotes');
  });

  test("leads links to the site's other pages to their address, or keeps their text where the site has none", () => {
    const { page } = pageOf('test/fixtures/articles/blog', 'notes-on-lists.html');
    const article = {
      ...page.article,
      html: '<p><a href="other.html#part">Another</a>, <a href="#terms">here</a>, <a href="https://example.org/">there</a>.</p>',
    };
    const hrefs = (url?: URL) =>
      [...xml(contentDocument(article, { pageUrl: url }).xhtml).querySelectorAll('p a')].map((a) =>
        a.getAttribute('href'),
      );
    assert.deepEqual(hrefs(new URL('https://notes.example/blog/notes-on-lists.html')), [
      'https://notes.example/blog/other.html#part',
      '#terms',
      'https://example.org/',
    ]);
    assert.deepEqual(hrefs(), [null, '#terms', 'https://example.org/']);
  });

  test('marks languages for XML as for HTML', () => {
    // The French fixture holds a passage in English.
    const { page } = pageOf('test/fixtures/articles/blog', 'un-article-en-francais.html');
    const document = xml(contentDocument(page.article).xhtml);
    assert.equal(document.querySelectorAll('[lang]').length, 2);
    assert.equal(document.querySelector('span[lang="en"]')?.textContent, 'close listening');
    assert.equal(document.documentElement.getAttribute('lang'), 'fr');
    assert.equal(document.documentElement.getAttributeNS('http://www.w3.org/XML/1998/namespace', 'lang'), 'fr');
    for (const element of document.querySelectorAll('[lang]'))
      assert.equal(
        element.getAttributeNS('http://www.w3.org/XML/1998/namespace', 'lang'),
        element.getAttribute('lang'),
        element.outerHTML,
      );
  });
});
