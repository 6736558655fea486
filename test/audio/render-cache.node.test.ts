// The audio render cache, shared by builds that run side by side (the test runner builds a
// fixture site for two browsers at once; a publisher may build while the tests run): none may
// fail, and the entry they leave is whole.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { readRender, writeRender } from '../../generator/audio/render-cache.ts';

const render = {
  mp3: new Uint8Array(Buffer.from('not really an mp3')),
  timeline: { sampleRate: 16000, samples: 0, spans: [], renderSeconds: 0 },
};

async function inCacheFolder(use: (dir: string) => Promise<void>) {
  const dir = await mkdtemp(path.join(tmpdir(), 'reader-edition-cache-'));
  try {
    await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('builds storing the same render at once all succeed, leaving one whole entry', () =>
  inCacheFolder(async (dir) => {
    // Many rounds of eight writers: a replace-then-rename store lost this race now and then.
    for (let round = 0; round < 25; round++) {
      await Promise.all(Array.from({ length: 8 }, () => writeRender(dir, 'post.html', 'abc', render)));
      assert.deepEqual(await readdir(dir), ['post.html.abc']);
      assert.deepEqual((await readRender(dir, 'post.html', 'abc'))?.mp3, render.mp3);
    }
  }));

test('an entry damaged outside the build is replaced whole', () =>
  inCacheFolder(async (dir) => {
    await writeRender(dir, 'post.html', 'abc', render);
    await unlink(path.join(dir, 'post.html.abc', 'timeline.json'));
    assert.equal(await readRender(dir, 'post.html', 'abc'), undefined);
    await writeRender(dir, 'post.html', 'abc', render);
    assert.deepEqual(await readdir(dir), ['post.html.abc']);
    assert.deepEqual((await readRender(dir, 'post.html', 'abc'))?.timeline, render.timeline);
  }));
