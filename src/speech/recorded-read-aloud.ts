// The player over the audio edition: the same state machine as ReadAloud (./read-aloud.ts),
// with an audio element in place of the speech engine. The build rendered one cue per segment
// of the same spoken script, so cue i is segment i: the sentence being heard is the cue the
// media's clock is in, and moving to a sentence is setting the clock to its cue's start.
// The media element is injected, so the logic is tested with a fake.
import {
  QUIET_MS,
  type PlayerState,
  type Problem,
  type ProblemCode,
  type SpeechPlayer,
  type Timers,
} from './read-aloud.js';
import type { Segment, SpokenScript } from './spoken-script.js';
import { ScriptPlayer } from './script-navigation.js';

/** The part of HTMLMediaElement the player uses. */
export interface MediaLike extends EventTarget {
  currentTime: number;
  readonly duration: number;
  playbackRate: number;
  preservesPitch: boolean;
  volume: number;
  readonly paused: boolean;
  readonly ended: boolean;
  readonly error: { code: number; message?: string } | null;
  /** What is downloaded (HTMLMediaElement's TimeRanges). */
  readonly buffered: { readonly length: number; start(index: number): number; end(index: number): number };
  play(): Promise<void>;
  pause(): void;
}

export interface Cue {
  start: number;
  end: number;
  text: string;
}

export interface RecordedOptions {
  script: SpokenScript;
  media: MediaLike;
  /** One per segment of the script, in order (see cuesMatch). */
  cues: readonly Cue[];
  /** Read on every start and speed change. */
  rate: () => number;
  timers?: Timers;
  /** The audio's server ignores byte ranges (it answered one with the whole file). */
  ignoresRanges?: boolean;
}

/**
 * The clock can land a hair before a cue's start after a seek (browsers round to their own
 * time base); the build leaves 50 ms of quiet before each sentence, so this much early still counts.
 */
const EARLY_S = 0.03;

/** How long the sleep timer's fade-out lasts, in seconds heard (whatever the speed). */
export const FADE_S = 6;

/** The media's failures the player has words for, by the error's name ('media': the element's error event). */
const PROBLEMS: Readonly<Record<string, ProblemCode>> = {
  NotAllowedError: 'playback-not-allowed',
  NotSupportedError: 'playback-unsupported',
  media: 'audio-not-loaded',
  ranges: 'server-ignores-ranges',
};

/** A sentence this near the start is reached without seeking into the file. */
const START_S = 1;

/** MediaError's codes (named here, as the media element is injected). */
const MEDIA_ERR_NETWORK = 2;
const MEDIA_ERR_SRC_NOT_SUPPORTED = 4;

export class RecordedReadAloud extends ScriptPlayer implements SpeechPlayer {
  state: PlayerState = 'idle';
  index = 0;
  /** Recorded audio has sentence times only: no word is marked. */
  readonly word = undefined;
  problem?: Problem;

  readonly script: SpokenScript;
  readonly media: MediaLike;
  private readonly cues: readonly Cue[];
  private readonly rate: () => number;
  private readonly timers: Timers;
  private readonly ignoresRanges: boolean;
  private quiet?: number;
  /** The sleep timer's stop: the media time to be silent by, where to go on from, the volume to come back to. */
  private sleep?: { at: number; then: number; volume: number };
  /** Aborted when the player lets go of its media element (see release). */
  private readonly released = new AbortController();

  constructor(options: RecordedOptions) {
    super();
    this.script = options.script;
    this.media = options.media;
    this.cues = options.cues;
    this.rate = options.rate;
    this.ignoresRanges = options.ignoresRanges ?? false;
    this.timers = options.timers ?? {
      setTimeout: (cb, ms) => window.setTimeout(cb, ms),
      clearTimeout: (id) => window.clearTimeout(id),
    };
    this.media.preservesPitch = true;
    const media = this.listenTo(this.media);
    media.addEventListener('timeupdate', () => {
      // The sleep timer's stop first: a clock that ran past it must not count as the next sentence reached.
      this.fadeToSleep();
      this.followClock();
    });
    media.addEventListener('seeked', () => this.followClock());
    media.addEventListener('ended', () => this.finished());
    media.addEventListener('error', () => {
      const code = this.media.error?.code;
      this.cannotPlay('media', code === MEDIA_ERR_NETWORK || code === MEDIA_ERR_SRC_NOT_SUPPORTED);
    });
    // Paused or played from outside the page (another app took the audio, a headset's button
    // the browser handled itself): the player says so rather than showing the wrong button.
    media.addEventListener('pause', () => {
      // At the end the media pauses, then ends: that is finished(), not a pause.
      if (this.state === 'playing' && this.quiet === undefined && !this.media.ended) this.pausedOutside();
    });
    media.addEventListener('play', () => {
      if (this.state !== 'playing') {
        this.state = 'playing';
        this.problem = undefined;
        this.changed();
      }
    });
  }

  /**
   * Lets go of the media element, whose next source another player plays (the listening queue's
   * next article, in the same element: WebKit lets a page play an element once a gesture has).
   */
  release() {
    this.silence();
    this.released.abort();
  }

  /** The media's events, heard until release(). */
  private listenTo(media: MediaLike) {
    const { signal } = this.released;
    return {
      addEventListener: (type: string, listener: () => void) => media.addEventListener(type, listener, { signal }),
    };
  }

  get segment(): Segment | undefined {
    return this.script.segments[this.index];
  }

  /** Where the clock is and how long the whole is, in seconds of audio. */
  get clock() {
    return { position: this.media.currentTime, duration: this.cues[this.cues.length - 1]?.end ?? 0 };
  }

  /** When a segment's audio ends, in seconds of audio. */
  endOf(index: number) {
    return this.cues[index]?.end ?? 0;
  }

  play(from = this.index, { quietFirst = false } = {}) {
    if (this.script.segments.length === 0) return;
    this.clearQuiet();
    if (!this.moveTo(from)) return;
    this.problem = undefined;
    this.state = 'playing';
    this.start(quietFirst);
    this.changed();
  }

  /** Pauses where it is; with `'part'`, back to the sentence's start, so it is heard whole on resuming. */
  pause(from: 'word' | 'part' = 'word') {
    if (this.state !== 'playing') return;
    this.state = 'paused';
    this.silence();
    if (from === 'part') this.media.currentTime = this.cues[this.index].start;
    this.changed();
  }

  resume({ quietFirst = false } = {}) {
    if (this.state === 'playing') return;
    this.problem = undefined;
    this.state = 'playing';
    this.start(quietFirst);
    this.changed();
  }

  toggle(options: { quietFirst?: boolean } = {}) {
    if (this.state === 'playing') this.pause();
    else this.resume(options);
  }

  /** Stops; the sentence is kept, so a later Play says it again from its start. */
  stop() {
    this.state = 'idle';
    this.silence();
    this.media.currentTime = this.cues[this.index]?.start ?? 0;
    this.changed();
  }

  /** Quiet at once, then the sentence again from its start after a quiet moment (see ReadAloud.duck). */
  duck() {
    if (this.state !== 'playing') return;
    this.media.currentTime = this.cues[this.index].start;
    this.start(true);
  }

  seek(index: number) {
    if (this.moveTo(index)) this.changed();
  }

  /** Moves the clock to a time (the lock screen's scrubber): the sentence follows. */
  seekTo(seconds: number) {
    const to = Math.min(Math.max(0, seconds), this.clock.duration);
    if (!this.reachable(to)) return this.giveUp('ranges');
    this.media.currentTime = to;
    this.followClock();
  }

  /** Moves the clock by seconds of audio (back where negative), and the sentence with it. */
  skip(seconds: number) {
    this.seekTo(this.media.currentTime + seconds);
  }

  /** Fades out over the last seconds of the segment, pauses at its end, and goes on from the next. */
  pauseAfter(index: number | undefined) {
    if (index === undefined) this.wake();
    else this.sleepAt(this.cues[index].end, this.cues[index + 1]?.start ?? this.cues[index].end);
  }

  /** Fades out from now, and pauses; Play goes on from the start of the sentence it faded in. */
  fadeOut() {
    const at = this.media.currentTime + FADE_S * this.media.playbackRate;
    this.sleepAt(at, this.cues[cueAt(this.cues, at)].start);
  }

  /** A new speed applies at once; the pitch stays. */
  restartUtterance() {
    this.media.playbackRate = this.rate();
  }

  private start(quietFirst: boolean) {
    this.clearQuiet();
    this.media.playbackRate = this.rate();
    if (!quietFirst) {
      this.playMedia();
      return;
    }
    // The quiet moment is set before pausing, so the pause is known as the player's own.
    this.quiet = this.timers.setTimeout(() => {
      this.quiet = undefined;
      if (this.state === 'playing') this.playMedia();
    }, QUIET_MS);
    if (!this.media.paused) this.media.pause();
  }

  private playMedia() {
    this.media.play().catch((error: unknown) => {
      // A pause or a new source before playback began rejects with AbortError: not a failure.
      const name = error instanceof Error || error instanceof DOMException ? error.name : '';
      if (name !== 'AbortError' && this.state === 'playing') this.cannotPlay(name, name === 'NotSupportedError');
    });
  }

  /** Moves to a sentence; where the media cannot seek there, says so and stays (false). */
  private moveTo(index: number): boolean {
    const to = Math.min(Math.max(0, index), this.script.segments.length - 1);
    if (!this.reachable(this.cues[to].start)) {
      this.giveUp('ranges');
      return false;
    }
    this.index = to;
    this.media.currentTime = this.cues[to].start;
    return true;
  }

  /**
   * Whether the media can seek to a time. From a server that ignores byte ranges, WebKit (every
   * browser on iOS) and Firefox cannot seek into what they have not downloaded: WebKit goes back to
   * the start or waits in silence, Firefox stops at what it has. There, only the start and what is
   * downloaded are tried, and the listener is told why anything else is not.
   */
  private reachable(seconds: number) {
    if (!this.ignoresRanges || seconds < START_S) return true;
    const { buffered } = this.media;
    for (let i = 0; i < buffered.length; i++) {
      if (buffered.start(i) <= seconds && seconds <= buffered.end(i)) return true;
    }
    return false;
  }

  /** The sentence being heard is the last cue started by the clock. */
  private followClock() {
    const at = cueAt(this.cues, this.media.currentTime + EARLY_S);
    if (at === this.index) return;
    this.index = at;
    this.changed();
  }

  private sleepAt(at: number, then: number) {
    this.sleep = { at, then, volume: this.sleep?.volume ?? this.media.volume };
    this.fadeToSleep();
  }

  /** The sleep timer called off: the volume comes back. */
  private wake() {
    if (this.sleep) this.media.volume = this.sleep.volume;
    this.sleep = undefined;
  }

  /** Lowers the volume over the fade's last seconds (the clock tells its time a few times a second), then pauses. */
  private fadeToSleep() {
    const sleep = this.sleep;
    if (!sleep || this.state !== 'playing') return;
    const left = sleep.at - this.media.currentTime;
    if (left > 0) {
      this.media.volume = sleep.volume * Math.min(1, left / (FADE_S * this.media.playbackRate));
      return;
    }
    this.state = 'paused';
    this.silence();
    this.wake();
    this.media.currentTime = sleep.then;
    this.followClock();
    this.dispatchEvent(new Event('slept'));
    this.changed();
  }

  private pausedOutside() {
    this.state = 'paused';
    this.changed();
  }

  private finished() {
    this.state = 'idle';
    this.silence();
    this.moveTo(0);
    this.dispatchEvent(new Event('finished'));
    this.changed();
  }

  /**
   * WebKit, failing to seek in audio from a server that ignores byte ranges, may also report a
   * network error or an unsupported source, or reject play() as not supported; no connection check
   * would help. Where the server is the cause (`maybeRanges`, and it ignores them) the listener is
   * told so, and what to do instead.
   */
  private cannotPlay(code: string, maybeRanges: boolean) {
    this.giveUp(maybeRanges && this.ignoresRanges ? 'ranges' : code);
  }

  private giveUp(code: string) {
    this.state = 'paused';
    this.silence();
    this.problem = Object.hasOwn(PROBLEMS, code) ? { code: PROBLEMS[code] } : { code: 'playback-stopped', error: code };
    this.changed();
  }

  private silence() {
    this.clearQuiet();
    if (!this.media.paused) this.media.pause();
  }

  private clearQuiet() {
    if (this.quiet !== undefined) this.timers.clearTimeout(this.quiet);
    this.quiet = undefined;
  }

  private changed() {
    this.dispatchEvent(new Event('change'));
  }
}

/** The index of the last cue starting at or before a time (the first cue before any). */
export function cueAt(cues: readonly Cue[], seconds: number) {
  let low = 0;
  let high = cues.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (cues[mid].start <= seconds) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The cues of a WebVTT file (what generator/audio/webvtt.ts writes: id, times, one line of text). */
export function parseCues(vtt: string): Cue[] {
  const cues: Cue[] = [];
  for (const block of vtt.replace(/\r\n?/g, '\n').split(/\n{2,}/)) {
    const lines = block.split('\n');
    const timing = lines.findIndex((line) => line.includes('-->'));
    if (timing < 0) continue;
    const [start, end] = lines[timing].split('-->').map((t) => seconds(t.trim().split(/\s+/)[0]));
    const text = lines
      .slice(timing + 1)
      .filter(Boolean)
      .join(' ');
    cues.push({
      start,
      end,
      text: text
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&nbsp;/g, '\u00a0')
        .replace(/&amp;/g, '&'),
    });
  }
  return cues;
}

/** "hh:mm:ss.ttt" or "mm:ss.ttt" in seconds. */
function seconds(stamp: string) {
  return stamp.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

/**
 * Whether the audio says this script: one cue per segment, each with the segment's words. Where
 * not (the article changed after the audio was rendered, or the lexicon did), the recorded
 * sentences would highlight the wrong text: the index of the first that differs.
 */
export function firstMismatch(cues: readonly Cue[], script: SpokenScript): number | undefined {
  const count = Math.max(cues.length, script.segments.length);
  for (let i = 0; i < count; i++) if (cues[i]?.text !== script.segments[i]?.spoken) return i;
  return undefined;
}
