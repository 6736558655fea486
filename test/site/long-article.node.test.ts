// A 50,000-word article builds (without audio): over the first-visit budget the build warns,
// at the article, and still writes every word. The article is tools/long-article.ts's, as the
// bench's (which also renders its audio and times the player on it).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { buildSite } from '../../generator/build-site.ts';
import { budgetWarnings, FIRST_VISIT_BUDGET_KB, type Sizes } from '../../generator/sizes.ts';
import { longArticle } from '../../tools/long-article.ts';

const WORDS = 50_000;

let dir = '';
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'reader-edition-long-'));
});
after(() => rm(dir, { recursive: true, force: true }));

test(
  `a ${WORDS.toLocaleString('en')}-word article builds, with a budget warning at the article, and every word on its page`,
  { timeout: 5 * 60_000 },
  async (t) => {
    const article = await longArticle(WORDS);
    const articles = path.join(dir, 'posts');
    await mkdir(articles);
    await writeFile(path.join(articles, 'long.md'), article.source);

    const started = performance.now();
    const report = await buildSite({ articles, out: path.join(dir, 'site'), audio: false });
    t.diagnostic(`${article.words} words built in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const { firstVisit } = report.figures;
    assert.ok(firstVisit.gzipBytes > firstVisit.budgetBytes, `${firstVisit.gzipBytes} bytes`);
    assert.equal(firstVisit.heaviestPage.file, 'index.html');
    const budget = report.diagnostics.filter((d) => d.rule === 'budget');
    assert.equal(budget.length, 1, JSON.stringify(report.diagnostics));
    assert.equal(budget[0].file, path.join(articles, 'long.md'));
    assert.equal(budget[0].severity, 'warning');
    assert.match(
      budget[0].message,
      new RegExp(
        `^a first visit downloads [\\d.]+ KB gzip, over the ${FIRST_VISIT_BUDGET_KB} KB budget \\(slow on a slow connection\\); the heaviest page is index\\.html, [\\d.]+ KB gzip: this article\\. Shorten it, or split it into several articles`,
      ),
    );

    const document = new JSDOM(await readFile(path.join(dir, 'site', 'index.html'), 'utf8')).window.document;
    const text = [...document.querySelectorAll('article p:not([data-edition])')].map((p) => p.textContent).join(' ');
    assert.equal(text.split(/\s+/).filter(Boolean).length, article.words);
    assert.equal(document.querySelectorAll('article section h2').length, article.sections);
  },
);

test('over either budget, the warning names the heaviest page, or the script, in the output when no article made it heavy', () => {
  const sizes: Sizes = {
    table: [],
    figures: {
      firstVisit: {
        gzipBytes: 120 * 1024,
        budgetBytes: 100 * 1024,
        heaviestPage: { file: 'index.html', gzipBytes: 9000 },
      },
      beforeInteraction: {
        brotliBytes: 26 * 1024,
        budgetBytes: 25 * 1024,
        files: ['assets/main-ABCD1234.js', 'sw.js'],
      },
      firstUse: { brotliBytes: 0, files: [] },
      precache: { count: 0, bytes: 0, gzipBytes: 0 },
      optionalFonts: { count: 0, woff2Bytes: 0 },
    },
  };
  const warnings = budgetWarnings(sizes, 'site', () => undefined);
  assert.deepEqual(
    warnings.map(({ file, line, severity, rule }) => `${file}:${line} ${severity} ${rule}`),
    ['site/index.html:1 warning budget', 'site/assets/main-ABCD1234.js:1 warning budget'],
  );
  assert.match(
    warnings[0].message,
    /^a first visit downloads 120\.0 KB gzip, .*the heaviest page is index\.html, 8\.8 KB gzip$/,
  );
  assert.match(
    warnings[1].message,
    /^the script a page runs before a first interaction is 26\.0 KB Brotli, over the 25 KB budget: this is the edition's own code/,
  );
  sizes.figures.firstVisit.gzipBytes = sizes.figures.firstVisit.budgetBytes;
  sizes.figures.beforeInteraction.brotliBytes = sizes.figures.beforeInteraction.budgetBytes;
  assert.deepEqual(
    budgetWarnings(sizes, 'site', () => undefined),
    [],
  );
});
