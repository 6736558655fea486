// Serves the fixture blog (test/fixtures/articles/blog), built as a publisher would build it,
// under /fixture-site/ on the test server itself, so the same frame helpers, axe and keyboard
// tests run over it in every browser. Built once, on its first request, into a temporary
// folder that is removed when the test server stops.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const FIXTURE_SITE = '/fixture-site/';
const SOURCES = 'test/fixtures/articles/blog';

/** @returns {import('@web/test-runner-core').TestRunnerPlugin} */
export function fixtureSitePlugin() {
  /** @type {Promise<string> | undefined} */
  let built;
  const build = async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'reader-edition-fixture-site-'));
    await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['scripts/build.mjs', '--out', out, '--articles', SOURCES, '--no-audio'], { stdio: ['ignore', 'ignore', 'pipe'] });
      let errors = '';
      child.stderr.on('data', (chunk) => (errors += chunk));
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve(undefined) : reject(new Error(`building ${SOURCES} failed:\n${errors}`))));
    });
    return out;
  };
  return {
    name: 'fixture-site',
    async serve(context) {
      if (!context.path.startsWith(FIXTURE_SITE)) return undefined;
      built ??= build();
      const out = await built;
      const relative = decodeURIComponent(context.path.slice(FIXTURE_SITE.length)) || 'index.html';
      const file = path.join(out, relative);
      if (!file.startsWith(out)) return undefined;
      // No worker here: the offline edition has its own tests, and a worker's cache would outlive this build.
      if (relative === 'sw.js') return { status: 404, body: 'not served in tests', type: 'text' };
      try {
        const body = await readFile(file);
        return { body: relative.endsWith('.html') || relative.endsWith('.js') || relative.endsWith('.css') ? body.toString('utf8') : body, type: path.extname(file).slice(1) };
      } catch {
        return undefined;
      }
    },
    async serverStop() {
      if (built) await rm(await built, { recursive: true, force: true });
    },
  };
}
