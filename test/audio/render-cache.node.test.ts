// The audio render cache, shared by builds that run side by side in one process (the test
// runner builds a fixture site for two browsers at once): neither may fail, and the entry
// they leave is whole.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { readRender, writeRender } from '../../generator/audio/render-cache.ts';

test('two builds storing the same render at once both succeed, leaving one whole entry', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'reader-edition-cache-'));
  try {
    const render = {
      mp3: new Uint8Array(Buffer.from('not really an mp3')),
      timeline: { sampleRate: 16000, samples: 0, spans: [], renderSeconds: 0 },
    };
    await Promise.all(Array.from({ length: 4 }, () => writeRender(dir, 'post.html', 'abc', render)));
    assert.deepEqual(await readdir(dir), ['post.html.abc']);
    assert.deepEqual((await readRender(dir, 'post.html', 'abc'))?.mp3, render.mp3);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
