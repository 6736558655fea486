// The recorded player's logic over a fake media element: cue i is segment i, so the clock
// chooses the sentence and every move sets the clock; the same states, moves and messages as
// the device's voice (read-aloud.test.ts), with speed kept in pitch.
import { expect } from 'chai';
import { RATES } from '../../src/preferences/listening-preferences.js';
import { QUIET_MS } from '../../src/speech/read-aloud.js';
import { cueAt, firstMismatch, parseCues, RecordedReadAloud, type Cue } from '../../src/speech/recorded-read-aloud.js';
import { FakeTimers } from '../helpers/fake-engine.js';
import { FakeMedia } from '../helpers/fake-media.js';
import { smallArticleScript } from '../helpers/small-article.js';

/** The small article (../helpers/small-article.ts), with a character WebVTT escapes (&). */
const fixture = () => smallArticleScript({ betaOne: 'Beta one &amp; more.' });

/** Cue i from 2i + 0.05 s to 2i + 1.5 s, with the script's words: what the build writes. */
const cuesOf = (script: ReturnType<typeof fixture>): Cue[] =>
  script.segments.map((s, i) => ({ start: 2 * i + 0.05, end: 2 * i + 1.5, text: s.spoken }));

function setup(rate = 1) {
  const script = fixture();
  const media = new FakeMedia();
  const timers = new FakeTimers();
  let speed = rate;
  const cues = cuesOf(script);
  const player = new RecordedReadAloud({ script, media, cues, rate: () => speed, timers });
  const events: string[] = [];
  player.addEventListener('change', () => events.push(player.state));
  return { script, media, timers, player, cues, events, setRate: (r: number) => (speed = r) };
}

describe('recorded read-aloud player', () => {
  it('plays from the chosen sentence: the clock is set to its cue, and pitch is kept', () => {
    const { player, media, cues } = setup(1.5);
    player.play(4);
    expect(player.state).to.equal('playing');
    expect(player.index).to.equal(4);
    expect(media.currentTime).to.equal(cues[4].start);
    expect(media.paused).to.equal(false);
    expect(media.playbackRate).to.equal(1.5);
    expect(media.preservesPitch).to.equal(true);
  });

  it('follows the clock: the sentence is the cue playing, and stays through the pause after it', () => {
    const { player, media, events } = setup();
    player.play();
    events.length = 0;
    media.reach(0.7);
    expect(player.index).to.equal(0);
    expect(events, 'no change while inside the same sentence').to.deep.equal([]);
    media.reach(1.8);
    expect(player.index, 'in the pause after cue 0').to.equal(0);
    media.reach(2.06);
    expect(player.index).to.equal(1);
    // A clock rounded a hair before the cue's start still counts as in it.
    media.reach(4.04);
    expect(player.index).to.equal(2);
    expect(events).to.deep.equal(['playing', 'playing']);
    expect(player.segment?.spoken).to.equal('Intro two.');
  });

  it('moves by sentence and by section, as the device voice does', () => {
    const { player, media, cues, script } = setup();
    player.play(4);
    player.next();
    expect([player.index, media.currentTime]).to.deep.equal([5, cues[5].start]);
    player.previous();
    player.previous();
    expect(player.index).to.equal(3);
    player.nextSection();
    expect(player.index).to.equal(script.sections[2].first);
    expect(media.currentTime).to.equal(cues[script.sections[2].first].start);
    player.next();
    player.previousSection();
    expect(player.index, 'back to the section’s start').to.equal(script.sections[2].first);
    player.previousSection();
    expect(player.index, 'at its start: the section before').to.equal(script.sections[1].first);
    expect(player.state, 'moves keep playing').to.equal('playing');
    expect(media.paused).to.equal(false);
  });

  it('skips back 15 s and forward 30 s by its clock, the sentence following, and keeps playing', () => {
    const { player, media, cues } = setup();
    player.play(4);
    media.reach(cues[4].start + 0.5);
    player.skip(-5);
    expect(media.currentTime).to.equal(cues[4].start + 0.5 - 5);
    expect(player.index).to.equal(1);
    player.skipBack();
    expect([media.currentTime, player.index], 'not before the start').to.deep.equal([0, 0]);
    player.skipForward();
    expect([media.currentTime, player.index], 'not past the last cue').to.deep.equal([cues[8].end, 8]);
    expect(player.state).to.equal('playing');
    expect(media.paused).to.equal(false);
  });

  it('fades out over the last seconds before the sleep timer’s stop, pauses there and goes on from the next sentence', () => {
    const { player, media, cues } = setup(2);
    const slept: number[] = [];
    player.addEventListener('slept', () => slept.push(player.index));
    player.play(3);
    media.volume = 0.8;
    player.pauseAfter(4);
    // 6 s heard at 2× is 12 s of audio: the fade began before this sentence.
    media.reach(cues[4].end - 6);
    expect(media.volume).to.be.closeTo(0.4, 1e-9);
    media.reach(cues[4].end - 1.2);
    expect(media.volume).to.be.closeTo(0.08, 1e-9);
    expect(player.state).to.equal('playing');
    // The clock tells its time a few times a second: one past the stop counts as the stop.
    media.reach(cues[5].start + 0.1);
    expect(player.state).to.equal('paused');
    expect(media.paused).to.equal(true);
    expect(media.currentTime).to.equal(cues[5].start);
    expect(slept).to.deep.equal([5]);
    expect(media.volume, 'the volume back for the next Play').to.equal(0.8);

    player.resume();
    player.fadeOut();
    media.reach(cues[5].start + 6);
    expect(media.volume).to.be.closeTo(0.4, 1e-9);
    player.pauseAfter(undefined);
    expect(media.volume, 'called off: the volume back').to.equal(0.8);
    media.reach(cues[5].start + 13);
    expect(player.state).to.equal('playing');
  });

  it('pauses and resumes where it was, and a yield resumes at the sentence’s start', () => {
    const { player, media, cues } = setup();
    player.play(2);
    media.reach(cues[2].start + 0.8);
    player.pause();
    expect(player.state).to.equal('paused');
    expect(media.paused).to.equal(true);
    expect(media.currentTime, 'the place is kept').to.equal(cues[2].start + 0.8);
    player.resume();
    expect(player.state).to.equal('playing');
    expect(media.currentTime).to.equal(cues[2].start + 0.8);
    media.reach(cues[2].start + 1);
    player.pause('part');
    expect(media.currentTime, 'heard whole on resuming').to.equal(cues[2].start);
    player.toggle();
    expect(player.state).to.equal('playing');
    player.toggle();
    expect(player.state).to.equal('paused');
  });

  it('stops keeping the sentence, and plays it again from its start', () => {
    const { player, media, cues } = setup();
    player.play(3);
    media.reach(cues[3].start + 1);
    player.stop();
    expect(player.state).to.equal('idle');
    expect(media.paused).to.equal(true);
    expect(player.index).to.equal(3);
    expect(media.currentTime).to.equal(cues[3].start);
    player.play();
    expect(player.index).to.equal(3);
  });

  it('started from the keyboard, waits a quiet moment before playing; ducking says the sentence again after one', () => {
    const { player, media, timers, cues } = setup();
    player.play(1, { quietFirst: true });
    expect(player.state).to.equal('playing');
    expect(media.paused, 'silent while the screen reader speaks').to.equal(true);
    expect([...timers.pending.values()].map((t) => t.ms)).to.deep.equal([QUIET_MS]);
    timers.fireAll();
    expect(media.paused).to.equal(false);
    media.reach(cues[1].start + 0.5);
    player.duck();
    expect(media.paused).to.equal(true);
    expect(player.state, 'still playing: the pause is the player’s own').to.equal('playing');
    expect(media.currentTime).to.equal(cues[1].start);
    timers.fireAll();
    expect(media.paused).to.equal(false);
  });

  it('changes speed at once, and every speed offered, 0.5× to 4×, is applied', () => {
    const { player, media, setRate } = setup();
    player.play();
    for (const rate of RATES) {
      setRate(rate);
      player.restartUtterance();
      expect(media.playbackRate).to.equal(rate);
    }
    player.pause();
    setRate(1.25);
    player.resume();
    expect(media.playbackRate).to.equal(1.25);
  });

  it('finishes at the end: stopped, back at the start, with one finished event and no pause between', () => {
    const { player, media, events } = setup();
    const finished: number[] = [];
    player.addEventListener('finished', () => finished.push(player.index));
    player.play(8);
    events.length = 0;
    media.end(17.5);
    expect(finished).to.deep.equal([0]);
    expect(player.state).to.equal('idle');
    expect(media.currentTime).to.equal(0.05);
    expect(events, 'never "paused" on the way').to.deep.equal(['idle']);
  });

  it('says so when the browser blocks playback, and when the audio cannot load', async () => {
    const { player, media } = setup();
    media.refuse = new DOMException('no gesture', 'NotAllowedError');
    player.play();
    await Promise.resolve();
    await Promise.resolve();
    expect(player.state).to.equal('paused');
    expect(player.problem).to.deep.equal({ code: 'playback-not-allowed' });
    media.refuse = undefined;
    player.resume();
    expect(player.problem).to.equal(undefined);
    media.fail();
    expect(player.state).to.equal('paused');
    expect(player.problem).to.deep.equal({ code: 'audio-not-loaded' });
  });

  it('says when the server ignores byte ranges and the media fails as WebKit does there, and only then', async () => {
    const script = fixture();
    const refused = new DOMException('cannot seek', 'NotSupportedError');
    for (const [ignoresRanges, failure, expected] of [
      [true, 2, 'server-ignores-ranges'],
      [true, 4, 'server-ignores-ranges'],
      [true, refused, 'server-ignores-ranges'],
      [false, 2, 'audio-not-loaded'],
      [false, refused, 'playback-unsupported'],
      [true, 3, 'audio-not-loaded'],
    ] as const) {
      const media = new FakeMedia();
      const player = new RecordedReadAloud({ script, media, cues: cuesOf(script), rate: () => 1, ignoresRanges });
      const what = `ranges ignored: ${ignoresRanges}, ${typeof failure === 'number' ? `error ${failure}` : 'play() refused'}`;
      if (typeof failure === 'number') {
        player.play();
        media.fail(failure);
      } else {
        media.refuse = failure;
        player.play();
        await Promise.resolve();
        await Promise.resolve();
      }
      expect(player.state, what).to.equal('paused');
      expect(player.problem, what).to.deep.equal({ code: expected });
    }
  });

  it('from a server that ignores byte ranges, moves only to the start or into what is downloaded, and says why not', () => {
    const script = fixture();
    const media = new FakeMedia();
    const cues = cuesOf(script);
    const player = new RecordedReadAloud({ script, media, cues, rate: () => 1, ignoresRanges: true });
    player.play(0);
    media.downloaded = [[0, 5]];
    player.play(2);
    expect(player.state).to.equal('playing');
    expect(media.currentTime).to.equal(cues[2].start);
    for (const move of [() => player.play(8), () => player.seek(8), () => player.seekTo(17)]) {
      move();
      expect(player.problem).to.deep.equal({ code: 'server-ignores-ranges' });
      expect(player.state).to.equal('paused');
      expect(media.paused).to.equal(true);
      expect([player.index, media.currentTime], 'it stays where it was').to.deep.equal([2, cues[2].start]);
      player.resume();
    }
    media.downloaded = [[0, 20]];
    player.play(8);
    expect([player.state, player.index, player.problem]).to.deep.equal(['playing', 8, undefined]);
  });

  it('from a server that answers byte ranges, moves anywhere, downloaded or not', () => {
    const { player, media, cues } = setup();
    player.play(8);
    expect([player.state, media.currentTime, player.problem]).to.deep.equal(['playing', cues[8].start, undefined]);
  });

  it('an aborted play (paused before it began) is no problem', async () => {
    const { player, media } = setup();
    media.refuse = new DOMException('interrupted by pause', 'AbortError');
    player.play();
    await Promise.resolve();
    await Promise.resolve();
    expect(player.state).to.equal('playing');
    expect(player.problem).to.equal(undefined);
  });

  it('follows a pause or play from outside the page', () => {
    const { player, media } = setup();
    player.play();
    media.pausedOutside();
    expect(player.state).to.equal('paused');
    void media.play();
    expect(player.state).to.equal('playing');
  });

  it('moves to the sentence at a time (the lock screen’s scrubber), within the audio', () => {
    const { player, media } = setup();
    player.play();
    player.seekTo(10.2);
    expect(player.index).to.equal(5);
    expect(media.currentTime).to.equal(10.2);
    player.seekTo(99);
    expect(media.currentTime, 'no further than the last cue’s end').to.equal(17.5);
    expect(player.clock).to.deep.equal({ position: 17.5, duration: 17.5 });
  });
});

describe('recorded audio cues', () => {
  it('reads the build’s WebVTT: times, text unescaped, notes skipped', () => {
    const vtt =
      'WEBVTT\n\nNOTE the sentences\n\ns1\n00:00:00.050 --> 00:00:01.250\nTitle\n\ns2\n00:01:02.500 --> 01:00:03.000\nBeta one &amp; more &lt;3\n';
    expect(parseCues(vtt)).to.deep.equal([
      { start: 0.05, end: 1.25, text: 'Title' },
      { start: 62.5, end: 3603, text: 'Beta one & more <3' },
    ]);
  });

  it('finds the cue at a time, the first before any', () => {
    const cues = [0.5, 2, 4].map((start) => ({ start, end: start + 1, text: '' }));
    expect([0, 0.5, 1.9, 2, 3.99, 4, 100].map((t) => cueAt(cues, t))).to.deep.equal([0, 0, 0, 1, 1, 2, 2]);
  });

  it('names the first sentence where the audio and the page’s script differ', () => {
    const script = fixture();
    const cues = cuesOf(script);
    expect(firstMismatch(cues, script)).to.equal(undefined);
    expect(firstMismatch(cues.slice(0, -1), script), 'a sentence missing').to.equal(8);
    expect(
      firstMismatch(
        cues.map((c, i) => (i === 3 ? { ...c, text: 'Section: Old' } : c)),
        script,
      ),
    ).to.equal(3);
  });
});
