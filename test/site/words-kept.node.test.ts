// Node tests of "nothing lost without a word": every word of a source is on its page or a
// warning says where it went (lost-words); Markdown left as text where the writer meant a link,
// a picture or a note says so; a link to a place the page lacks, a front-matter string left
// open, an articles "folder" that is a file each say what to do; and the build's voice warns
// per sentence about what it cannot say. The seed article and every fixture that builds lose
// no word. Each case leaves its sources as they were.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSite } from '../../generator/build-site.ts';
import { renderArticle } from '../../generator/article/article.ts';
import { ArticleSourceError, BuildError } from '../../generator/diagnostics.ts';
import { checkPage } from '../../generator/page/page-words.ts';
import { renderPage } from '../../generator/page/page.ts';
import { loadSite, type Site } from '../../generator/site.ts';
import { PAGE_ASSETS, parse, rejectsAt, said, unchanged } from './publisher-folder.node.ts';

const MISTAKES = 'test/fixtures/publisher-mistakes';

/** What the build says of each page it writes, as buildSite says it, without bundling a whole site. */
const pageWarnings = (site: Site) =>
  site.pages.flatMap((page) =>
    checkPage(
      page.file,
      page.article,
      renderPage(page.article, PAGE_ASSETS, page.lexicon, { site: site.config, page: page.page }),
    ),
  );

/** A fresh output folder in the system's temporary folder, removed after the check. */
async function inOutput<T>(check: (out: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'reader-edition-words-'));
  try {
    return await check(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('the seed article and every fixture article that builds lose no word', async () => {
  const folders = [
    'assets/articles',
    ...(await readdir('test/fixtures/articles')).map((name) => `test/fixtures/articles/${name}`),
    // The lost-words cases lose words on purpose.
    ...(await readdir(MISTAKES)).filter((name) => !name.startsWith('lost-words')).map((name) => `${MISTAKES}/${name}`),
  ];
  let pages = 0;
  for (const dir of folders) {
    const site = await loadSite(dir).catch((error: unknown) => {
      // A folder whose mistake stops the build has no page to check.
      if (error instanceof ArticleSourceError || error instanceof BuildError) return undefined;
      throw error;
    });
    if (!site) continue;
    pages += site.pages.length;
    assert.deepEqual(
      pageWarnings(site).filter((d) => d.rule === 'lost-words'),
      [],
      dir,
    );
  }
  assert.ok(pages >= 20, `${pages} pages checked`);
});

test('a word the page does not show is a warning at the source line of the first one, naming the words', async () => {
  const source =
    '---\ntitle: Three paragraphs\n---\n\nThe first stays.\n\nThe heron stood\nquite still.\n\nThe last stays.\n';
  const article = await renderArticle(source, 'post.md');
  const html = renderPage(article, PAGE_ASSETS);
  assert.deepEqual(checkPage('post.md', article, html), []);
  // As a renderer that dropped a paragraph would write it.
  const lossy = html.replace(/<p>The heron stood\nquite still\.<\/p>/, '');
  assert.notEqual(lossy, html);
  const [warning, ...others] = checkPage('post.md', article, lossy);
  assert.deepEqual(others, []);
  assert.equal(`${warning.file}:${warning.line} ${warning.severity} ${warning.rule}`, 'post.md:7 warning lost-words');
  assert.match(
    warning.message,
    /^5 words of the source are not on the page, from here \(and on line 8\): “the heron stood quite still”/,
  );
});

test('a "{…}" ending a paragraph, read as attributes and dropped, is a lost-words warning in the build report', async () => {
  const dir = `${MISTAKES}/lost-words-attributes`;
  const report = await unchanged(dir, () => inOutput((out) => buildSite({ articles: dir, out, audio: false })));
  assert.deepEqual(said(report.diagnostics, dir, 'lost-words'), [
    'post.md:5: warning: 2 words of the source are not on the page, from here: “apple banana”; check the source just before: an HTML tag or comment may take them in, and a “{…}” ending a line is read as attributes (write \\{ to show it)',
  ]);
});

test('Markdown left as text is a warning at its line: a picture path with a space, links the edition does not follow', async () => {
  for (const [name, rule, expected] of [
    [
      'picture-path-space',
      'picture',
      [
        'post.md:7: warning: the picture ![The hill at dawn](my hill.png) is shown as text: its address has a space; write it as ![…](<my hill.png>) or with %20 for each space',
      ],
    ],
    [
      'refused-link-schemes',
      'link',
      ['javascript', 'data', 'file', 'vbscript'].map(
        (scheme, i) =>
          `post.md:${i < 2 ? 5 : 7}: warning: the link ${['[script link](javascript:alert(document.domain))', '[data link](data:text/html,hello)', '[file link](file:///etc/passwd)', '[VBScript link](vbscript:msgbox)'][i]} is shown as text, not a link: ${scheme}: links are not followed; only web, mail and phone links are kept`,
      ),
    ],
  ] as const) {
    const dir = `${MISTAKES}/${name}`;
    const site = await unchanged(dir, () => loadSite(dir));
    assert.deepEqual(said(site.warnings, dir, rule), expected, name);
    // Harmless as text: no link, no picture.
    const page = parse(renderPage(site.pages[0].article, PAGE_ASSETS));
    assert.equal(page.querySelectorAll('article a[href], article img').length, 0, name);
  }
});

test('a footnote referred to but never written, and one written but never referred to, are warnings at their lines', async () => {
  const undefinedNote = `${MISTAKES}/footnote-undefined`;
  assert.deepEqual(said((await unchanged(undefinedNote, () => loadSite(undefinedNote))).warnings, undefinedNote), [
    'post.md:5: warning: the footnote reference [^9] has no note, so it is shown as written; add the note on a line of its own, "[^9]: …", or remove the reference',
  ]);
  const unreferenced = `${MISTAKES}/footnote-unreferenced`;
  const site = await unchanged(unreferenced, () => loadSite(unreferenced));
  assert.deepEqual(said(site.warnings, unreferenced), [
    'post.md:9: warning: the note [^orphan] is never referred to, so the page leaves it out; refer to it with [^orphan] in the text, or remove it',
  ]);
  // Said once: the note left out is not lost words as well.
  assert.deepEqual(pageWarnings(site), []);
});

test('links to places the page does not have are warnings at their lines, Markdown and HTML alike', async () => {
  const dir = `${MISTAKES}/dangling-anchor`;
  const site = await unchanged(dir, () => loadSite(dir));
  assert.deepEqual(
    said(pageWarnings(site), dir),
    ['results', 'appendix'].map(
      (id, i) =>
        `post.md:${5 + i}: warning: the link to "#${id}" leads nowhere: no heading or note on the page has that id; use a heading's id (its words in lower case, joined by "-")`,
    ),
  );
});

test("an author's own heading over the notes heads the notes' section: no empty section, no second id", async () => {
  const dir = `${MISTAKES}/footnotes-heading`;
  const site = await unchanged(dir, () => loadSite(dir));
  const { article } = site.pages[0];
  assert.deepEqual(article.sections, [{ id: 'footnotes', text: 'Footnotes' }]);
  const page = parse(renderPage(article, PAGE_ASSETS));
  const headings = [...page.querySelectorAll('article h2')].map((h) => `${h.id}: ${h.textContent}`);
  assert.deepEqual(headings, ['footnotes: Footnotes']);
  assert.equal(page.querySelector('#footnotes')?.closest('section')?.querySelector('li')?.id, 'fn1');
  assert.deepEqual(pageWarnings(site), []);
});

test('a TOML string left open is an error at its line that says the quote is not closed', async () => {
  const file = `${MISTAKES}/unclosed-toml-string/post.md`;
  await rejectsAt(
    renderArticle(await readFile(file, 'utf8'), file),
    file,
    2,
    'front-matter',
    /^front matter is not valid TOML: the text that opens with " here is not closed; end it with " on the same line$/,
  );
});

test('--articles naming a file says it is a file, and which folder to give', async () => {
  const file = `${MISTAKES}/footnotes-heading/post.md`;
  await assert.rejects(
    inOutput((out) => buildSite({ articles: file, out, audio: false })),
    (error: unknown) => {
      assert.ok(error instanceof BuildError, String(error));
      assert.equal(
        error.message,
        `${file} is a file, not a folder: --articles takes the folder of article sources, such as --articles ${MISTAKES}/footnotes-heading, and builds every article in it`,
      );
      return true;
    },
  );
});

test(
  'each sentence the recorded voice cannot say in full is a warning at its source line',
  { timeout: 120_000 },
  async () => {
    const dir = `${MISTAKES}/unsayable`;
    const report = await unchanged(dir, () =>
      inOutput((out) =>
        buildSite({ articles: dir, out: path.join(out, 'site'), audioCache: path.join(out, 'cache'), audio: true }),
      ),
    );
    assert.deepEqual(said(report.diagnostics, dir, 'unsayable'), [
      'post.md:5: warning: the recorded voice cannot say “東京” in “The sign said 東京 in large letters.”: the audio edition is silent there. Give the words in Latin letters too (a transliteration or translation)',
      'post.md:7: warning: the recorded voice cannot say “🎉” in “It was a good day 🎉 and we went home.”: the audio edition is silent there. Say in words what the emoji stands for',
    ]);
  },
);
