// Node tests of the static server's byte ranges: answered as media elements ask for them (206,
// the bytes asked for), and, as the tests' stand-in for a static host that ignores them,
// not answered at all (`ranges: false`: the whole file, 200, and no Accept-Ranges).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startStaticServer } from '../../generator/serve.ts';

const AUDIO = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));
const resolve = async (pathname: string) => (pathname === '/audio.mp3' ? AUDIO : undefined);

/** The server's answer to a request for bytes 100 to 199 of the file. */
async function askForRange(ranges?: boolean) {
  const server = await startStaticServer({ resolve, ranges, lifetimeMs: 30_000 });
  try {
    const response = await fetch(`${server.origin}/audio.mp3`, { headers: { Range: 'bytes=100-199' } });
    return {
      status: response.status,
      acceptRanges: response.headers.get('accept-ranges'),
      contentRange: response.headers.get('content-range'),
      body: Buffer.from(await response.arrayBuffer()),
    };
  } finally {
    await server.close();
  }
}

test('a range is answered with its bytes, as media elements need to seek', async () => {
  const answer = await askForRange();
  assert.equal(answer.status, 206);
  assert.equal(answer.acceptRanges, 'bytes');
  assert.equal(answer.contentRange, 'bytes 100-199/1000');
  assert.deepEqual(answer.body, AUDIO.subarray(100, 200));
});

test('with ranges: false, a range is answered with the whole file, as a host that ignores ranges does', async () => {
  const answer = await askForRange(false);
  assert.equal(answer.status, 200);
  assert.equal(answer.acceptRanges, null);
  assert.equal(answer.contentRange, null);
  assert.deepEqual(answer.body, AUDIO);
});
