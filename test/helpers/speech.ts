// Watches what an edition page asks its real speech engine to say, and when the engine
// starts and finishes each utterance, without replacing the engine.
import { LISTENING_KEY } from '../../src/preferences/storage-keys.js';
import type { Edition } from './edition.js';
import { events, nextEvent, until } from './waiting.js';

/**
 * These helpers watch the device's voice, so they choose it, as a listener would under More
 * options: on a page with an audio edition the player may otherwise default to the recording
 * (a phone, or only poor voices, as espeak-ng's and the fakes' are). Stored in the frame and
 * announced to it as another tab's change, the way the player hears one.
 */
export function chooseDeviceVoice(edition: Edition) {
  if (edition.doc.getElementById('audio-edition')) chooseSource(edition, 'device');
}

/** Chooses who reads, in an open page. */
export function chooseSource(edition: Edition, source: 'device' | 'recorded' | 'auto') {
  const storage = edition.win.localStorage;
  const stored = JSON.parse(storage.getItem(LISTENING_KEY) ?? '{}') as object;
  storage.setItem(LISTENING_KEY, JSON.stringify({ ...stored, source }));
  edition.win.dispatchEvent(new edition.win.StorageEvent('storage', { key: LISTENING_KEY }));
}

export interface Heard {
  text: string;
  rate: number;
  /** The language the utterance was said in, and the voice asked for (the engine's default when none). */
  lang: string;
  voice?: { name: string; lang: string };
  /** The sentence highlighted on the page when the engine started speaking. */
  highlighted: string;
  started?: number;
  /** When the engine was done with it: its end, or the error that cut it. */
  ended?: number;
  /** The error the engine gave instead of an end (a cut one: interrupted, canceled). */
  error?: string;
}

/** Which utterances a wait takes: any, those of one text, those matching a pattern or a test. */
export type UtteranceMatch<T> = string | RegExp | ((utterance: T) => boolean) | undefined;

function matcher<T extends { text: string }>(match: UtteranceMatch<T>): (utterance: T) => boolean {
  if (match === undefined) return () => true;
  if (typeof match === 'string') return (u) => u.text === match;
  if (match instanceof RegExp) return (u) => match.test(u.text);
  return match;
}

const describeMatch = <T>(match: UtteranceMatch<T>) =>
  match === undefined ? 'an utterance' : typeof match === 'function' ? 'the utterance looked for' : `“${match}”`;

/**
 * The page's real speech engine, listened to: every utterance the page hands it (`handed`), and
 * those it starts (`heard`), with when each started and ended and what was highlighted then.
 */
export function listenTo(edition: Edition) {
  chooseDeviceVoice(edition);
  const handed: Heard[] = [];
  const heard: Heard[] = [];
  const engine = new EventTarget();
  const synth = edition.win.speechSynthesis;
  const speak = synth.speak.bind(synth);
  synth.speak = (utterance: SpeechSynthesisUtterance) => {
    const { voice } = utterance;
    const entry: Heard = {
      text: utterance.text,
      rate: utterance.rate,
      lang: utterance.lang,
      voice: voice ? { name: voice.name, lang: voice.lang } : undefined,
      highlighted: '',
    };
    handed.push(entry);
    // Added after the page's own handlers, so these run once the page has answered each event.
    utterance.addEventListener('start', () => {
      entry.started = performance.now();
      entry.highlighted = highlighted(edition);
      heard.push(entry);
      engine.dispatchEvent(new CustomEvent('start', { detail: entry }));
    });
    const done = (error?: string) => {
      entry.ended = performance.now();
      entry.error = error;
      engine.dispatchEvent(new CustomEvent('done', { detail: entry }));
    };
    utterance.addEventListener('end', () => done());
    utterance.addEventListener('error', (event) => done(event.error));
    speak(utterance);
  };
  const said = () => heard.map((h) => h.text).join(' | ') || 'nothing';
  return {
    handed,
    heard,
    /** The next utterance the engine starts from now (the next that matches, when given). */
    async nextStart(match?: UtteranceMatch<Heard>, timeout?: number): Promise<Heard> {
      const takes = matcher(match);
      const event = await nextEvent<CustomEvent<Heard>>(
        engine,
        'start',
        (e) => takes(e.detail),
        () => `the engine to start ${describeMatch(match)}; it started: ${said()}`,
        timeout,
      );
      return event.detail;
    },
    /** Resolves once the engine is done with an utterance, by its end or by an error (at once if it is). */
    settled(entry: Heard) {
      return until(
        () => entry.ended !== undefined,
        `the engine to be done with “${entry.text}”`,
        events(engine, 'done'),
      );
    },
  };
}

/** The text of the sentence highlight, as a reader sees it marked. */
export function highlighted(edition: Edition): string {
  const highlight = (edition.win.CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights?.get(
    'read-aloud-sentence',
  );
  return highlight ? [...highlight].map((range) => range.toString()).join(' ') : '';
}

export interface FakeVoice {
  voiceURI: string;
  name: string;
  lang: string;
  localService: boolean;
  default: boolean;
}

export const fakeVoice = (name: string, lang: string, extra: Partial<FakeVoice> = {}): FakeVoice => ({
  voiceURI: `urn:voice:${name}`,
  name,
  lang,
  localService: true,
  default: false,
  ...extra,
});

/**
 * Replaces a page's speech engine with one the test controls: utterances start at once and
 * end only when the test says, so the player can be held playing, paused or failing.
 */
export function fakeSpeech(
  edition: Edition,
  voices: FakeVoice[] = [fakeVoice('Test English', 'en-GB', { default: true })],
) {
  chooseDeviceVoice(edition);
  const synth = edition.win.speechSynthesis;
  const spoken: SpeechSynthesisUtterance[] = [];
  const started = new WeakSet<SpeechSynthesisUtterance>();
  const starts = new EventTarget();
  let cancels = 0;
  const fire = (utterance: SpeechSynthesisUtterance, type: string, extra: object = {}) =>
    utterance.dispatchEvent(Object.assign(new edition.win.Event(type), extra));
  Object.assign(synth, {
    getVoices: () => voices,
    speak: (utterance: SpeechSynthesisUtterance) => {
      spoken.push(utterance);
      edition.win.setTimeout(() => {
        fire(utterance, 'start');
        started.add(utterance);
        starts.dispatchEvent(new CustomEvent('start', { detail: utterance }));
      }, 0);
    },
    cancel: () => cancels++,
  });
  const texts = () => spoken.map((u) => u.text);
  synth.dispatchEvent(new edition.win.Event('voiceschanged'));
  return {
    spoken,
    cancels: () => cancels,
    texts,
    /** The next utterance the engine starts from now (the next that matches, when given). */
    async nextStart(
      match?: UtteranceMatch<SpeechSynthesisUtterance>,
      timeout?: number,
    ): Promise<SpeechSynthesisUtterance> {
      const takes = matcher(match);
      const what = () =>
        `the engine to start ${describeMatch(match)}; it was handed: ${texts().join(' | ') || 'nothing'}`;
      return (
        await nextEvent<CustomEvent<SpeechSynthesisUtterance>>(starts, 'start', (e) => takes(e.detail), what, timeout)
      ).detail;
    },
    /** Resolves once the engine has started this utterance (at once if it has). */
    startOf(utterance: SpeechSynthesisUtterance) {
      return until(() => started.has(utterance), `the engine to start “${utterance.text}”`, events(starts, 'start'));
    },
    setVoices(next: FakeVoice[]) {
      voices = next;
      synth.dispatchEvent(new edition.win.Event('voiceschanged'));
    },
    /**
     * The engine finishes the utterance it is speaking. Resolves once the page has had the task
     * in which it hands the engine what comes next (src/speech/speech-engine.ts): a timer set
     * after the page's fires after it.
     */
    end() {
      fire(spoken[spoken.length - 1], 'end');
      return new Promise<void>((resolve) => edition.win.setTimeout(resolve, 0));
    },
    fail(error: string) {
      fire(spoken[spoken.length - 1], 'error', { error });
    },
  };
}

/** Presses Listen with the fake engine (and these voices) in place, and resolves once the engine has started the first utterance. */
export async function startPlaying(edition: Edition, voices?: FakeVoice[]) {
  const speech = fakeSpeech(edition, voices);
  const host = edition.doc.querySelector('read-aloud-player') as unknown as HTMLElement & {
    updateComplete: Promise<unknown>;
  };
  await host.updateComplete;
  const first = speech.nextStart();
  host.shadowRoot!.querySelector<HTMLButtonElement>('.listen')!.click();
  await first;
  await host.updateComplete;
  return speech;
}
