// Node tests of the security headers a built site is served with: each page its own policy
// (its <meta>'s, with frame-ancestors), the workers one that lets them fetch the site, every
// other file a sandbox, all with nosniff; the same from the `_headers` file a static host reads
// and from the project's own server. Built once, from a folder with an SVG drawing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSite } from '../../generator/build-site.ts';
import { FILE_POLICY, HEADERS_FILE, headersFile, WORKER_POLICY } from '../../generator/page/headers.ts';
import { folder, startStaticServer, type StaticServer } from '../../generator/serve.ts';
import { inTempFolder, parse, unchanged } from './publisher-folder.node.ts';

const ARTICLES = 'test/fixtures/publisher-mistakes/svg-picture';

let out: string;
let server: StaticServer;
/** Every file of the built site, by its address ("/index.html"). */
let files: string[];

before(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'reader-edition-headers-'));
  const report = await unchanged(ARTICLES, () => buildSite({ articles: ARTICLES, out, audio: false }));
  files = (await readdir(out, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => `/${path.relative(out, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')}`)
    // The hosts that read _headers take it as their settings and do not serve it.
    .filter((file) => file !== `/${HEADERS_FILE}`);
  assert.ok(
    report.files.some((file) => file.path === HEADERS_FILE),
    'the build writes _headers',
  );
  server = await startStaticServer({ resolve: folder(out), lifetimeMs: 60_000 });
});

after(async () => {
  await server?.close();
  await rm(out, { recursive: true, force: true });
});

/** The policy the page's own <meta> gives. */
async function metaPolicy(page: string): Promise<string> {
  const document = parse(await readFile(path.join(out, page), 'utf8'));
  return document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
}

const drawing = () => files.find((file) => /^\/assets\/images\/drawing-[0-9a-f]{10}\.svg$/.test(file)) ?? '';

test('the server gives a page its own policy, which only a header can complete with frame-ancestors', async () => {
  const page = `${await metaPolicy('index.html')}; frame-ancestors 'none'`;
  for (const address of ['/', '/index.html']) {
    const response = await fetch(`${server.origin}${address}`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-security-policy'), page, address);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  }
});

test('an SVG opened at its own address is sandboxed: it runs nothing on the site’s origin', async () => {
  assert.ok(drawing(), `a published drawing among ${files.join(', ')}`);
  const response = await fetch(`${server.origin}${drawing()}`);
  assert.equal(response.headers.get('content-type'), 'image/svg+xml');
  assert.equal(response.headers.get('content-security-policy'), "default-src 'none'; sandbox");
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  // And the drawing itself no longer holds a script.
  assert.doesNotMatch(await response.text(), /<script|onload/);
});

test('the workers may fetch the site; every other file, and a missing one, is sandboxed', async () => {
  const policies = async (address: string) => {
    const response = await fetch(`${server.origin}${address}`);
    return `${response.status} ${response.headers.get('content-security-policy')} ${response.headers.get('x-content-type-options')}`;
  };
  assert.equal(await policies('/sw.js'), `200 ${WORKER_POLICY} nosniff`);
  assert.equal(await policies('/locale-warm-up.worker.js'), `200 ${WORKER_POLICY} nosniff`);
  for (const address of ['/manifest.webmanifest', '/icons/icon.svg', '/third-party-notices.txt', '/missing.html'])
    assert.match(await policies(address), new RegExp(`^\\d+ ${FILE_POLICY} nosniff$`), address);
});

test('the _headers file gives every file, at every address a host serves it from, one policy: the server’s', async () => {
  const text = await headersFile(out);
  const rules = [...text.matchAll(/^(\/\S*)\n((?: {2}.+\n)+)/gm)].map(([, address, lines]) => ({
    address,
    headers: lines
      .trim()
      .split('\n')
      .map((line) => line.trim()),
  }));
  assert.deepEqual(rules[0], { address: '/*', headers: ['X-Content-Type-Options: nosniff'] });
  const matches = (address: string) =>
    rules.filter(
      (rule) =>
        rule.address === address || (rule.address.endsWith('/*') && address.startsWith(rule.address.slice(0, -1))),
    );
  // A page's address without ".html" too, as hosts serve it ("/index" is sent on to "/").
  const pretty = files.filter((file) => file.endsWith('.html') && !file.endsWith('/index.html'));
  const addresses = [...files, '/', ...pretty.map((file) => file.slice(0, -'.html'.length))];
  for (const address of addresses) {
    const policies = matches(address).flatMap((rule) =>
      rule.headers.filter((header) => header.startsWith('Content-Security-Policy: ')),
    );
    assert.equal(policies.length, 1, `${address}: ${policies.join(' | ')}`);
    const served = await fetch(`${server.origin}${pretty.includes(`${address}.html`) ? `${address}.html` : address}`);
    assert.equal(policies[0], `Content-Security-Policy: ${served.headers.get('content-security-policy')}`, address);
  }
  // Folders of plain files take one rule each, so a site of many pictures stays within a host's limits.
  assert.ok(rules.some((rule) => rule.address === '/assets/*'));
  assert.ok(rules.length < 20, `${rules.length} rules`);
});

test('in a site of several pages, each is found at both its addresses; a publisher’s own HTML is a plain file; a folder holding a page is listed file by file; sandboxes come first', async () => {
  const page = (policy: string) =>
    `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="${policy}"></head><body></body></html>`;
  await inTempFolder(
    {
      files: {
        'index.html': page("default-src 'self'"),
        'first.html': page("default-src 'self'; script-src 'sha256-a'"),
        'files/report.html': '<!DOCTYPE html><p>A publisher’s own page, with no policy of its own.</p>',
        'files/data.csv': 'a,b\n',
        'files/more/notes.txt': 'notes\n',
        'assets/images/a.png': '',
        'notes/index.html': page("default-src 'none'"),
        'notes/picture.png': '',
        'sw.js': '',
      },
    },
    async (dir) => {
      assert.equal(
        await headersFile(dir),
        [
          '# Written by reader-edition build: the security headers of each file (see generator/page/headers.ts).',
          '/*',
          '  X-Content-Type-Options: nosniff',
          '/notes/picture.png',
          `  Content-Security-Policy: ${FILE_POLICY}`,
          '/assets/*',
          `  Content-Security-Policy: ${FILE_POLICY}`,
          '/files/*',
          `  Content-Security-Policy: ${FILE_POLICY}`,
          '/first',
          "  Content-Security-Policy: default-src 'self'; script-src 'sha256-a'; frame-ancestors 'none'",
          '/first.html',
          "  Content-Security-Policy: default-src 'self'; script-src 'sha256-a'; frame-ancestors 'none'",
          '/',
          "  Content-Security-Policy: default-src 'self'; frame-ancestors 'none'",
          '/index.html',
          "  Content-Security-Policy: default-src 'self'; frame-ancestors 'none'",
          '/notes/',
          "  Content-Security-Policy: default-src 'none'; frame-ancestors 'none'",
          '/notes/index.html',
          "  Content-Security-Policy: default-src 'none'; frame-ancestors 'none'",
          '/sw.js',
          `  Content-Security-Policy: ${WORKER_POLICY}`,
          '',
        ].join('\n'),
      );
    },
  );
});
