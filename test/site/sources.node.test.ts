// Node tests of article sources as publishers keep them: YAML or TOML front matter, site
// settings, page bundles, drafts, shortcodes and outlines that start below h2. Every message
// names its file and line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { renderArticle, shorten } from '../../generator/article/article.ts';
import { ArticleSourceError, type Diagnostic } from '../../generator/diagnostics.ts';
import { loadSite } from '../../generator/site.ts';
import { loadSiteConfig } from '../../generator/site-config.ts';

const FIXTURES = 'test/fixtures/articles';
const BLOG = `${FIXTURES}/blog`;

async function rejectsAt(promise: Promise<unknown>, file: string, line: number, message: RegExp) {
  await assert.rejects(promise, (error) => {
    assert.ok(error instanceof ArticleSourceError, String(error));
    assert.equal(error.message.split(': ')[0], `${file}:${line}`);
    assert.match(error.message, message);
    return true;
  });
}

/** Runs a check over a folder of sources written for it, removed afterwards. */
async function inFolder(files: Record<string, string>, check: (dir: string) => Promise<void>) {
  const dir = await mkdtemp(path.join(tmpdir(), 'reader-edition-sources-'));
  try {
    for (const [name, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await writeFile(path.join(dir, name), text);
    }
    await check(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('TOML front matter: authors list, date, unknown keys reported with their lines', async () => {
  const file = `${BLOG}/borrowing-in-rust/index.md`;
  const article = await renderArticle(await readFile(file, 'utf8'), file, {
    site: { title: 'Field Notes', language: 'en' },
    root: BLOG,
  });
  assert.equal(article.meta.title, 'Borrowing in Rust, gently');
  assert.deepEqual(article.meta.authors, ['Ada Fernsby', 'Tomás Okafor']);
  assert.equal(article.meta.author, 'Ada Fernsby and Tomás Okafor');
  assert.equal(article.meta.date, '2024-05-31');
  assert.equal(article.meta.lang, 'en', 'the site language, as the post gives none');
  const frontMatter = article.warnings.filter((w) => /front matter/.test(w.message));
  assert.deepEqual(
    frontMatter.map((w) => `${w.line} ${w.message.split(' in ')[0]}`),
    ['5 "tags"', '6 "aliases"'],
  );
  assert.ok(frontMatter.every((w) => w.file === file));
});

test('YAML front matter: a date and time, a regional language, a description from the first paragraph', async () => {
  const file = `${BLOG}/notes-on-lists.md`;
  const article = await renderArticle(await readFile(file, 'utf8'), file);
  assert.equal(article.meta.date, '2024-03-02T08:30:00Z');
  assert.equal(article.meta.lang, 'en-GB');
  assert.equal(
    article.meta.description,
    'Lists are the plainest structure a page has, and the easiest to get wrong. These are the kinds this site uses.',
  );
});

test('a long first paragraph is shortened at a word boundary', () => {
  const text = 'word '.repeat(60).trim();
  const short = shorten(text);
  assert.ok(short.length <= 161, `${short.length}`);
  assert.match(short, /word…$/);
  assert.equal(shorten('Short enough.'), 'Short enough.');
});

test('invalid TOML names the line of the mistake', async () => {
  const file = `${FIXTURES}/malformed/unclosed-table.md`;
  await rejectsAt(renderArticle(await readFile(file, 'utf8'), file), file, 4, /front matter is not valid TOML/);
});

test('a date that is not a date is a warning, and the article is undated', async () => {
  const { meta, warnings } = await renderArticle('---\ntitle: T\ndate: next Tuesday\n---\nText.\n', 'a.md');
  assert.equal(meta.date, undefined);
  assert.deepEqual(
    warnings.map((w) => [w.line, /"date" is not a date/.test(w.message)]),
    [[3, true]],
  );
});

test('"home: true" is no longer needed, and says so', async () => {
  const { warnings } = await renderArticle('---\ntitle: T\nhome: true\n---\nText.\n', 'a.md');
  assert.match(warnings[0].message, /"home" in the front matter is no longer needed/);
});

test('an outline that starts at ### is shifted to start at h2 under the page title', async () => {
  const { html, sections } = await renderArticle(
    '+++\ntitle = "T"\n+++\nIntro.\n\n### First\n\nText.\n\n#### Detail\n\n### Second\n',
    'a.md',
  );
  assert.match(html, /<h2 id="first">First<\/h2>/);
  assert.match(html, /<h3 id="detail">Detail<\/h3>/);
  assert.deepEqual(
    sections.map((s) => s.text),
    ['First', 'Second'],
  );
  assert.equal((html.match(/<section>/g) ?? []).length, 2);
});

test('# sections become h2, and a first heading that repeats the title is dropped', async () => {
  const { html } = await renderArticle(
    '---\ntitle: My post\n---\n# My post\n\nIntro.\n\n# Part one\n\n## Detail\n',
    'a.md',
  );
  assert.doesNotMatch(html, />My post</);
  assert.match(html, /<h2 id="part-one">Part one<\/h2>/);
  assert.match(html, /<h3 id="detail"/);
});

test('a real skip inside a shifted outline names its line, in the source’s levels', async () => {
  const file = `${FIXTURES}/malformed/skipped-level.md`;
  await rejectsAt(
    renderArticle(await readFile(file, 'utf8'), file),
    file,
    11,
    /heading level skips from h3 to h5; use h4/,
  );
  await rejectsAt(
    renderArticle('---\ntitle: T\n---\n#### Early\n\n### Later\n', 'b.md'),
    'b.md',
    4,
    /skips from the title to h4; use h3/,
  );
});

test('shortcodes are reported with their lines and left out, except in code', async () => {
  const file = `${BLOG}/notes-on-lists.md`;
  const { html, warnings } = await renderArticle(await readFile(file, 'utf8'), file);
  const shortcodes = warnings.filter((w) => /shortcode/.test(w.message));
  assert.deepEqual(
    shortcodes.map((w) => [w.line, /"(\w+)"/.exec(w.message)?.[1]]),
    [
      [19, 'figure'],
      [35, 'include'],
    ],
  );
  assert.doesNotMatch(html, /figure src|include|footer\.html/);
  // Shown as examples, in inline code and a code block, they stay.
  assert.match(html, /<code>\{\{&lt; youtube id &gt;\}\}<\/code>/);
  assert.match(html, /\{\{&#60; youtube 42 &#62;\}\}/);
});

test('site settings: TOML with Zola’s names, defaults without a file, unknown keys and bad values reported', async () => {
  const warnings: Diagnostic[] = [];
  assert.deepEqual(await loadSiteConfig(BLOG, (w) => warnings.push(w)), {
    title: 'Field Notes',
    description: "Short posts on programming and reading, written for the edition's tests.",
    language: 'en',
    baseUrl: 'https://notes.example.org/',
  });
  // Typed, so the assertion does not narrow the list to never[] for the checks below.
  assert.deepEqual<Diagnostic[]>(warnings, []);
  assert.deepEqual(await loadSiteConfig('assets/articles', () => {}), { title: 'Reader edition', language: 'en' });

  await inFolder(
    { 'site.json': '{\n  "title": "Mine",\n  "theme": "dark",\n  "language": "fr-CA"\n}\n' },
    async (dir) => {
      assert.deepEqual(await loadSiteConfig(dir, (w) => warnings.push(w)), { title: 'Mine', language: 'fr-CA' });
      assert.deepEqual(
        warnings.map((w) => [path.basename(w.file), w.line]),
        [['site.json', 3]],
      );
    },
  );
  await inFolder({ 'site.toml': 'title = "X"\nlanguage = "French"\n' }, async (dir) => {
    await rejectsAt(
      loadSiteConfig(dir, () => {}),
      path.join(dir, 'site.toml'),
      2,
      /BCP 47/,
    );
  });
});

test('the site’s language is the default for articles; a page bundle is found, a draft skipped and named', async () => {
  const files = {
    'site.toml': 'title = "Carnet"\nlanguage = "fr"\n',
    'premier/index.md': '---\ntitle: Premier\ndate: 2024-01-01\n---\nBonjour.\n',
    'second.md': '---\ntitle: Second\ndate: 2024-02-01\n---\nEncore.\n',
    'brouillon.md': '+++\ntitle = "Brouillon"\ndraft = true\n+++\nPas prêt.\n',
    'posts/_index.md': '---\ntitle: Section\n---\n',
  };
  await inFolder(files, async (dir) => {
    const { pages, drafts, hasIndex, warnings } = await loadSite(dir);
    assert.equal(hasIndex, true);
    assert.deepEqual(
      pages.map((p) => [p.page, p.article.meta.lang]),
      [
        ['second.html', 'fr'],
        ['premier.html', 'fr'],
      ],
    );
    assert.deepEqual(
      drafts.map((d) => [path.relative(dir, d.file), d.title]),
      [['brouillon.md', 'Brouillon']],
    );
    assert.match(warnings[0].message, /_index\.md\) is not an article/);
    assert.equal(pages[0].next, pages[1]);
    assert.equal(pages[1].previous, pages[0]);
  });
});

test('one article is the home page; two articles may not share a page name', async () => {
  const { pages, hasIndex } = await loadSite('assets/articles');
  assert.equal(hasIndex, false);
  assert.deepEqual(
    pages.map((p) => p.page),
    ['index.html'],
  );

  await inFolder(
    { 'a.md': '---\ntitle: A\nslug: same\n---\nA.\n', 'b.md': '---\ntitle: B\nslug: same\n---\nB.\n' },
    async (dir) => {
      await assert.rejects(loadSite(dir), /is published as same\.html too: give this article another "slug"/);
    },
  );
});

test('the build reports each warning and each skipped draft with its file and line, and prints nothing itself', async (t) => {
  const { buildSite } = await import('../../generator/build-site.ts');
  const { formatDiagnostic } = await import('../../generator/diagnostics.ts');
  const out = await mkdtemp(path.join(tmpdir(), 'reader-edition-blog-'));
  // The command prints the report; the library, and what it uses, must not.
  const printed = [t.mock.method(console, 'log'), t.mock.method(console, 'warn'), t.mock.method(console, 'error')];
  try {
    const said = (await buildSite({ out, articles: BLOG, audio: false })).diagnostics.map(formatDiagnostic).join('\n');
    assert.match(
      said,
      /^test\/fixtures\/articles\/blog\/borrowing-in-rust\/index\.md:5: warning: "tags" in the front matter/m,
    );
    assert.match(said, /^test\/fixtures\/articles\/blog\/notes-on-lists\.md:19: warning: shortcode "figure"/m);
    assert.match(
      said,
      /^test\/fixtures\/articles\/blog\/an-unfinished-post\.md:1: note: “An unfinished post” is a draft: not published$/m,
    );
    assert.deepEqual(
      printed.flatMap((mock) => mock.mock.calls.map((call) => call.arguments.join(' '))),
      [],
    );
  } finally {
    for (const mock of printed) mock.mock.restore();
    await rm(out, { recursive: true, force: true });
  }
});
