// The audio kept for offline, for real, in Chromium and Firefox: the fixture site (built with
// its audio edition) served from a static server on localhost, the audio kept from the offline
// details, then the server stopped, so every request the worker does not answer from its caches
// fails. The listener then presses Listen and Listen from here as a pointer does, and hears the
// recorded audio from the cache, and opens the MP3 at its own address (its download link's).
// Firefox plays media only through an audio server: the test runner starts PulseAudio's null
// sink (web-test-runner.config.mjs).
import { expect } from 'chai';
import { site } from '../helpers/offline-site.js';
import { LISTENING_KEY } from '../helpers/storage.js';
import {
  ANNOUNCED,
  ARTICLE_KEPT,
  detailsText as text,
  expectNoAxeViolations,
  FOCUSED,
  H1,
  openDetails,
  openKeptArticle,
  openSavedSite,
  PAGE_AUDIO,
  pressInDetails as press,
  TRAIN,
} from '../helpers/kept-site.js';
import { parseCues } from '../../src/speech/recorded-read-aloud.js';
import type { PageAudio } from '../../src/speech/recorded-session.js';

const NOT_KEPT = 'The audio is not kept offline: it plays only online.';
const AUDIO_FILES =
  "caches.open('reader-edition-audio').then((c) => c.keys()).then((k) => k.map((r) => new URL(r.url).pathname))";

/**
 * Waits until the media element plays on from the first `type` event (in window.mediaEvents, see
 * site.watchMedia) whose clock `at` accepts: its clock passes `by` seconds beyond that point, or
 * beyond a seek made after it (the player may seek to its sentence just as it starts), before
 * the next seek. Answers the clock at the point it played on from.
 */
async function playsOnAfter(type: 'playing' | 'seeked', at: string, by: number) {
  const waited = site.waitFor<{ time: number }>(`(() => {
    const events = window.mediaEvents ?? [];
    const accepts = ${at};
    const first = events.findIndex((e) => e.type === ${JSON.stringify(type)} && accepts(e.time));
    if (first < 0) return false;
    for (let k = first; k < events.length; k++) {
      const from = events[k];
      if (k > first && !(from.type === 'seeked' && (${JSON.stringify(type)} === 'playing' || accepts(from.time)))) continue;
      const after = events.slice(k + 1);
      const next = after.findIndex((e) => e.type === 'seeked');
      const before = next < 0 ? after : after.slice(0, next);
      if (before.some((e) => e.type === 'timeupdate' && e.time > from.time + ${by})) return { time: from.time };
    }
    return false;
  })()`);
  try {
    return await waited;
  } catch (error) {
    // What the media element did and what the page said, to tell a stalled clock from a refused play.
    const seen = await site.evaluate<string>(
      `JSON.stringify({ media: (window.mediaEvents ?? []).filter((e) => e.type !== 'timeupdate').slice(0, 20), timeupdates: (window.mediaEvents ?? []).filter((e) => e.type === 'timeupdate').length, said: ${ANNOUNCED}, player: document.querySelector('read-aloud-player')?.shadowRoot?.textContent.replace(/\\s+/g, ' ').trim() })`,
    );
    throw new Error(`${error instanceof Error ? error.message : String(error)}\nseen: ${seen}`, { cause: error });
  }
}

describe('audio kept for offline (a served fixture site)', function () {
  // A site built with its audio, a worker installed, audio played: generous on a slow machine.
  this.timeout(240_000);

  afterEach(() => site.close());

  it('keeps the audio from the offline details; with the server stopped it plays, seeks to a section and is removed again', async () => {
    await openSavedSite();
    await openKeptArticle(TRAIN);
    await openDetails(ARTICLE_KEPT);

    // Not precached: kept on request, its size said as the page's metadata gives it.
    const audio = await site.evaluate<PageAudio>(PAGE_AUDIO);
    const size = `${Math.round(audio.bytes / 1e3)} KB`;
    const KEPT = `Audio kept offline (${size}).`;
    expect(await site.evaluate(text('.audio-kept'))).to.equal(NOT_KEPT);
    expect(await site.evaluate(text('.keep-audio'))).to.equal(`Keep audio for offline (${size})`);
    expect(
      await site.evaluate(
        `caches.match(new URL(${JSON.stringify(audio.src)}, location.href).href).then((r) => r === undefined)`,
      ),
    ).to.equal(true);
    await expectNoAxeViolations();

    await press('.keep-audio');
    await site.waitFor(`${text('.audio-kept')} === ${JSON.stringify(KEPT)}`);
    expect(await site.evaluate(FOCUSED)).to.equal('keep-audio');
    expect(await site.evaluate(text('.keep-audio'))).to.equal('Remove audio from this device');
    await site.waitFor(`${ANNOUNCED} === ${JSON.stringify(KEPT)}`);
    await expectNoAxeViolations();
    const resolve = (url: string) => new URL(url, `http://page/${TRAIN}`).pathname;
    expect((await site.evaluate<string[]>(AUDIO_FILES)).sort()).to.deep.equal(
      [audio.src, audio.cues, audio.chapters].map(resolve).sort(),
    );

    // The listener chose the recorded audio on an earlier visit; then the signal goes.
    await site.evaluate(
      `localStorage.setItem(${JSON.stringify(LISTENING_KEY)}, JSON.stringify({ source: 'recorded' }))`,
    );
    await site.stopServer();
    await site.watchMedia();
    await site.reload();
    expect(await site.evaluate(H1)).to.equal('Reading on the train');
    await site.waitFor("!!document.querySelector('read-aloud-player')?.shadowRoot?.querySelector('.listen')");

    // Listen: the audio plays from the cache, its clock running on.
    await site.click('read-aloud-player >>> .listen');
    await playsOnAfter('playing', '() => true', 0.3);

    // Listen from here, at the article's second section: the audio plays on from that section's
    // start, in the slices of the file the media element asks the worker for.
    const chapters = parseCues(
      await site.evaluate<string>(`fetch(${JSON.stringify(audio.chapters)}).then((r) => r.text())`),
    );
    expect(chapters.map((c) => c.text)).to.deep.equal(['Opening', 'Tunnels']);
    const tunnels = chapters[1].start;
    await site.click('h2#tunnels + listen-here >>> button');
    const seeked = await playsOnAfter('seeked', `(time) => Math.abs(time - ${tunnels}) < 0.3`, 0.2);
    expect(seeked.time).to.be.closeTo(tunnels, 0.3);
    expect(
      await site.evaluate<number>('window.mediaEvents.filter((e) => e.type === "playing").length'),
    ).to.be.greaterThan(0);

    // The worker answers ranges from the kept file (206, the bytes asked for), as media needs to seek.
    const ranges = await site.evaluate<{ status: number; contentRange: string | null; same: boolean }[]>(`(async () => {
      const src = ${JSON.stringify(audio.src)};
      const whole = new Uint8Array(await (await caches.match(new URL(src, location.href).href)).arrayBuffer());
      const ask = async (range, from, to) => {
        const response = await fetch(src, { headers: { Range: range } });
        const part = new Uint8Array(await response.arrayBuffer());
        const expected = whole.subarray(from, to);
        return { status: response.status, contentRange: response.headers.get('content-range'), same: part.length === expected.length && part.every((b, i) => b === expected[i]) };
      };
      return [await ask('bytes=100-199', 100, 200), await ask('bytes=' + (whole.length - 1000) + '-', whole.length - 1000, whole.length)];
    })()`);
    expect(ranges).to.deep.equal([
      { status: 206, contentRange: `bytes 100-199/${audio.bytes}`, same: true },
      { status: 206, contentRange: `bytes ${audio.bytes - 1000}-${audio.bytes - 1}/${audio.bytes}`, same: true },
    ]);

    // The MP3's own address, which its download link names, opens the kept file, not a page.
    const mp3 = resolve(audio.src);
    await site.open(mp3);
    expect(await site.evaluate('document.contentType')).to.equal('audio/mpeg');
    // Back to the article as a listener goes, with Back: WebKitGTK sends an address opened from
    // the MP3's own (sandboxed) document past the worker, to the stopped server (docs/webkit.md).
    await site.evaluate('(history.back(), true)').catch(() => undefined);
    await site.waitFor(`${H1} === 'Reading on the train'`);

    // Offline, the details still say the audio is kept; removing it takes its files away.
    await openDetails(ARTICLE_KEPT);
    await site.waitFor(`${text('.audio-kept')} === ${JSON.stringify(KEPT)}`);
    await expectNoAxeViolations();
    await press('.keep-audio');
    await site.waitFor(`${text('.audio-kept')} === ${JSON.stringify(NOT_KEPT)}`);
    expect(await site.evaluate(AUDIO_FILES)).to.deep.equal([]);
    // Nothing else held it: with the server stopped, the audio is now out of reach, so what
    // played above came from the kept files.
    expect(await site.evaluate(`fetch(${JSON.stringify(audio.src)}).then((r) => r.ok, () => false)`)).to.equal(false);
    // Its address now gets the browser's own offline error, never a page in the file's place
    // (the navigation fails where the driver reports a network error; elsewhere the error page shows).
    await site.open(mp3).catch(() => undefined);
    expect(await site.evaluate("!!document.querySelector('offline-status, article')").catch(() => false)).to.equal(
      false,
    );
  });
});
