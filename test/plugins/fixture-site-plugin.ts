// Serves the fixture blog (test/fixtures/articles/blog), built as a publisher would build it,
// under /fixture-site/ on the test server itself, so the same frame helpers, axe and keyboard
// tests run over it in every browser; and the audio fixture (test/fixtures/articles/audio),
// with its audio edition rendered, under /audio-site/ for the recorded player's tests; and the
// archive fixture (test/fixtures/articles/archive: a home page of one article, then an archive by
// year) under /archive-site/; and the queue fixture (test/fixtures/articles/queue: three short
// articles with audio) under /queue-site/. Each is built once (buildSite(), in the test runner's process), on
// its first request, into a temporary folder that is removed when the test server stops (the
// audio render is cached, so later runs are quick).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestRunnerPlugin } from '@web/test-runner';
import { buildSite } from '../../generator/build-site.ts';

export const FIXTURE_SITE = '/fixture-site/';
export const AUDIO_SITE = '/audio-site/';
export const ARCHIVE_SITE = '/archive-site/';
export const QUEUE_SITE = '/queue-site/';

export interface FixtureSiteOptions {
  /** Where it is served. */
  prefix?: string;
  /** What it is built from. */
  sources?: string;
  /** Whether the build renders audio. */
  audio?: boolean;
}

export function fixtureSitePlugin({
  prefix = FIXTURE_SITE,
  sources = 'test/fixtures/articles/blog',
  audio = false,
}: FixtureSiteOptions = {}): TestRunnerPlugin {
  let built: Promise<string> | undefined;
  const build = async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'reader-edition-fixture-site-'));
    try {
      await buildSite({ out, articles: sources, audio });
    } catch (error) {
      throw new Error(`building ${sources} failed: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    }
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
      // No worker here: the offline edition has its own tests, and a worker's cache would outlive
      // this build. Not served, so the test server answers 404 (a served result is always a 200).
      if (relative === 'sw.js') return undefined;
      try {
        const body = await readFile(file);
        const type = path.extname(file).slice(1);
        if (relative.endsWith('.html') || relative.endsWith('.js') || relative.endsWith('.css'))
          return { body: body.toString('utf8'), type };
        // The dev server's types say a body is text; Koa sends a Buffer as it is (pictures, fonts, audio).
        return { body: body as unknown as string, type };
      } catch {
        return undefined;
      }
    },
    async serverStop() {
      if (built) await rm(await built, { recursive: true, force: true });
    },
  };
}
