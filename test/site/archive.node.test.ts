// Node tests of a site with more articles than its home page lists: the home page keeps the
// newest, the archive by year has them all (real pages with headings, landmarks and links to the
// years either side), the first-visit precache is the same as a small site's, and the podcast
// feed lists only the newest episodes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSite, type BuildReport } from '../../generator/build-site.ts';
import { loadSite } from '../../generator/site.ts';
import { writePodcastFeed } from '../../generator/audio/site-audio.ts';
import type { AudioEdition } from '../../generator/audio/audio-edition.ts';
import type { Cue } from '../../generator/audio/webvtt.ts';
import { DEFAULT_HOME_ARTICLES } from '../../generator/site-config.ts';
import { parse, rejectsAt } from './publisher-folder.node.ts';

const COUNT = 75;
let dir = '';
let report: BuildReport;
let small: BuildReport;

/** Article n (0 the newest), dated every 20 days back from the last day of 2024: 2024 to 2021. */
const dateOf = (n: number) => new Date(Date.UTC(2024, 11, 31) - n * 20 * 86_400_000).toISOString().slice(0, 10);

/** A folder of `count` short articles, and its settings. */
async function articles(folder: string, count: number, settings = 'title = "Many Notes"\n') {
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, 'site.toml'), settings);
  for (let n = 0; n < count; n++)
    await writeFile(
      path.join(folder, `note-${n}.md`),
      `---\ntitle: Note ${n}\ndate: ${dateOf(n)}\n---\n\nWhat was seen on day ${n}.\n`,
    );
}

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'reader-edition-archive-'));
  await articles(path.join(dir, 'many'), COUNT);
  await articles(path.join(dir, 'two'), 2);
  report = await buildSite({ articles: path.join(dir, 'many'), out: path.join(dir, 'many-out'), audio: false });
  small = await buildSite({ articles: path.join(dir, 'two'), out: path.join(dir, 'two-out'), audio: false });
});
after(() => rm(dir, { recursive: true, force: true }));

const built = async (name: string, out = 'many-out') => parse(await readFile(path.join(dir, out, name), 'utf8'));
const links = (doc: Document, selector: string) =>
  [...doc.querySelectorAll<HTMLAnchorElement>(selector)].map((a) => a.getAttribute('href'));

test('the home page lists the newest articles, then links to the archive', async () => {
  const home = await built('index.html');
  const listed = links(home, 'main .article-list h2 a');
  assert.equal(listed.length, DEFAULT_HOME_ARTICLES);
  assert.deepEqual(listed.slice(0, 2), ['./note-0.html', './note-1.html']);
  assert.equal(listed.at(-1), `./note-${DEFAULT_HOME_ARTICLES - 1}.html`);
  const archive = home.querySelector('main .archive-link a');
  assert.equal(archive?.getAttribute('href'), './archive.html');
  assert.equal(archive?.textContent, `All ${COUNT} articles, by year`);
  assert.equal(
    home.querySelector('meta[name="description"]')?.getAttribute('content'),
    `${COUNT} articles from Many Notes`,
  );
  const ld = JSON.parse(home.querySelector('script[type="application/ld+json"]')?.textContent ?? '{}') as {
    hasPart: unknown[];
  };
  assert.equal(ld.hasPart.length, DEFAULT_HOME_ARTICLES);
});

test('the archive has a page of years and one per year, each a whole page with its landmarks and headings', async () => {
  const years = await built('archive.html');
  assert.equal(years.querySelector('h1')?.textContent, 'Archive');
  assert.deepEqual(
    [...years.querySelectorAll('.archive-years li')].map((li) => li.textContent),
    ['2024: 19 articles', '2023: 18 articles', '2022: 18 articles', '2021: 19 articles', '2020: 1 article'],
  );
  const pages = (await readdir(path.join(dir, 'many-out'))).filter((f) => f.startsWith('archive')).sort();
  assert.deepEqual(pages, [
    'archive-2020.html',
    'archive-2021.html',
    'archive-2022.html',
    'archive-2023.html',
    'archive-2024.html',
    'archive.html',
  ]);
  const written = await readdir(path.join(dir, 'many-out'));
  for (const name of pages) {
    const doc = await built(name);
    // The index's landmarks: banner, main (the skip link's target), contentinfo; one h1.
    assert.ok(doc.querySelector('body > header.site-header'), name);
    assert.equal(doc.querySelector('.skip-link')?.getAttribute('href'), '#main', name);
    assert.ok(doc.querySelector('main#main'), name);
    assert.ok(doc.querySelector('body > footer.site-footer'), name);
    assert.equal(doc.querySelectorAll('h1').length, 1, name);
    assert.equal(doc.querySelector('.site-name a')?.getAttribute('href'), './', name);
    // Works without script: every link is a plain one to a page the build wrote.
    for (const href of links(doc, 'main a'))
      assert.ok(href?.startsWith('./') && written.includes(href.slice(2)), href!);
  }
  const year = await built('archive-2023.html');
  assert.equal(year.title, 'Articles of 2023, Many Notes');
  assert.equal(year.querySelector('h1')?.textContent, 'Articles of 2023');
  // A heading per month, newest first, each with its articles as h3 under it.
  const months = [...year.querySelectorAll('main h2')].map((h) => h.textContent);
  assert.equal(months[0], 'December 2023');
  assert.equal(months.at(-1), 'January 2023');
  const december = year.querySelector('main h2')!.nextElementSibling!;
  assert.deepEqual(
    [...december.querySelectorAll('h3')].map((h) => h.textContent),
    ['Note 19'],
  );
  const nav = year.querySelector('nav[aria-label="Archive by year"]');
  assert.deepEqual(
    [...nav!.querySelectorAll('a')].map(
      (a) => `${a.getAttribute('rel') ?? ''} ${a.getAttribute('href')} ${a.textContent}`,
    ),
    [' ./archive.html Archive', 'prev ./archive-2024.html Newer: 2024', 'next ./archive-2022.html Older: 2022'],
  );
  assert.deepEqual(links(await built('archive-2024.html'), 'nav a[rel]'), ['./archive-2023.html']);
  assert.deepEqual(links(await built('archive-2020.html'), 'nav a[rel]'), ['./archive-2021.html']);
});

test('every article is on one year’s page, once, with its e-book as on the home page', async () => {
  const listed: string[] = [];
  const books: string[] = [];
  for (const year of ['2024', '2023', '2022', '2021', '2020']) {
    const page = await built(`archive-${year}.html`);
    listed.push(...links(page, 'main .article-list :is(h2, h3) a').map(String));
    books.push(...links(page, 'main .article-list .book-link a').map(String));
  }
  assert.deepEqual(
    listed,
    Array.from({ length: COUNT }, (_, n) => `./note-${n}.html`),
  );
  // Each book under its content's hash.
  assert.deepEqual(
    books.map((href) => href.replace(/-[0-9A-F]{8}\.epub$/, '.epub')),
    Array.from({ length: COUNT }, (_, n) => `./note-${n}.epub`),
  );
});

test('a first visit precaches the same with 75 articles as with 2: no article or archive page', async () => {
  const precached = async (out: string) =>
    (
      JSON.parse(/\[\{"revision"[^\]]*\]/.exec(await readFile(path.join(dir, out, 'sw.js'), 'utf8'))?.[0] ?? '[]') as {
        url: string;
      }[]
    )
      .map((e) => e.url)
      .sort();
  const [many, two] = [await precached('many-out'), await precached('two-out')];
  assert.deepEqual(many, two);
  assert.equal(report.figures.precache.count, small.figures.precache.count);
  assert.ok(many.includes('index.html'));
  assert.ok(!many.some((url) => url.startsWith('archive') || url.startsWith('note-')));
});

test('a site with no more articles than the home page lists gets no archive', async () => {
  const files = await readdir(path.join(dir, 'two-out'));
  assert.ok(!files.some((f) => f.startsWith('archive')));
  const home = await built('index.html', 'two-out');
  assert.equal(home.querySelector('.archive-link'), null);
  assert.equal(home.querySelectorAll('main h2').length, 2);
});

test('home_articles sets how many the home page lists, and must be a whole number', async () => {
  const folder = path.join(dir, 'five');
  await articles(folder, 7, 'title = "Few"\nhome_articles = 5\n');
  await buildSite({ articles: folder, out: path.join(dir, 'five-out'), audio: false });
  assert.equal((await built('index.html', 'five-out')).querySelectorAll('main h2').length, 5);
  assert.ok((await readdir(path.join(dir, 'five-out'))).includes('archive-2024.html'));
  await writeFile(path.join(folder, 'site.toml'), 'title = "Few"\nhome_articles = "5"\n');
  await rejectsAt(
    loadSite(folder),
    path.join(folder, 'site.toml'),
    2,
    'site-config',
    /"home_articles" is how many .* whole number/,
  );
});

test('an article named like an archive page is given another name', async () => {
  const site = await loadSite(path.join(dir, 'many'));
  assert.ok(!site.pages.some((p) => /^archive/.test(p.page)));
  const folder = path.join(dir, 'named');
  await articles(folder, 2);
  await writeFile(path.join(folder, 'archive-2024.md'), '---\ntitle: A year\n---\n\nText.\n');
  const named = await loadSite(folder);
  assert.ok(named.pages.some((p) => p.page === 'archive-2024-1.html'));
  assert.ok(named.warnings.some((w) => w.rule === 'page-name' && /archive's pages/.test(w.message)));
});

test('the podcast feed lists the newest episodes only, as many as podcast.episodes says', async () => {
  const folder = path.join(dir, 'feed');
  await articles(folder, 5, 'title = "Pod"\n[podcast]\nepisodes = 3\n');
  const site = await loadSite(folder);
  const out = path.join(dir, 'feed-out');
  await mkdir(path.join(out, 'assets/audio'), { recursive: true });
  // Stand-ins for rendered editions: the feed reads their sizes and names, not their sound.
  const editions = new Map<string, AudioEdition>();
  for (const page of site.pages) {
    const mp3 = `assets/audio/${page.page}.mp3`;
    await writeFile(path.join(out, mp3), 'mp3');
    editions.set(page.page, {
      page: page.page,
      mp3,
      cues: `${mp3}.vtt`,
      seconds: 1,
      chapterList: [] as Cue[],
    } as AudioEdition);
  }
  const written = await writePodcastFeed({
    site: site.pages,
    editions,
    config: site.config,
    settings: site.settings,
    title: 'Pod',
    out,
    baseUrl: 'https://pod.example.org/',
    log: () => {},
    warn: () => {},
  });
  assert.ok(written);
  const feed = await readFile(path.join(out, 'feed.xml'), 'utf8');
  assert.deepEqual(
    [...feed.matchAll(/<item>\s*<title>([^<]+)<\/title>/g)].map((m) => m[1]),
    ['Note 0', 'Note 1', 'Note 2'],
  );
  await writeFile(path.join(folder, 'site.toml'), 'title = "Pod"\n[podcast]\nepisodes = 0\n');
  await rejectsAt(loadSite(folder), path.join(folder, 'site.toml'), 3, 'site-config', /"podcast.episodes" is how many/);
});
