// Node tests of the output folder: the build replaces only a folder that is new, empty or an
// earlier build's, refuses one that is, holds or lies inside what it reads, and builds beside
// it, so a failed or strict build leaves the last good site byte for byte as it was.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { BUILD_MARKER, buildSite, type BuildReport } from '../../generator/build-site.ts';
import { ArticleSourceError, BuildError } from '../../generator/diagnostics.ts';

const MISTAKES = 'test/fixtures/publisher-mistakes';
const POST =
  '---\ntitle: A post\nauthor: Ada Writer\ndate: 2024-05-01\n---\n\nWhere it begins.\n\n## A section\n\nA sentence or two.\n';

let root = '';
/** The last good site, built once and kept for the tests that must leave it as it was. */
let site = '';
let report: BuildReport;

before(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'reader-edition-out-'));
  await writeArticles(path.join(root, 'posts'));
  site = path.join(root, 'public');
  report = await buildSite({ articles: path.join(root, 'posts'), out: site, audio: false });
});
after(() => rm(root, { recursive: true, force: true }));

async function writeArticles(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'a-post.md'), POST);
}

/** Every entry under `dir` with its kind and, for a file, the hash of its bytes, in path order. */
async function tree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const lines = await Promise.all(
    entries.map(async (entry) => {
      const file = path.join(entry.parentPath, entry.name);
      const name = path.relative(dir, file);
      if (!entry.isFile()) return `${name} ${entry.isDirectory() ? 'folder' : 'other'}`;
      return `${name} ${createHash('sha256')
        .update(await readFile(file))
        .digest('hex')}`;
    }),
  );
  return lines.sort();
}

/** What the build left beside the site: nothing, once it is over. */
const besideSite = async () => (await readdir(root)).filter((name) => name.startsWith('.public.'));

/** Rejects with a BuildError of `rule` whose message matches `message`. */
async function refused(build: Promise<unknown>, rule: string, message: RegExp): Promise<void> {
  await assert.rejects(build, (error: unknown) => {
    assert.ok(error instanceof BuildError, String(error));
    assert.equal(error.rule, rule);
    assert.match(error.message, message);
    return true;
  });
}

test('an output folder that is, holds or lies inside the sources is refused, and the sources are untouched', async () => {
  const folder = path.join(root, 'site');
  const articles = path.join(folder, 'articles');
  await writeArticles(articles);
  await symlink(articles, path.join(root, 'link-to-articles'));
  const before = await tree(folder);
  const build = (out: string) => buildSite({ articles, out, audio: false });
  await refused(build(articles), 'out-folder', /is the articles folder; .*would delete every source/);
  await refused(build(folder), 'out-folder', /holds the article sources .*would delete them/);
  await refused(
    build(path.join(articles, 'public')),
    'out-folder',
    /is inside the articles folder .*read the site as sources/,
  );
  // A symbolic link does not hide the sources.
  await refused(build(path.join(root, 'link-to-articles')), 'out-folder', /is the articles folder/);
  assert.deepEqual(await tree(folder), before);
});

test('a folder that is not empty and was not written by a build is refused, untouched; so is a file', async () => {
  const mine = path.join(root, 'my-documents');
  await mkdir(path.join(mine, 'letters'), { recursive: true });
  await writeFile(path.join(mine, 'letters', 'to-ada.txt'), 'Dear Ada,\n');
  await writeFile(path.join(mine, 'notes.md'), '# Notes\n');
  const before = await tree(mine);
  await refused(
    buildSite({ articles: path.join(root, 'posts'), out: mine, audio: false }),
    'out-folder',
    /is not empty and was not written by reader-edition: choose an empty or new folder with --out, or remove it yourself/,
  );
  assert.deepEqual(await tree(mine), before);
  await refused(
    buildSite({ articles: path.join(root, 'posts'), out: path.join(mine, 'notes.md'), audio: false }),
    'out-folder',
    /is not a folder/,
  );
  assert.deepEqual(await tree(mine), before);
});

test('a missing articles folder, or an audio cache that is a file, is refused before anything is written', async () => {
  const before = await tree(root);
  await refused(
    buildSite({ articles: path.join(root, 'no-such-posts'), out: path.join(root, 'new-site'), audio: false }),
    'articles-folder',
    /no-such-posts: no such folder of article sources: give the folder that holds your Markdown posts with --articles$/,
  );
  await refused(
    buildSite({ articles: path.join(root, 'posts'), out: site, audioCache: path.join(root, 'posts', 'a-post.md') }),
    'audio-cache',
    /a-post\.md is not a folder: choose a folder with --audio-cache$/,
  );
  assert.deepEqual(await tree(root), before);
});

test('the site is marked as the build’s, and nothing in it names the folder it was built in', async () => {
  assert.equal(report.out, site);
  assert.ok(report.files.some((file) => file.path === BUILD_MARKER));
  assert.match(await readFile(path.join(site, BUILD_MARKER), 'utf8'), /^Written by reader-edition build/);
  assert.deepEqual(await besideSite(), []);
  for (const { path: file } of report.files) {
    if (!/\.(html|js|json|webmanifest|txt|xml|vtt)$/.test(file)) continue;
    const text = await readFile(path.join(site, file), 'utf8');
    assert.ok(!text.includes('.building-'), `${file} names the folder it was built in`);
    assert.ok(!text.includes(root), `${file} holds an absolute path`);
  }
  // The precache list is of addresses relative to the worker.
  const precached = [...(await readFile(path.join(site, 'sw.js'), 'utf8')).matchAll(/"url":"([^"]+)"/g)].map(
    (m) => m[1],
  );
  assert.ok(precached.includes('index.html'), precached.join(' '));
  assert.ok(precached.every((url) => !url.startsWith('/')));
});

test('a build that fails leaves the last good site byte for byte, and no folder beside it', async () => {
  const before = await tree(site);
  await assert.rejects(
    buildSite({ articles: `${MISTAKES}/failing-source`, out: site, audio: false }),
    (error: unknown) => {
      assert.ok(error instanceof ArticleSourceError, String(error));
      assert.equal(error.diagnostic.file, `${MISTAKES}/failing-source/a-post.md`);
      return true;
    },
  );
  // Stopped once the site is written, before the swap: as a crash or a full disk would.
  const crash = new Error('stopped on purpose');
  const log = (line: string) => {
    if (line.startsWith('precache:')) throw crash;
  };
  await assert.rejects(buildSite({ articles: path.join(root, 'posts'), out: site, audio: false, log }), crash);
  assert.deepEqual(await tree(site), before);
  assert.deepEqual(await besideSite(), []);
});

test('a base URL that is not one is refused before anything is written', async () => {
  const before = await tree(root);
  for (const out of [site, path.join(root, 'new', 'site')]) {
    await refused(
      buildSite({ articles: path.join(root, 'posts'), out, baseUrl: 'example.org/site', audio: false }),
      'base-url',
      /^--base-url: the base URL "example\.org\/site" is not an absolute URL: give the site's full public address, such as "https:\/\/example\.org\/blog\/"/,
    );
  }
  assert.deepEqual(await tree(root), before);
});

test('an earlier build’s folder is replaced whole, keeping its permissions; a stopped build’s leftovers go', async () => {
  await writeFile(path.join(site, 'stray.html'), '<p>not written by this build</p>\n');
  await chmod(site, 0o750);
  // What a build stopped by Ctrl+C leaves: its process is gone.
  const stopped = path.join(root, '.public.building-4194999-0123abcd');
  await mkdir(stopped);
  const again = await buildSite({ articles: path.join(root, 'posts'), out: site, audio: false });
  assert.deepEqual(
    again.files.map((f) => f.path),
    report.files.map((f) => f.path),
  );
  await assert.rejects(stat(path.join(site, 'stray.html')), { code: 'ENOENT' });
  assert.equal((await stat(site)).mode & 0o777, 0o750);
  assert.deepEqual(await besideSite(), []);
});

const exec = promisify(execFile);

/** The command, run as a publisher runs it from the edition's checkout: its exit code and output. */
async function command(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return exec(process.execPath, ['--import', 'tsx', 'generator/cli.ts', ...args], { maxBuffer: 1 << 24 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

test('the command refuses a wrong output folder or base URL with exit code 1, a message and no stack', async () => {
  const articles = path.join(root, 'site', 'articles');
  const holds = await command('build', '--articles', articles, '--out', path.join(root, 'site'), '--no-audio');
  assert.equal(holds.code, 1);
  assert.match(holds.stderr, /^error: --out \S+ holds the article sources/m);
  const url = await command(
    'build',
    '--articles',
    articles,
    '--out',
    path.join(root, 'elsewhere'),
    '--base-url',
    'example.org/site',
  );
  assert.equal(url.code, 1);
  assert.match(url.stderr, /^error: --base-url: the base URL "example\.org\/site" is not an absolute URL/m);
  for (const { stderr } of [holds, url]) {
    assert.doesNotMatch(stderr, /^\s+at /m);
    assert.doesNotMatch(stderr, /bug in reader-edition/);
  }
  await assert.rejects(stat(path.join(root, 'elsewhere')), { code: 'ENOENT' });
});

test('--strict: a warning fails the command, said once as an error, and the last good site stays', async () => {
  const before = await tree(site);
  const strict = await command(
    'build',
    '--articles',
    `${MISTAKES}/strict-warning`,
    '--out',
    site,
    '--no-audio',
    '--strict',
  );
  assert.equal(strict.code, 1, strict.stderr);
  const said = strict.stderr.split('\n').filter((line) => line.includes('"colour" is not a setting'));
  assert.deepEqual(said.length, 1, strict.stderr);
  assert.match(said[0], new RegExp(`^${MISTAKES}/strict-warning/site\\.toml:2: error: `));
  assert.match(strict.stderr, /^error: 1 warning, errors under --strict: \S+ was left as it was/m);
  assert.doesNotMatch(strict.stderr, /^\s+at /m);
  assert.doesNotMatch(strict.stdout, /^built /m);
  assert.deepEqual(await tree(site), before);
  assert.deepEqual(await besideSite(), []);
});
