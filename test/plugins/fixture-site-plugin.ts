// Serves the fixture blog (test/fixtures/articles/blog), built as a publisher would build it,
// under /fixture-site/ on the test server itself, so the same frame helpers, axe and keyboard
// tests run over it in every browser; and the audio fixture (test/fixtures/articles/audio),
// with its audio edition rendered, under /audio-site/ for the recorded player's tests. Each is
// built once, on its first request, into a temporary folder that is removed when the test
// server stops (the audio render is cached, so later runs are quick).
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const FIXTURE_SITE = '/fixture-site/';
export const AUDIO_SITE = '/audio-site/';

/**
 * @param {{ prefix?: string, sources?: string, audio?: boolean }} [options] where it is served,
 *   what it is built from, and whether the build renders audio
 * @returns {import('@web/test-runner-core').TestRunnerPlugin}
 */
export function fixtureSitePlugin({ prefix = FIXTURE_SITE, sources: SOURCES = 'test/fixtures/articles/blog', audio = false } = {}) {
  /** @type {Promise<string> | undefined} */
  let built;
  const build = async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'reader-edition-fixture-site-'));
    await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['generator/build-site.ts', '--out', out, '--articles', SOURCES, ...(audio ? [] : ['--no-audio'])], { stdio: ['ignore', 'ignore', 'pipe'] });
      let errors = '';
      child.stderr.on('data', (chunk) => (errors += chunk));
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve(undefined) : reject(new Error(`building ${SOURCES} failed:\n${errors}`))));
    });
    return out;
  };
  return {
    name: `fixture-site ${prefix}`,
    async serve(context) {
      if (!context.path.startsWith(prefix)) return undefined;
      built ??= build();
      const out = await built;
      const relative = decodeURIComponent(context.path.slice(prefix.length)) || 'index.html';
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
