// Node tests of the offline build: what the worker precaches, the manifest and the icons.
// Builds into a temporary folder, as `npm run build -- --out DIR` would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { THEME_COLORS } from '../../scripts/page.mjs';

let out = '';
let buildOutput = '';

before(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'reader-edition-build-'));
  ({ stdout: buildOutput } = await promisify(execFile)(process.execPath, ['scripts/build.mjs', '--out', out]));
});
after(() => rm(out, { recursive: true, force: true }));

/** The precache list Workbox injected into sw.js. */
async function precacheList() {
  const sw = await readFile(path.join(out, 'sw.js'), 'utf8');
  const list = /\[\{"revision"[^\]]*\]/.exec(sw);
  assert.ok(list, 'sw.js holds an injected precache list');
  return /** @type {{ url: string, revision: string | null }[]} */ (JSON.parse(list[0]));
}

test('the worker precaches pages, scripts, styles, icons and the manifest, and no font', async () => {
  const entries = await precacheList();
  const urls = entries.map((e) => e.url);
  for (const url of ['index.html', 'manifest.webmanifest', 'icons/icon.svg', 'icons/icon-192.png', 'icons/icon-512.png', 'icons/icon-maskable-512.png']) {
    assert.ok(urls.includes(url), `${url} is precached`);
  }
  assert.ok(urls.some((u) => /^assets\/main-\w+\.js$/.test(u)) && urls.some((u) => /^assets\/edition-\w+\.css$/.test(u)));
  assert.deepEqual(urls.filter((u) => /fonts|\.woff2?$|sw\.js|assets\/images\//.test(u)), []);
  // Hashed names are their own revision; the page and other fixed names need one.
  for (const { url, revision } of entries) assert.equal(revision === null, url.startsWith('assets/'), url);
  const fonts = await readdir(path.join(out, 'assets/fonts'));
  assert.ok(fonts.some((f) => f.endsWith('.woff2')), 'fonts are still built, for the runtime cache');
});

test('the build prints the precache size and keeps the first visit within budget', () => {
  assert.match(buildOutput, /^precache: \d+ files, [\d.]+ KB \([\d.]+ KB gzip\)$/m);
  const firstVisit = Number(/([\d.]+) KB gzip for a first visit/.exec(buildOutput)?.[1]);
  assert.ok(firstVisit > 0 && firstVisit < 100, `${firstVisit} KB`);
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
  for (const icon of manifest.icons.filter((/** @type {{ type: string }} */ i) => i.type === 'image/png')) {
    const { width, height } = await sharp(path.join(out, icon.src)).metadata();
    assert.equal(`${width}x${height}`, icon.sizes, icon.src);
  }
  assert.deepEqual(manifest.icons.map((/** @type {{ sizes: string, purpose: string }} */ i) => `${i.sizes} ${i.purpose}`), ['any any', '192x192 any', '512x512 any', '512x512 maskable']);
});

test('the theme colours are the stylesheet’s light and dark backgrounds', async () => {
  const css = await readFile('src/styles/edition.css', 'utf8');
  const bg = /--bg: light-dark\((#[0-9a-f]{6}), (#[0-9a-f]{6})\)/.exec(css);
  assert.deepEqual(bg?.slice(1), [THEME_COLORS.light, THEME_COLORS.dark]);
});
