// The archive case: a site of 1,000 articles, each the edition's own article under another title
// and date, built without audio; the build's time, its time again after one article changed, the
// home page's size, and what a first visit downloads beside a site of 2. Part of `npm run bench`; `npx tsx bench/archive.ts` runs it alone and
// writes its figures into bench/results.json and RESULTS.md, keeping the other cases' as they were.
import { appendFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSite, type BuildReport } from '../generator/build-site.ts';
import { compressBody } from '../generator/serve.ts';
import { markdown, targets, type Area } from './report.ts';

export const ARCHIVE_ARTICLES = 1000;
const SOURCE = 'assets/articles/psychedelic-therapy.md';
/** What a home page may weigh as HTML, uncompressed (issue 23). */
const HOME_BUDGET_KB = 100;
/** What a build of 1,000 articles, or a rebuild after one changed, may take on the bench's shared 2 cores: a one-minute loop. */
const BUILD_TARGET_SECONDS = 60;

/** One site's first visit, from the build's report. */
export interface FirstVisit {
  articles: number;
  /** Precached files and sw.js, in gzip as the static server sends them. */
  gzipBytes: number;
  precachedFiles: number;
  /** The precached files uncompressed, and the home page's share: the one precached file that grows with a site, up to the articles it lists. */
  precachedBytes: number;
  homeBytes: number;
}

export interface ArchiveResults {
  /** When it ran (ISO 8601): alone, it may be later than the rest of the results. */
  date: string;
  articles: number;
  /** The machine's 1-minute load average after the builds (it is shared). */
  loadAverage: number;
  buildSeconds: number;
  rebuildSeconds: number;
  home: { bytes: number; gzipBytes: number; listed: number };
  archivePages: number;
  firstVisit: FirstVisit;
  /** The same for a site of 2 articles. */
  twoArticles: FirstVisit;
  /** Whether the precache lists the same files at 1,000 articles as at 2. */
  samePrecache: boolean;
}

/**
 * A folder of `count` copies of the edition's article, deterministic: article n (0 the newest)
 * is titled with its number and dated n × 3 days before the end of 2025, so the years' pages
 * hold about 120 each.
 */
async function articlesFolder(dir: string, count: number): Promise<void> {
  const source = await readFile(SOURCE, 'utf8');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'site.toml'), 'title = "A thousand articles"\n');
  for (let n = 0; n < count; n++) {
    const date = new Date(Date.UTC(2025, 11, 31) - n * 3 * 86_400_000).toISOString().slice(0, 10);
    const text = source.replace(/^title: (.*)$/m, `title: "No. ${count - n}: $1"\ndate: ${date}`);
    await writeFile(path.join(dir, `article-${String(n).padStart(4, '0')}.md`), text);
  }
}

const firstVisit = async (articles: number, report: BuildReport): Promise<FirstVisit> => ({
  articles,
  gzipBytes: report.figures.firstVisit.gzipBytes,
  precachedFiles: report.figures.precache.count,
  precachedBytes: report.figures.precache.bytes,
  homeBytes: (await stat(path.join(report.out, 'index.html'))).size,
});

async function precacheList(out: string): Promise<string[]> {
  const sw = await readFile(path.join(out, 'sw.js'), 'utf8');
  return (JSON.parse(/\[\{"revision"[^\]]*\]/.exec(sw)?.[0] ?? '[]') as { url: string }[]).map((e) => e.url).sort();
}

/** Builds the three sites in a temporary folder, and removes it. */
export async function archiveCase(log: (message: string) => void): Promise<ArchiveResults> {
  const dir = await mkdtemp(path.join(tmpdir(), 'reader-edition-bench-archive-'));
  try {
    const build = (articles: string, out: string) =>
      buildSite({ articles: path.join(dir, articles), out: path.join(dir, out), audio: false });
    const timed = async (articles: string, out: string) => {
      const start = performance.now();
      const report = await build(articles, out);
      return { report, seconds: (performance.now() - start) / 1000 };
    };
    await articlesFolder(path.join(dir, 'many'), ARCHIVE_ARTICLES);
    await articlesFolder(path.join(dir, 'two'), 2);
    log(`archive: building ${ARCHIVE_ARTICLES} articles without audio`);
    const first = await timed('many', 'many-out');
    // One article changed: a paragraph more on the newest, as a publisher's correction.
    await appendFile(path.join(dir, 'many', 'article-0000.md'), '\nA correction, added after publication.\n');
    log('archive: rebuilding after one article changed');
    const again = await timed('many', 'many-out');
    const two = await build('two', 'two-out');
    const home = await readFile(path.join(dir, 'many-out', 'index.html'));
    const results: ArchiveResults = {
      date: new Date().toISOString(),
      articles: ARCHIVE_ARTICLES,
      loadAverage: Number(loadavg()[0].toFixed(2)),
      buildSeconds: first.seconds,
      rebuildSeconds: again.seconds,
      home: {
        bytes: home.length,
        gzipBytes: compressBody(home, 'gzip').length,
        listed: home.toString('utf8').match(/<article class="index-entry"/g)?.length ?? 0,
      },
      archivePages: again.report.files.filter((f) => /^archive(-[^/]+)?\.html$/.test(f.path)).length,
      firstVisit: await firstVisit(ARCHIVE_ARTICLES, again.report),
      twoArticles: await firstVisit(2, two),
      samePrecache:
        JSON.stringify(await precacheList(path.join(dir, 'many-out'))) ===
        JSON.stringify(await precacheList(path.join(dir, 'two-out'))),
    };
    log(
      `archive: built in ${results.buildSeconds.toFixed(1)} s, rebuilt in ${results.rebuildSeconds.toFixed(1)} s; home page ${kb(results.home.bytes)}; first visit ${kb(results.firstVisit.gzipBytes)} gzip (2 articles: ${kb(results.twoArticles.gzipBytes)})`,
    );
    return results;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const seconds = (value: number) => `${value.toFixed(1)} s`;

/** The archive's table in RESULTS.md. */
export function archiveArea(a: ArchiveResults): Area {
  const visit = (v: FirstVisit) => `${kb(v.gzipBytes)} gzip, ${v.precachedFiles} files`;
  const [many, two] = [a.firstVisit, a.twoArticles];
  // Uncompressed: gzip of sw.js varies by a few bytes with its files' revision hashes.
  const [rest, twoRest] = [many.precachedBytes - many.homeBytes, two.precachedBytes - two.homeBytes];
  return {
    title: `A thousand articles (${a.articles}, without audio)`,
    about: `Run on ${a.date}. The edition's article copied ${a.articles} times under other titles and dates (every third day back from the end of 2025), built without audio in a temporary folder; then one article changed and the site built again (the build is not incremental: it builds every page again); load average after the builds: ${a.loadAverage}. First visits are the build's figures: every precached file and sw.js, in gzip as the static server sends it; "2 articles" is the same article in a site of two, whose home page lists 2 where this one lists ${a.home.listed}: the home page is the one precached file that grows with a site, and only up to the articles it lists.`,
    rows: [
      {
        label: 'build',
        edition: seconds(a.buildSeconds),
        target: `≤ ${BUILD_TARGET_SECONDS} s`,
        met: a.buildSeconds <= BUILD_TARGET_SECONDS,
      },
      {
        label: 'rebuild after one article changed',
        edition: seconds(a.rebuildSeconds),
        target: `≤ ${BUILD_TARGET_SECONDS} s`,
        met: a.rebuildSeconds <= BUILD_TARGET_SECONDS,
      },
      {
        label: `home page HTML (${a.home.listed} articles listed; ${kb(a.home.gzipBytes)} gzip)`,
        edition: kb(a.home.bytes),
        target: `< ${HOME_BUDGET_KB} KB`,
        met: a.home.bytes < HOME_BUDGET_KB * 1024,
      },
      { label: 'archive pages (the page of years and one per year)', edition: String(a.archivePages) },
      {
        label: 'first visit: files precached, the same as with 2 articles',
        edition: `${a.firstVisit.precachedFiles} (2 articles: ${a.twoArticles.precachedFiles})`,
        target: 'the same files',
        met: a.samePrecache && a.firstVisit.precachedFiles <= a.twoArticles.precachedFiles,
      },
      {
        label: 'first visit: bytes',
        edition: visit(many),
        floor: `2 articles: ${visit(two)}`,
      },
      {
        label: 'first visit: precached bytes but the home page, uncompressed, the same as with 2 articles',
        edition: `${rest} bytes`,
        floor: `2 articles: ${twoRest} bytes`,
        // The manifest's description says how many articles the site has: "1000" is 3 bytes more than "2".
        target: '≤ 2 articles + 64 bytes',
        met: rest <= twoRest + 64,
      },
    ],
  };
}

// Alone: the archive's figures written into the last run's results, the others kept.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const started = Date.now();
  const log = (message: string) => console.log(`[bench ${Math.round((Date.now() - started) / 1000)}s] ${message}`);
  const file = path.join(here, 'results.json');
  const results = JSON.parse(readFileSync(file, 'utf8')) as Parameters<typeof targets>[0];
  results.archive = await archiveCase(log);
  writeFileSync(file, `${JSON.stringify({ ...results, targets: targets(results) }, null, 2)}\n`);
  const resultsMd = path.join(here, 'RESULTS.md');
  writeFileSync(resultsMd, markdown(results, resultsMd));
  for (const row of archiveArea(results.archive).rows.filter((r) => r.met !== undefined))
    console.log(`${row.met ? '  met ' : 'MISSED'} ${row.label}: ${row.edition}, target ${row.target}`);
}
