// The audio edition from a static host that ignores byte ranges (every request answered whole,
// 200), as some hosts do. WebKit (every browser on iOS) plays such audio from its start but cannot
// seek into what it has not downloaded: it goes back to the start, waits in silence, or fails;
// Firefox stops where its download is, and Chromium too before it has the whole file. Listen from
// here at a section minutes in must then get the player's message, saying why and what to do,
// never silence nor another part of the article; or, where the browser can, play on from there.
import { expect } from 'chai';
import { site } from '../helpers/offline-site.js';
import { LISTENING_KEY } from '../helpers/storage.js';
import { FIRST_USE_ENGLISH } from '../../src/words/first-use-words.js';
import { parseCues } from '../../src/speech/recorded-read-aloud.js';
import type { PageAudio } from '../../src/speech/recorded-session.js';

const PLAYER = "document.querySelector('read-aloud-player')?.shadowRoot";
const PROBLEM = `(${PLAYER}?.querySelector('.problem')?.textContent ?? '').trim()`;
const SAID = FIRST_USE_ENGLISH.player.problems['server-ignores-ranges'];
/** The media element's clock has run on past a time (window.mediaEvents, see site.watchMedia). */
const PLAYS_ON = (from: number) =>
  `(window.mediaEvents ?? []).some((e) => e.type === 'timeupdate' && e.time > ${from + 0.2})`;

/** The media element is not playing: it never started, or paused since it last did. */
const SILENT = `(() => {
  const events = window.mediaEvents ?? [];
  const started = events.map((e) => e.type).lastIndexOf('playing');
  return started < 0 || events.slice(started).some((e) => e.type === 'pause');
})()`;

describe('the audio edition from a server that ignores byte ranges', function () {
  // A site built with its audio (from the render cache), served, and played: generous on a slow machine.
  this.timeout(180_000);

  afterEach(() => site.close());

  it('plays on from a section minutes in, or says this server cannot stream the audio to this browser', async () => {
    // The edition's own article: its audio (13 minutes, 3 MB) is far larger than what a media
    // element loads ahead, so a late section is not yet downloaded when the player seeks to it.
    await site.build();
    await site.serve({ ranges: false });
    await site.open('/');
    // The listener chose the recorded audio on an earlier visit.
    await site.evaluate(
      `localStorage.setItem(${JSON.stringify(LISTENING_KEY)}, JSON.stringify({ source: 'recorded' }))`,
    );
    await site.watchMedia();
    await site.reload();
    const audio = await site.evaluate<PageAudio>("JSON.parse(document.getElementById('audio-edition').textContent)");
    const chapters = parseCues(
      await site.evaluate<string>(`fetch(${JSON.stringify(audio.chapters)}).then((r) => r.text())`),
    );
    const late = chapters.find((chapter) => chapter.text === 'What I think')!.start;
    expect(late, 'a section minutes in').to.be.greaterThan(300);
    await site.waitFor(
      "!!document.querySelector('h2#what-i-think + listen-here')?.shadowRoot?.querySelector('button')",
    );

    // Listen from here, as a pointer does: the audio must seek to the section's start.
    await site.click('h2#what-i-think + listen-here >>> button');
    // Playing on is right where the browser can seek there; anything else must be said.
    const outcome = await site.waitFor<string>(
      `(${PROBLEM} === ${JSON.stringify(SAID)} && 'said') || (${PLAYS_ON(late)} && 'plays')`,
    );
    if ((await site.evaluate<string>('navigator.vendor')).startsWith('Apple')) {
      expect(outcome, 'WebKit cannot seek in audio served whole: the player says so').to.equal('said');
    }
    if (outcome === 'said') {
      expect(await site.evaluate(SILENT), 'and the audio is not left playing elsewhere').to.equal(true);
    }
  });
});
