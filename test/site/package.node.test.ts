// The edition as a publisher gets it: this project packed as npm would publish it, installed
// into an empty folder, and its `reader-edition` command run there over a folder of two posts.
// The one test that runs the command (the others call buildSite()); it shows the package
// carries everything the build needs and finds its own files wherever it is installed. About
// half a minute, most of it npm installing the dependencies from its cache (no network needed).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/**
 * npm's own variables from a `npm run` that started these tests would point the inner npm at
 * this project; its cache and user settings are kept, so the install finds what `npm ci` fetched.
 */
const env: NodeJS.ProcessEnv = {
  ...Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) =>
        !key.startsWith('npm_') || ['npm_config_cache', 'npm_config_userconfig', 'npm_config_registry'].includes(key),
    ),
  ),
  PUPPETEER_SKIP_DOWNLOAD: '1',
  npm_config_update_notifier: 'false',
};

const POSTS = {
  'first-steps.md':
    '---\ntitle: First steps\nauthor: Ada Writer\ndate: 2024-05-01\n---\n\nWhere it begins.\n\n## A section\n\nA sentence or two.\n',
  'second-thoughts.md':
    '---\ntitle: Second thoughts\nauthor: Ada Writer\ndate: 2024-06-01\n---\n\nWhere it goes on.\n\n## Another section\n\nOne more sentence.\n',
};

let dir = '';

/** The installed command, run in the publisher's folder. */
const command = (...args: string[]) =>
  exec('npx', ['--no', '--', 'reader-edition', ...args], { cwd: dir, env, maxBuffer: 1 << 24 });

before(
  async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'reader-edition-package-'));
    const { stdout } = await exec('npm', ['pack', '--json', '--pack-destination', dir], { env });
    const [{ filename }] = JSON.parse(stdout) as { filename: string }[];
    await writeFile(
      path.join(dir, 'package.json'),
      `${JSON.stringify({ name: 'a-publishers-site', private: true })}\n`,
    );
    await exec('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', `./${filename}`], {
      cwd: dir,
      env,
      maxBuffer: 1 << 24,
    });
    await mkdir(path.join(dir, 'posts'));
    for (const [name, text] of Object.entries(POSTS)) await writeFile(path.join(dir, 'posts', name), text);
  },
  { timeout: 5 * 60_000 },
);
after(() => rm(dir, { recursive: true, force: true }));

test('the installed command builds a folder of posts into a site: each post a page, and the index lists them', async () => {
  const { stdout, stderr } = await command('build', '--articles', 'posts', '--out', 'site', '--no-audio');
  assert.equal(stderr, '');
  assert.match(stdout, /^precache: \d+ files/m);
  assert.match(stdout, /^built site\/: \d+ files/m);
  const index = await readFile(path.join(dir, 'site/index.html'), 'utf8');
  const listed = [...index.matchAll(/<h2 id="article-[^"]+"[^>]*><a href="\.\/([^"]+)">([^<]+)<\/a><\/h2>/g)].map(
    (m) => `${m[1]} ${m[2]}`,
  );
  assert.deepEqual(listed, ['second-thoughts.html Second thoughts', 'first-steps.html First steps']);
  assert.match(await readFile(path.join(dir, 'site/first-steps.html'), 'utf8'), /<h1[^>]*>First steps<\/h1>/);
  assert.match(await readFile(path.join(dir, 'site/second-thoughts.html'), 'utf8'), /<h1[^>]*>Second thoughts<\/h1>/);
  // The edition's own files came from the package: its script, worker and icons.
  for (const file of ['sw.js', 'manifest.webmanifest', 'icons/icon-192.png', 'locale-warm-up.worker.js'])
    await readFile(path.join(dir, 'site', file));
});

test('a mistake in a post is named by file and line, and the command fails', async () => {
  await mkdir(path.join(dir, 'broken'));
  await writeFile(path.join(dir, 'broken/a-post.md'), '---\ntitle: A post\ndate: [2024-05-01\n---\n\nText.\n');
  const failed = await command('build', '--articles', 'broken', '--out', 'broken-site', '--no-audio').then(
    () => assert.fail('the build succeeded'),
    (error: unknown) => error as { code: number; stdout: string; stderr: string },
  );
  assert.equal(failed.code, 1);
  assert.match(failed.stderr, /^broken\/a-post\.md:\d+(:\d+)?: error: /m);
  // The publisher's mistake, not the edition's: no stack.
  assert.doesNotMatch(failed.stderr, /^\s+at /m);
});

test('the command explains itself, and says so when it is called wrong', async () => {
  const { stdout } = await command('--help');
  assert.match(stdout, /^Usage: reader-edition <command>/);
  assert.match(stdout, /reader-edition build \[--articles DIR\] \[--out DIR\]/);
  assert.match(stdout, /reader-edition preview/);
  const wrong = await command('build', '--article', 'posts').then(
    () => assert.fail('an unknown option was accepted'),
    (error: unknown) => error as { code: number; stderr: string },
  );
  assert.equal(wrong.code, 2);
  assert.match(wrong.stderr, /unknown option --article\b.*reader-edition --help/);
});
