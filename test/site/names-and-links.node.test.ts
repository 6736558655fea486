// Node tests of a publisher's folder as it really is: editors' lock and backup files beside
// the posts, links that lead nowhere or out of the folder, an ignore list, file names with
// spaces and accents, posts named like the site's own pages, links between posts by their
// sources and to files beside them. Each case says what it says with file and line, builds
// what it should (read back as a browser parses it), and leaves the sources as they were.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { buildSite } from '../../generator/build-site.ts';
import { BuildError } from '../../generator/diagnostics.ts';
import { renderIndexPage } from '../../generator/page/page.ts';
import { loadSite, NOT_KEPT_PAGE } from '../../generator/site.ts';
import { loadSiteConfig } from '../../generator/site-config.ts';
import { inTempFolder, PAGE_ASSETS, parse, rejectsAt, said, unchanged } from './publisher-folder.node.ts';

const MISTAKES = 'test/fixtures/publisher-mistakes';
const POST = (title: string, more = '') => `---\ntitle: ${title}\n${more}---\n\nA sentence.\n`;

test("editors' lock, swap and backup files, hidden files and what the ignore list names are skipped, each with a note", async () => {
  const dir = `${MISTAKES}/skipped-files`;
  const site = await unchanged(dir, () => loadSite(dir));
  assert.deepEqual(
    site.pages.map((p) => path.relative(dir, p.file)),
    ['a-post.md'],
  );
  assert.deepEqual(said(site.warnings, dir).sort(), [
    "#a-post.md#:1: note: skipped: it is an editor's auto-save file (Emacs)",
    ".a-post.md.swp:1: note: skipped: it is an editor's swap file (Vim)",
    '.hidden.md:1: note: skipped: it is hidden (its name starts with ".")',
    'a-post.md.bak:1: note: skipped: it is a backup or temporary copy',
    "a-post.md~:1: note: skipped: it is an editor's backup file",
    `private:1: note: skipped: it matches "private/**" in the ignore list (${dir}/site.toml:3)`,
    'site.toml:5: note: "nothing-matches-*" in the ignore list matches no file',
    `todo.notes.md:1: note: skipped: it matches "*.notes.md" in the ignore list (${dir}/site.toml:4)`,
  ]);
});

test("an editor's lock file and any other link to nothing are skipped with a note saying where they point", async () => {
  await inTempFolder(
    {
      files: { 'post.md': POST('A post') },
      // Emacs's lock file is a link to its owner and process, which is no file.
      links: { '.#post.md': 'ada@desk.4242:1717171717', 'old.md': 'archive/old.md', 'loop.md': 'loop.md' },
    },
    async (dir) => {
      const { pages, warnings } = await loadSite(dir);
      assert.deepEqual(
        pages.map((p) => p.page),
        ['index.html'],
      );
      assert.deepEqual(said(warnings, dir), [
        ".#post.md:1: note: skipped: it is an editor's lock file (Emacs)",
        'loop.md:1: note: skipped: it points at loop.md, which leads back to itself',
        'old.md:1: note: skipped: it points at archive/old.md, which does not exist',
      ]);
    },
  );
});

test('a linked bundle folder is followed inside the articles folder, read once, and skipped with a warning outside it', async () => {
  await inTempFolder(
    {
      files: {
        'posts/first.md': POST('First', 'date: 2024-01-01\n'),
        'posts/.archive/kept/index.md': POST('Kept in a hidden folder', 'date: 2024-02-01\n'),
        'elsewhere/index.md': POST('Outside the articles folder'),
      },
      links: {
        'posts/kept': '.archive/kept',
        'posts/first-again.md': 'first.md',
        'posts/loop': '.',
        'posts/outside': '../elsewhere',
      },
    },
    async (root) => {
      const dir = path.join(root, 'posts');
      const { pages, warnings } = await loadSite(dir);
      assert.deepEqual(
        pages.map((p) => [path.relative(dir, p.file), p.page]),
        [
          ['kept/index.md', 'kept.html'],
          ['first.md', 'first.html'],
        ],
      );
      assert.deepEqual(said(warnings, dir), [
        `first-again.md:1: note: skipped: the same file as ${dir}/first.md, already read`,
        `loop:1: note: skipped: the same folder as ${dir}, already read`,
        `outside:1: warning: skipped: a link to ${path.join(root, 'elsewhere')}, outside the articles folder; move or copy it into the folder`,
      ]);
    },
  );
});

test('the ignore list: globs checked as they are read, their form shown in every message about them', async () => {
  const form =
    /write it as ignore = \["drafts\/\*\*", "\*\.private\.md"\] \(\* stands for any characters but \/, \*\* for any folders/;
  for (const [toml, line, message] of [
    ['ignore = "drafts/**"\n', 1, /"ignore" must be a list of file patterns/],
    ['ignore = [\n  "ok/**",\n  "",\n]\n', 1, /must list patterns as non-empty text, not ""/],
    [
      "ignore = [\n  'ok/**',\n  'drafts\\*.md',\n]\n",
      3,
      /"drafts\\\*\.md" has a \\: patterns separate folders with \//,
    ],
    ['ignore = ["../other/**"]\n', 1, /"\.\.\/other\/\*\*" leads out of the articles folder/],
  ] as const) {
    await inTempFolder({ files: { 'site.toml': `title = "T"\n${toml}` } }, async (dir) => {
      await rejectsAt(
        loadSiteConfig(dir, () => {}),
        path.join(dir, 'site.toml'),
        line + 1,
        'site-config',
        message,
      );
      await assert.rejects(
        loadSiteConfig(dir, () => {}),
        form,
      );
    });
  }
  // Hugo's ignoreFiles holds regular expressions: read as globs, it would publish what it meant to hide.
  await inTempFolder(
    { files: { 'site.json': '{\n  "title": "T",\n  "ignoreFiles": ["\\\\.foo$"]\n}\n' } },
    async (dir) => {
      await rejectsAt(
        loadSiteConfig(dir, () => {}),
        path.join(dir, 'site.json'),
        3,
        'site-config',
        /"ignoreFiles" is Hugo's list of regular expressions.*"ignore": \["drafts\/\*\*", "\*\.private\.md"\]/,
      );
    },
  );
  // Zola's name for the same list; a pattern with "/" starts at the articles folder, one without matches at any depth.
  await inTempFolder(
    {
      files: {
        'config.toml': '',
        'site.toml': 'title = "T"\nignored_content = ["/top.md", "drafts/", "*.wip.md"]\n',
        'top.md': POST('Left out'),
        'deep/top.md': POST('Kept, as the pattern starts at the folder', 'date: 2024-01-02\n'),
        'deep/drafts/x.md': POST('Left out, in a folder named drafts'),
        'deep/one.wip.md': POST('Left out'),
        'kept.md': POST('Kept', 'date: 2024-01-01\n'),
      },
    },
    async (dir) => {
      const { pages, warnings } = await loadSite(dir);
      assert.deepEqual(
        pages.map((p) => path.relative(dir, p.file)),
        ['deep/top.md', 'kept.md'],
      );
      assert.deepEqual(
        said(warnings, dir, 'skipped').map((line) => line.split(' in the ignore list')[0]),
        [
          'deep/drafts:1: note: skipped: it matches "drafts/"',
          'deep/one.wip.md:1: note: skipped: it matches "*.wip.md"',
          'top.md:1: note: skipped: it matches "/top.md"',
        ],
      );
    },
  );
});

test('file and folder names become URL-safe page names, and the index names each entry by its title', async () => {
  const dir = `${MISTAKES}/unsafe-names`;
  const site = await unchanged(dir, () => loadSite(dir));
  assert.deepEqual(
    site.pages.map((p) => [path.relative(dir, p.file), p.page]),
    [
      ['post #1?.md', 'post-1.html'],
      ['Lire à voix haute.md', 'lire-a-voix-haute.html'],
      ['Notes & Sketches/index.md', 'notes-sketches.html'],
    ],
  );
  const index = parse(renderIndexPage(site.config, site.pages, PAGE_ASSETS));
  const entries = [...index.querySelectorAll('article.index-entry')];
  assert.equal(entries.length, 3);
  for (const [i, entry] of entries.entries()) {
    const label = entry.getAttribute('aria-labelledby') ?? '';
    assert.match(label, /^article-[a-z0-9-]+$/, 'one id, no spaces');
    assert.equal(index.getElementById(label)?.textContent, site.pages[i].article.meta.title, 'the entry is named');
    const link = entry.querySelector('h2 a')?.getAttribute('href') ?? '';
    assert.equal(new URL(link, 'https://example.org/blog/').pathname, `/blog/${site.pages[i].page}`);
  }
  // The fixtures' names are already safe, and stay as they were.
  const blog = await loadSite('test/fixtures/articles/blog');
  assert.deepEqual(blog.pages.map((p) => p.page).sort(), [
    'borrowing-in-rust.html',
    'notes-on-lists.html',
    'un-article-en-francais.html',
  ]);
});

test('a name with no letters or digits gets one, with a warning; names that differ only in case are one name', async () => {
  await inTempFolder(
    { files: { '🎉.md': POST('Party', 'date: 2024-01-01\n'), 'A/Post.md': POST('P1'), 'B/post.md': POST('P2') } },
    async (dir) => {
      await rejectsAt(
        loadSite(dir),
        path.join(dir, 'B/post.md'),
        1,
        'page-name',
        new RegExp(`${path.join(dir, 'A/Post.md')} is published as post\\.html too: give this article another "slug"`),
      );
    },
  );
  await inTempFolder({ files: { '🎉.md': POST('Party'), 'other.md': POST('Other') } }, async (dir) => {
    const { pages, warnings } = await loadSite(dir);
    assert.deepEqual(pages.map((p) => p.page).sort(), ['article.html', 'other.html']);
    assert.deepEqual(said(warnings, dir, 'page-name'), [
      `🎉.md:1: warning: the file's name has no letters or digits to name its page, so it is article.html; give it a "slug" in its front matter`,
    ]);
  });
});

test('a post named like a page the site writes for itself is renamed with a warning; a slug asking for one is an error', async () => {
  const dir = `${MISTAKES}/reserved-names`;
  const site = await unchanged(dir, () => loadSite(dir));
  assert.deepEqual(
    site.pages.map((p) => [path.relative(dir, p.file), p.page]),
    [
      ['offline.md', 'offline-2.html'],
      ['offline-1.md', 'offline-1.html'],
      ['index.md', 'index-1.html'],
    ],
  );
  assert.deepEqual(said(site.warnings, dir), [
    'index.md:1: warning: published as index-1.html: index.html is the list of articles. Give it a "slug" in its front matter to choose its name',
    `offline.md:1: warning: published as offline-2.html: ${NOT_KEPT_PAGE} is the page readers offline see for an article they did not keep. Give it a "slug" in its front matter to choose its name`,
  ]);

  const slug = `${MISTAKES}/reserved-slug`;
  await unchanged(slug, () =>
    rejectsAt(
      loadSite(slug),
      `${slug}/gone.md`,
      3,
      'page-name',
      /^"slug" Offline would publish this article as Offline\.html, which is the page readers offline see for an article they did not keep: choose another slug$/,
    ),
  );
  // With one article, it is the home page whatever its name: nothing to rename.
  await inTempFolder({ files: { 'offline.md': POST('Alone') } }, async (dir) => {
    const { pages, warnings } = await loadSite(dir);
    assert.deepEqual(
      pages.map((p) => p.page),
      ['index.html'],
    );
    assert.deepEqual(warnings, []);
  });
});

test('links to other posts by their sources point at their pages; links that lead nowhere are warnings, their text kept', async () => {
  const dir = `${MISTAKES}/links`;
  const site = await unchanged(dir, () => loadSite(dir));
  const first = site.pages.find((p) => p.page === 'first.html');
  assert.ok(first);
  const links = [...parse(first.article.html).querySelectorAll('a')].map(
    (a) => `${a.textContent} ${a.getAttribute('href')}`,
  );
  assert.deepEqual(links, [
    'the second ./second.html',
    'its part ./second.html#part',
    'the third ./third.html',
    'its folder ./third.html',
    'a bundle ./bundle.html',
    'the report ./assets/files/8d2ff8ee5d/report.pdf',
    'the report again ./assets/files/8d2ff8ee5d/report.pdf#page=2',
    'the data ./assets/files/e55fae5aa2/figures-2024.csv',
    'a part of this post #a-part',
    'elsewhere https://example.org/',
    'mail mailto:someone@example.org',
    "the site's root /about/",
  ]);
  // The links that lead nowhere are text now, in the sentence as written.
  assert.match(
    parse(first.article.html).body.textContent ?? '',
    /Links that lead nowhere: a missing post, a missing file,\na draft, a page, outside and\na hidden file\./,
  );
  assert.deepEqual(said(site.warnings, dir, 'link'), [
    'first.md:12: warning: the link to "missing.md" is left out, its text kept: it does not exist',
    'first.md:12: warning: the link to "missing.pdf" is left out, its text kept: it does not exist',
    'first.md:13: warning: the link to "draft.md" is left out, its text kept: it is a draft, not published',
    `first.md:13: warning: the link to "page.html" is left out, its text kept: a .html file opened from the site would run outside its pages' protections; show a drawing as a picture, or link to a page published elsewhere`,
    'first.md:13: warning: the link to "../reserved-slug/first.md" is left out, its text kept: it is outside the articles folder, whose files alone are published',
    'first.md:14: warning: the link to ".private-notes.txt" is left out, its text kept: the site leaves it out: it is hidden (its name starts with ".")',
  ]);
  assert.deepEqual(
    first.article.files.map((f) => [f.path, f.body.toString()]),
    [
      ['assets/files/8d2ff8ee5d/report.pdf', await readFile(`${dir}/report.pdf`, 'utf8')],
      ['assets/files/e55fae5aa2/figures-2024.csv', await readFile(`${dir}/data files/Figures 2024.CSV`, 'utf8')],
    ],
  );
  const second = site.pages.find((p) => p.page === 'second.html');
  assert.match(second?.article.html ?? '', /<a href="\.\/first\.html">the first<\/a>/);
});

test('a link (or picture) through a symbolic link that leads out of the articles folder publishes nothing', async () => {
  await inTempFolder(
    {
      files: {
        'secret.png': 'not for the site',
        'posts/picture.md': POST('Pictured').replace('A sentence.', '![A secret](secret.png)'),
      },
      links: { 'posts/secret.png': '../secret.png' },
    },
    async (root) => {
      const dir = path.join(root, 'posts');
      await rejectsAt(
        loadSite(dir),
        path.join(dir, 'picture.md'),
        5,
        'picture',
        /^picture "secret\.png" is outside the articles folder; keep pictures beside the article$/,
      );
    },
  );
  await inTempFolder(
    {
      files: {
        'secret.txt': 'not for the site',
        'posts/post.md': POST('A post').replace(
          'A sentence.',
          '[The notes](notes.txt) and [the other](shared/other.md).',
        ),
        'posts/other.md': POST('Other'),
      },
      links: { 'posts/notes.txt': '../secret.txt', 'posts/shared': '.' },
    },
    async (root) => {
      const dir = path.join(root, 'posts');
      const { pages, warnings } = await loadSite(dir);
      const post = pages.find((p) => p.page === 'post.html');
      assert.equal(post?.article.files.length, 0);
      assert.match(post?.article.html ?? '', /^<p>The notes and <a href="\.\/other\.html">the other<\/a>\.<\/p>/);
      assert.deepEqual(said(warnings, dir, 'link'), [
        'post.md:5: warning: the link to "notes.txt" is left out, its text kept: it is outside the articles folder, whose files alone are published',
      ]);
    },
  );
});

test('the build publishes linked files beside the pages and gives renamed posts their own pages', async () => {
  const out = await mkdtemp(path.join(tmpdir(), 'reader-edition-names-'));
  try {
    const links = `${MISTAKES}/links`;
    const report = await unchanged(links, () =>
      buildSite({ articles: links, out: path.join(out, 'links'), audio: false }),
    );
    const written = report.files.map((f) => f.path);
    assert.ok(written.includes('assets/files/8d2ff8ee5d/report.pdf'), written.join('\n'));
    assert.equal(
      await readFile(path.join(out, 'links/assets/files/8d2ff8ee5d/report.pdf'), 'utf8'),
      await readFile(`${links}/report.pdf`, 'utf8'),
    );
    const first = parse(await readFile(path.join(out, 'links/first.html'), 'utf8'));
    for (const a of first.querySelectorAll('article a[href^="./"]')) {
      const target = (a.getAttribute('href') ?? '').replace(/^\.\//, '').replace(/#.*$/, '');
      assert.ok(written.includes(target), `${a.textContent} → ${target} is written`);
    }
    // Without the site's address, the books keep links to the site as text: said once an article.
    assert.deepEqual(said(report.diagnostics, links, 'book-links'), [
      'first.md:6: note: the e-book keeps the link to "./second.html" (and 8 more links to the site) as text alone: without the site\'s address it cannot lead there. Set base_url in site.toml (or --base-url) to keep them as links',
      'second.md:6: note: the e-book keeps the link to "./first.html" as text alone: without the site\'s address it cannot lead there. Set base_url in site.toml (or --base-url) to keep them as links',
    ]);
    const bookText = async (dir: string) => {
      const [file] = (await readdir(path.join(out, dir))).filter((name) => /^first-[0-9A-F]{8}\.epub$/.test(name));
      return strFromU8(unzipSync(await readFile(path.join(out, dir, file)))['EPUB/article.xhtml']);
    };
    assert.match(await bookText('links'), /<a>the second<\/a>/);
    // With it, they lead there.
    const addressed = await buildSite({
      articles: links,
      out: path.join(out, 'addressed'),
      audio: false,
      baseUrl: 'https://example.org/posts/',
    });
    assert.deepEqual(said(addressed.diagnostics, links, 'book-links'), []);
    assert.match(await bookText('addressed'), /<a href="https:\/\/example\.org\/posts\/second\.html">the second<\/a>/);

    const reserved = `${MISTAKES}/reserved-names`;
    await unchanged(reserved, () => buildSite({ articles: reserved, out: path.join(out, 'reserved'), audio: false }));
    const page = async (name: string) => parse(await readFile(path.join(out, 'reserved', name), 'utf8'));
    assert.equal((await page(NOT_KEPT_PAGE)).querySelector('h1')?.textContent, 'Not available offline');
    assert.equal((await page('offline-2.html')).querySelector('h1')?.textContent, 'Going offline');
    assert.equal((await page('index-1.html')).querySelector('h1')?.textContent, 'The index of things');
    const index = await page('index.html');
    assert.deepEqual(
      [...index.querySelectorAll('.index-entry h2 a')].map((a) => a.getAttribute('href')),
      ['./offline-2.html', './offline-1.html', './index-1.html'],
    );
    assert.deepEqual((await readdir(path.join(out, 'reserved'))).filter((f) => f.endsWith('.html')).sort(), [
      'index-1.html',
      'index.html',
      'offline-1.html',
      'offline-2.html',
      'offline.html',
    ]);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});

test('an articles folder that does not exist is a BuildError, not a stack trace', async () => {
  await assert.rejects(loadSite(`${MISTAKES}/no-such-folder`), (error: unknown) => {
    assert.ok(error instanceof BuildError);
    assert.equal(error.rule, 'articles-folder');
    assert.equal(error.message, `${MISTAKES}/no-such-folder: no such folder of article sources`);
    return true;
  });
});
