// The read-aloud state machine: which sentence is being read, and what happens on play,
// pause, seek, speed change and every way an engine can fail. A sentence is handed to the
// engine in clause-sized parts (./clauses.ts) so nobody waits long behind it; pause is a
// cancel that remembers the word it stopped at, because pause() acts like cancel() on
// Android and not at all on some desktop engines.
//
// The speech channel is shared: a screen reader speaks through the same engine (on Linux,
// speech-dispatcher), and its messages cut the page's speech (Chromium) or queue behind it
// (Firefox). So a part cut by someone else is not a failure: it is said again from its start
// after a quiet moment. The host can also duck (stop now, say the part again after a quiet
// moment) while the listener works the player's controls.
import { partsWithPassages, type Part } from './clauses.js';
import { writtenAt } from './lexicon.js';
import type { SpeechEngine, Voice } from './speech-engine.js';
import type { Segment, SpokenScript } from './spoken-script.js';
import { ScriptPlayer, sentenceAbout } from './script-navigation.js';
import { sameSentence } from './segment-lookup.js';

export type PlayerState = 'idle' | 'playing' | 'paused';

export interface Timers {
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

/**
 * What the bar, the keys and the lock screen work, whoever speaks: ReadAloud over the device's
 * speech engine, RecordedReadAloud (./recorded-read-aloud.ts) over the audio edition.
 */
export interface SpeechPlayer extends EventTarget {
  readonly state: PlayerState;
  /** The segment being read, or to be read next. */
  readonly index: number;
  /** The written span of the word being spoken, where known. */
  readonly word?: { start: number; end: number };
  /** What went wrong, until playing works again. */
  readonly problem?: Problem;
  readonly script: SpokenScript;
  readonly segment: Segment | undefined;
  play(from?: number, options?: { quietFirst?: boolean }): void;
  pause(from?: 'word' | 'part'): void;
  resume(options?: { quietFirst?: boolean }): void;
  toggle(options?: { quietFirst?: boolean }): void;
  stop(): void;
  duck(): void;
  seek(index: number): void;
  next(): void;
  previous(): void;
  nextSection(): void;
  previousSection(): void;
  /** Back 15 s and forward 30 s (see SKIP_BACK_S): the recording by its clock, the device's voice in whole sentences. */
  skipBack(): void;
  skipForward(): void;
  /** Moves by about this many seconds of listening at 1× (back where negative); the lock screen's seek buttons. */
  skip(seconds: number): void;
  /**
   * The sleep timer's stops (see SleepTimer): pause once a segment has been heard to its end
   * (undefined: not), or as soon as it can (the device's voice at the end of its sentence, the
   * recording fading out). Either pauses with a 'slept' event, and resumes after where it stopped.
   */
  pauseAfter(index: number | undefined): void;
  fadeOut(): void;
  /** Applies a new speed (or voice) to what is being said. */
  restartUtterance(): void;
}

export interface ReadAloudOptions {
  engine: SpeechEngine;
  script: SpokenScript;
  /** Read when each utterance starts, so a change applies from the next word spoken. */
  rate: () => number;
  voice: () => Voice | undefined;
  /**
   * A voice for a passage in another language (a French quotation in an English article);
   * undefined where the device has none, and the article's voice speaks it.
   */
  voiceFor?: (lang: string) => Voice | undefined;
  timers?: Timers;
}

/** An engine that has not started an utterance by now has dropped it. */
export const START_TIMEOUT_MS = 10_000;
/** Speaking rate of engines at 1×, for time estimates and the end-of-utterance watchdog. */
export const WORDS_PER_MINUTE = 170;
/**
 * How long the page stays silent after someone else spoke over it, or after the listener
 * pressed a key in the player, before saying the cut part again: long enough for a screen
 * reader's answer to a key to begin (Orca under load took up to 1.5 s) and for a listener
 * tabbing at an easy pace to press the next key, short enough not to feel like a stop.
 */
export const QUIET_MS = 2000;
/** The quiet moment doubles while others keep cutting in, up to this. */
const QUIET_MAX_MS = 8000;
/**
 * An engine that cuts every part before it even starts is not being spoken over: it is broken
 * (or another program holds it). After this many such cuts in a row, the player gives up.
 */
const UNSTARTED_CUTS_LIMIT = 6;

/** Error codes that mean another speaker (or a cancel the page did not make) cut the utterance. */
const CUT_BY_OTHERS = new Set(['interrupted', 'canceled']);

/** The engine's failures the player has words for (src/words/first-use-words.ts), and its own two. */
const SPEECH_PROBLEMS = [
  'not-allowed',
  'audio-busy',
  'audio-hardware',
  'network',
  'synthesis-unavailable',
  'language-unavailable',
  'voice-unavailable',
  'text-too-long',
  'no-start',
  'interrupted',
] as const;

/** A failure the player's words name: the device voice's, or the audio edition's (./recorded-read-aloud.ts, ./player-sources.ts). */
export type ProblemCode =
  | (typeof SPEECH_PROBLEMS)[number]
  | 'playback-not-allowed'
  | 'playback-unsupported'
  | 'audio-not-loaded'
  | 'server-ignores-ranges'
  | 'audio-mismatch'
  | 'audio-unavailable';

/**
 * What went wrong, as a code the player puts into the page's words (speech/ holds none): a
 * failure the words name, or one they do not, said with the engine's or the media's own code.
 */
export type Problem = { code: ProblemCode } | { code: 'speech-stopped' | 'playback-stopped'; error: string };

const isSpeechProblem = (code: string): code is (typeof SPEECH_PROBLEMS)[number] =>
  (SPEECH_PROBLEMS as readonly string[]).includes(code);

/** Estimated speaking time of some words at a rate, in ms. */
const wordsMs = (words: number, rate: number) => (words / (WORDS_PER_MINUTE * rate)) * 60_000;

/** Estimated speaking time of a segment at a rate, in ms. */
export const durationMs = (segment: Segment, rate: number) => wordsMs(segment.words, rate);

export class ReadAloud extends ScriptPlayer implements SpeechPlayer {
  state: PlayerState = 'idle';
  /** The segment being read, or to be read next. */
  index = 0;
  /** The written span of the word being spoken, within the current segment's block. */
  word?: { start: number; end: number };
  /** What went wrong, until speech works again. */
  problem?: Problem;

  /** Replaced when the listener chooses how much is said (see useScript). */
  script: SpokenScript;
  private readonly options: ReadAloudOptions;
  private readonly timers: Timers;
  /** Events of a cancelled utterance carry an old token and are ignored. */
  private token = 0;
  /** Offset in the current segment's spoken text of the last word boundary heard. */
  private resumeAt = 0;
  /** The part of the current segment being spoken. */
  private part = 0;
  private readonly partCache = new Map<number, Part[]>();
  private inFlight = false;
  private started = false;
  private retried = false;
  /** Cuts by others since a part was last heard to its end, and those before any start. */
  private cuts = 0;
  private unstartedCuts = 0;
  private watchdog?: number;
  private quiet?: number;
  /** The segment after which to pause (the sleep timer). */
  private sleepAfter?: number;

  constructor(options: ReadAloudOptions) {
    super();
    this.options = options;
    this.script = options.script;
    this.timers = options.timers ?? {
      setTimeout: (cb, ms) => window.setTimeout(cb, ms),
      clearTimeout: (id) => window.clearTimeout(id),
    };
  }

  get segment(): Segment | undefined {
    return this.script.segments[this.index];
  }

  /** The parts the current segment is spoken in (one for most sentences). */
  get parts(): Part[] {
    const segment = this.segment;
    if (!segment) return [];
    let parts = this.partCache.get(segment.index);
    if (!parts) this.partCache.set(segment.index, (parts = partsWithPassages(segment.spoken, segment.passages)));
    return parts;
  }

  /**
   * Starts reading at a segment (by default where reading stands). With `quietFirst`, after a
   * quiet moment: started from the keyboard, the screen reader first says where focus went.
   */
  play(from = this.index, { quietFirst = false } = {}) {
    if (this.script.segments.length === 0) return;
    this.moveTo(from);
    this.problem = undefined;
    this.state = 'playing';
    this.start(0, quietFirst);
  }

  /**
   * Stops speaking and keeps the place: by default the last word heard; with `'part'` the
   * start of the part being spoken, so it is heard whole on resuming (used when the player
   * yields to the listener's other work).
   */
  pause(from: 'word' | 'part' = 'word') {
    if (this.state !== 'playing') return;
    this.silence();
    if (from === 'part') this.resumeAt = this.parts[this.part]?.start ?? 0;
    this.state = 'paused';
    this.changed();
  }

  /** Continues from the word where it paused (the part's start after a quiet moment, with `quietFirst`). */
  resume({ quietFirst = false } = {}) {
    if (this.state === 'playing') return;
    this.problem = undefined;
    this.state = 'playing';
    this.start(this.resumeAt, quietFirst);
  }

  toggle(options: { quietFirst?: boolean } = {}) {
    if (this.state === 'playing') this.pause();
    else this.resume(options);
  }

  /** Stops speech; the position is kept, so a later Play carries on from it. */
  stop() {
    this.silence();
    this.resumeAt = 0;
    this.word = undefined;
    this.state = 'idle';
    this.changed();
  }

  /**
   * Goes quiet at once and says the current part again, from its start, after a quiet moment
   * (counted again from each call): for keys the listener presses in the player, whose answers
   * a screen reader speaks through the same engine.
   */
  duck() {
    if (this.state !== 'playing') return;
    this.silence();
    this.resumeAfter(QUIET_MS);
  }

  /** Moves to a segment; speech follows at once if playing. */
  seek(index: number) {
    this.moveTo(index);
    if (this.state === 'playing') this.speakCurrent();
    else this.changed();
  }

  /** Moves by whole sentences, about this many seconds of them at 1× (estimated from their words). */
  skip(seconds: number) {
    const to = sentenceAbout(this.script, this.index, seconds, (segment) => durationMs(segment, 1) / 1000);
    if (to !== undefined) this.seek(to);
  }

  pauseAfter(index: number | undefined) {
    this.sleepAfter = index;
  }

  /** A voice cannot fade: it ends the sentence it is saying. */
  fadeOut() {
    this.pauseAfter(this.index);
  }

  /**
   * Reads another script of the article (the listener chose how much is said): from the start of
   * the sentence being read, or the next one this script reads.
   */
  useScript(script: SpokenScript) {
    const at = this.segment ? sameSentence(script, this.segment) : 0;
    const sleepAfter = this.sleepAfter === undefined ? undefined : this.script.segments[this.sleepAfter];
    this.sleepAfter = sleepAfter && sameSentence(script, sleepAfter);
    this.script = script;
    this.partCache.clear();
    this.moveTo(at);
    if (this.state === 'playing') this.speakCurrent();
    else this.changed();
  }

  /** Applies a new speed or voice mid-sentence, from the last word heard. */
  restartUtterance() {
    if (this.state === 'playing') this.speakCurrent(this.resumeAt);
  }

  private start(offset: number, quietFirst: boolean) {
    if (!quietFirst) {
      this.speakCurrent(offset);
      return;
    }
    this.silence();
    this.part = Math.max(
      0,
      this.parts.findIndex((p) => offset < p.end),
    );
    this.resumeAfter(QUIET_MS);
    this.changed();
  }

  private moveTo(index: number) {
    this.index = Math.min(Math.max(0, index), this.script.segments.length - 1);
    this.resumeAt = 0;
    this.part = 0;
    this.word = undefined;
    this.cuts = 0;
    this.unstartedCuts = 0;
  }

  /** Speaks the current segment from a spoken offset: the rest of its part, then the parts after it. */
  private speakCurrent(offset = 0) {
    this.silence();
    const token = this.token;
    const segment = this.segment!;
    const parts = this.parts;
    this.part = Math.max(
      0,
      parts.findIndex((p) => offset < p.end),
    );
    const part = parts[this.part];
    const from = Math.max(offset, part.start);
    this.resumeAt = from;
    const rate = this.options.rate();
    this.inFlight = true;
    this.started = false;
    // Said before speaking: WebKit may fire the utterance's start inside speak(), and the
    // sentence it starts must already be the one highlighted.
    this.changed();
    // A passage in another language is said by a voice for it, where the device has one.
    const own = part.lang === undefined ? undefined : this.options.voiceFor?.(part.lang);
    const [lang, voice] = own ? [part.lang!, own] : [this.script.lang, this.options.voice()];
    this.options.engine.speak(
      { text: segment.spoken.slice(from, part.end), lang, voice, rate },
      {
        start: () => {
          if (token !== this.token) return;
          this.started = true;
          this.unstartedCuts = 0;
          // An engine may drop the end event (Chrome after ~15 s): never stay "playing" for ever.
          this.arm(() => this.finished(token), wordsMs(part.words, rate) * 3 + 10_000);
        },
        boundary: (charIndex) => {
          if (token !== this.token) return;
          this.resumeAt = from + charIndex;
          this.word = wordAt(segment, this.resumeAt);
          this.changed();
        },
        end: () => this.finished(token),
        error: (code) => {
          if (token !== this.token) return;
          if (CUT_BY_OTHERS.has(code)) this.cutByOthers();
          else this.failed(code);
        },
      },
    );
    this.arm(() => this.failed('no-start'), START_TIMEOUT_MS);
  }

  private finished(token: number) {
    if (token !== this.token) return;
    this.inFlight = false;
    this.retried = false;
    this.cuts = 0;
    this.disarm();
    if (this.part < this.parts.length - 1) {
      this.speakCurrent(this.parts[this.part + 1].start);
    } else if (this.sleepAfter === this.index && this.index < this.script.segments.length - 1) {
      // The sleep timer's stop: paused at the next sentence, which Play says.
      this.sleepAfter = undefined;
      this.moveTo(this.index + 1);
      this.state = 'paused';
      this.dispatchEvent(new Event('slept'));
      this.changed();
    } else if (this.index < this.script.segments.length - 1) {
      this.moveTo(this.index + 1);
      this.speakCurrent();
    } else {
      // Told before the stop's change, as the recording does: the listening queue, going on to
      // the next article, keeps the bar (and focus in it) through the stop.
      this.dispatchEvent(new Event('finished'));
      this.stop();
      this.moveTo(0);
      this.changed();
    }
  }

  /**
   * Someone else spoke over the part: say it again, whole, once they have had a moment. The
   * engine is reset first: Chromium, its utterance cancelled from outside, starts no other
   * until the page itself calls cancel().
   */
  private cutByOthers() {
    this.token++;
    this.options.engine.cancel();
    this.inFlight = false;
    this.disarm();
    if (!this.started && ++this.unstartedCuts >= UNSTARTED_CUTS_LIMIT) {
      this.unstartedCuts = 0;
      this.giveUp('interrupted');
      return;
    }
    this.cuts++;
    this.resumeAfter(Math.min(QUIET_MS * 2 ** (this.cuts - 1), QUIET_MAX_MS));
  }

  /** One retry of the same words, then pause with a message: a failure never leaves it stuck. */
  private failed(code: string) {
    this.disarm();
    if (code !== 'not-allowed' && !this.retried) {
      this.retried = true;
      this.speakCurrent(this.resumeAt);
      return;
    }
    this.giveUp(code);
  }

  private giveUp(code: string) {
    this.retried = false;
    this.silence();
    this.state = 'paused';
    this.problem = isSpeechProblem(code) ? { code } : { code: 'speech-stopped', error: code };
    this.changed();
  }

  /** Says the current part again from its start after `ms` of quiet, unless anything else happens first. */
  private resumeAfter(ms: number) {
    const from = this.parts[this.part]?.start ?? 0;
    this.resumeAt = from;
    this.clearQuiet();
    this.quiet = this.timers.setTimeout(() => {
      this.quiet = undefined;
      if (this.state === 'playing') this.speakCurrent(from);
    }, ms);
  }

  /** Cancels the utterance in flight, if any, and ignores its late events. */
  private silence() {
    this.token++;
    this.disarm();
    this.clearQuiet();
    if (this.inFlight) this.options.engine.cancel();
    this.inFlight = false;
  }

  private arm(callback: () => void, ms: number) {
    this.disarm();
    this.watchdog = this.timers.setTimeout(callback, ms);
  }

  private disarm() {
    if (this.watchdog !== undefined) this.timers.clearTimeout(this.watchdog);
    this.watchdog = undefined;
  }

  private clearQuiet() {
    if (this.quiet !== undefined) this.timers.clearTimeout(this.quiet);
    this.quiet = undefined;
  }

  private changed() {
    this.dispatchEvent(new Event('change'));
  }
}

/** The whole written word at a spoken offset (engines give a start, and not always a length). */
function wordAt(segment: Segment, spokenOffset: number) {
  const at = writtenAt(segment.pieces, spokenOffset);
  if (!at) return undefined;
  const text = segment.block.textContent ?? '';
  let end = at.end;
  while (end < segment.end && /[\p{L}\p{N}'’-]/u.test(text[end])) end++;
  return { start: at.start, end };
}
