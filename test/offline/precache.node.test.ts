// Node tests of the offline build: what the page needs before its first paint and first
// interaction, what the worker precaches, the manifest and the icons. Builds into a temporary
// folder with buildSite(), as `npm run build -- --out DIR` would, keeping the lines it prints.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { access, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { THEME_COLORS } from '../../generator/page/page.ts';
import { buildSite, type BuildReport } from '../../generator/build-site.ts';
import { compressBody } from '../../generator/serve.ts';

let out = '';
let buildOutput = '';
let report: BuildReport;

before(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'reader-edition-build-'));
  const lines: string[] = [];
  report = await buildSite({ out, log: (line) => lines.push(line) });
  buildOutput = lines.join('\n');
});
after(() => rm(out, { recursive: true, force: true }));

/** The precache list Workbox injected into sw.js. */
async function precacheList() {
  const sw = await readFile(path.join(out, 'sw.js'), 'utf8');
  const list = /\[\{"revision"[^\]]*\]/.exec(sw);
  assert.ok(list, 'sw.js holds an injected precache list');
  return JSON.parse(list[0]) as { url: string; revision: string | null }[];
}

/** The built page's inline scripts and styles, and the policy that allows them. */
async function builtPage() {
  const html = await readFile(path.join(out, 'index.html'), 'utf8');
  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
  const directive = (name: string) =>
    policy
      .split('; ')
      .find((d) => d.startsWith(`${name} `))
      ?.split(' ')
      .slice(1) ?? [];
  const inline = (pattern: RegExp) => [...html.matchAll(pattern)].map((m) => m[1]);
  return {
    html,
    directive,
    // JSON-LD and the lexicon are data, which CSP does not execute.
    scripts: inline(/<script(?: type="module")?>([\s\S]*?)<\/script>/g),
    styles: inline(/<style>([\s\S]*?)<\/style>/g),
  };
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

test('nothing but the HTML comes before the first paint: the stylesheet is inline and no script is requested', async () => {
  const { html, styles, scripts } = await builtPage();
  assert.equal(styles.length, 1, 'one inline stylesheet');
  assert.ok(
    styles[0].includes(`--light-bg: ${THEME_COLORS.light}`) && styles[0].includes(`--dark-bg: ${THEME_COLORS.dark}`),
    'it is the edition’s stylesheet',
  );
  assert.doesNotMatch(html, /<link rel="stylesheet"/);
  assert.doesNotMatch(html, /<script[^>]* src=/, 'no script element fetches a file');
  // The page's module is imported by an inline module script once the page has been painted.
  const loader = scripts.find((script) => script.includes('requestAnimationFrame'));
  assert.match(loader ?? '', /import\("\.\/assets\/main-[A-Z0-9]{8}\.js"\)/);
  // Fonts are named relative to the page, and exist.
  const fonts = [...styles[0].matchAll(/url\("?(\.\/assets\/fonts\/[^")]+)"?\)/g)].map((m) => m[1]);
  assert.ok(fonts.length >= 6, `${fonts.length} font files`);
  for (const font of fonts) await access(path.join(out, font));
});

test('the Content-Security-Policy allows each inline script and the stylesheet by hash, and nothing inline else', async () => {
  const { directive, scripts, styles } = await builtPage();
  assert.deepEqual(directive('script-src').toSorted(), ["'self'", ...scripts.map(sha256)].toSorted());
  assert.deepEqual(directive('style-src'), ["'self'", ...styles.map(sha256)]);
  for (const name of ['script-src', 'style-src', 'default-src'])
    assert.ok(!directive(name).includes("'unsafe-inline'"), name);
});

test('the script before a first interaction is the entry, the chunks it imports and sw.js, within 25 KB in Brotli', async () => {
  const line =
    /^script before a first interaction: ([\d.]+) KB Brotli, (.+) \(budget 25 KB\); [\d.]+ KB Brotli more on first use, in (\d+) chunks$/m.exec(
      buildOutput,
    );
  assert.ok(line, 'the build reports it');
  const files = line[2].split(' + ');
  assert.equal(files.at(-1), 'sw.js');
  assert.match(files[0], /^assets\/main-[A-Z0-9]{8}\.js$/);
  let brotli = 0;
  for (const file of files) brotli += compressBody(await readFile(path.join(out, file)), 'br').length;
  assert.ok(brotli <= 25 * 1024, `${brotli} bytes`);
  assert.equal(Number(line[1]), Number((brotli / 1024).toFixed(1)));
  // The report gives the same figure, and the same files.
  assert.equal(report.figures.beforeInteraction.brotliBytes, brotli);
  assert.deepEqual(report.figures.beforeInteraction.files, files);
  // What loads on first use (the player's speech code and bar, the settings' controls…) is one
  // chunk, precached for offline reading.
  assert.equal(Number(line[3]), 1);
  const urls = (await precacheList()).map((e) => e.url);
  assert.ok(
    urls.some((u) => /^assets\/first-use-[A-Z0-9]{8}\.js$/.test(u)),
    'the first-use chunk is precached',
  );
});

test('the worker precaches pages, scripts, icons, the manifest and the font samples, and no optional font', async () => {
  const entries = await precacheList();
  const urls = entries.map((e) => e.url);
  for (const url of [
    'index.html',
    'manifest.webmanifest',
    'icons/icon.svg',
    'icons/icon-192.png',
    'icons/icon-512.png',
    'icons/icon-maskable-512.png',
  ]) {
    assert.ok(urls.includes(url), `${url} is precached`);
  }
  // Every script the build wrote, entry and chunks alike, and the worker that loads locale data.
  const scripts = [
    ...(await readdir(path.join(out, 'assets'))).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`),
    'locale-warm-up.worker.js',
  ];
  assert.ok(scripts.length >= 2);
  assert.deepEqual(urls.filter((u) => u.endsWith('.js')).toSorted(), scripts.toSorted());
  // Of the fonts, only the samples the reading settings show each optional font's name in.
  const fontsAndOthers = urls.filter((u) => /fonts|\.woff2?$|sw\.js|assets\/images\//.test(u)).toSorted();
  assert.deepEqual(
    fontsAndOthers.map((u) => u.replace(/-[A-Z0-9]{8}\.woff2$/, '-HASH.woff2')),
    ['assets/fonts/atkinson-hyperlegible-sample-HASH.woff2', 'assets/fonts/opendyslexic-sample-HASH.woff2'],
  );
  // The book is written (named as the audio download is, and its content), but downloaded only by whoever wants it.
  assert.equal((await readdir(out)).filter((name) => /^psychedelic-therapy-[0-9A-F]{8}\.epub$/.test(name)).length, 1);
  assert.deepEqual(
    urls.filter((u) => u.endsWith('.epub')),
    [],
  );
  // Hashed names are their own revision; the page and other fixed names need one.
  for (const { url, revision } of entries) assert.equal(revision === null, url.startsWith('assets/'), url);
  const fonts = await readdir(path.join(out, 'assets/fonts'));
  assert.ok(
    fonts.some((f) => f.endsWith('.woff2') && !f.includes('-sample-')),
    'fonts are still built, for the runtime cache',
  );
  assert.equal(report.figures.optionalFonts.count, fonts.length - 2, 'the samples are not counted as optional fonts');
});

test('the build prints the precache size and keeps the first visit within budget', async () => {
  assert.match(buildOutput, /^precache: \d+ files, [\d.]+ KB \([\d.]+ KB gzip\)$/m);
  const firstVisit = Number(/([\d.]+) KB gzip for a first visit/.exec(buildOutput)?.[1]);
  assert.ok(firstVisit > 0 && firstVisit < 100, `${firstVisit} KB`);
  assert.equal(firstVisit, Number((report.figures.firstVisit.gzipBytes / 1024).toFixed(1)));
  assert.equal(report.figures.firstVisit.budgetBytes, 100 * 1024);
  assert.equal(report.figures.precache.count, (await precacheList()).length);
});

test('with one article, the article is the precached home: no page for articles never kept', async () => {
  const { html } = await builtPage();
  assert.match(html, /<offline-status page="home-article"><\/offline-status>/);
  assert.ok(!(await precacheList()).some((entry) => entry.url === 'offline.html'));
  await assert.rejects(access(path.join(out, 'offline.html')));
});

test('only the built page names the service worker, and it links the manifest and icons', async () => {
  const html = await readFile(path.join(out, 'index.html'), 'utf8');
  assert.match(html, /<meta name="service-worker" content="\.\/sw\.js">/);
  assert.match(html, /<link rel="manifest" href="\.\/manifest\.webmanifest">/);
  assert.match(html, /<link rel="apple-touch-icon" href="\.\/icons\/apple-touch-icon\.png">/);
  assert.match(html, new RegExp(`<meta name="theme-color" content="${THEME_COLORS.light}"`));
});

test('the manifest installs the edition standalone, in the light theme, with every icon', async () => {
  const manifest = JSON.parse(await readFile(path.join(out, 'manifest.webmanifest'), 'utf8'));
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.scope, './');
  assert.equal(manifest.display, 'standalone');
  assert.equal(manifest.short_name, 'Reader edition');
  assert.equal(manifest.lang, 'en');
  assert.equal(manifest.background_color, '#fbfaf7');
  assert.equal(manifest.theme_color, '#fbfaf7');
  for (const icon of (manifest.icons as { src: string; sizes: string; type: string }[]).filter(
    (i) => i.type === 'image/png',
  )) {
    const { width, height } = await sharp(path.join(out, icon.src)).metadata();
    assert.equal(`${width}x${height}`, icon.sizes, icon.src);
  }
  assert.deepEqual(
    (manifest.icons as { sizes: string; purpose: string }[]).map((i) => `${i.sizes} ${i.purpose}`),
    ['any any', '192x192 any', '512x512 any', '512x512 maskable'],
  );
});

test('the theme colours are the stylesheet’s light and dark backgrounds', async () => {
  const css = await readFile('src/styles/edition/tokens.css', 'utf8');
  assert.match(css, /--bg: light-dark\(var\(--light-bg\), var\(--dark-bg\)\)/);
  const light = /--light-bg: (#[0-9a-f]{6});/.exec(css)?.[1];
  const dark = /--dark-bg: (#[0-9a-f]{6});/.exec(css)?.[1];
  assert.deepEqual([light, dark], [THEME_COLORS.light, THEME_COLORS.dark]);
});
