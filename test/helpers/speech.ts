// Watches what an edition page asks its real speech engine to say, and when the engine
// starts and finishes each utterance, without replacing the engine.
import { LISTENING_KEY } from '../../src/preferences/storage-keys.js';
import type { Edition } from './edition.js';

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
  ended?: number;
}

export function listenTo(edition: Edition) {
  chooseDeviceVoice(edition);
  const heard: Heard[] = [];
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
    utterance.addEventListener('start', () => {
      entry.started = performance.now();
      entry.highlighted = highlighted(edition);
      heard.push(entry);
    });
    utterance.addEventListener('end', () => (entry.ended = performance.now()));
    speak(utterance);
  };
  return {
    heard,
    /** Resolves once at least `count` utterances have started. */
    async started(count: number, timeout = 30_000) {
      const until = performance.now() + timeout;
      while (heard.length < count) {
        if (performance.now() > until)
          throw new Error(
            `only ${heard.length} of ${count} utterances started: ${heard.map((h) => h.text).join(' | ')}`,
          );
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return heard;
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

/** Polls until a condition holds (for state that changes with speech, at the engine's pace). */
export async function until(condition: () => boolean, what: string, timeout = 30_000) {
  const end = performance.now() + timeout;
  while (!condition()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
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
  let cancels = 0;
  const fire = (utterance: SpeechSynthesisUtterance, type: string, extra: object = {}) =>
    utterance.dispatchEvent(Object.assign(new edition.win.Event(type), extra));
  Object.assign(synth, {
    getVoices: () => voices,
    speak: (utterance: SpeechSynthesisUtterance) => {
      spoken.push(utterance);
      edition.win.setTimeout(() => fire(utterance, 'start'), 0);
    },
    cancel: () => cancels++,
  });
  synth.dispatchEvent(new edition.win.Event('voiceschanged'));
  return {
    spoken,
    cancels: () => cancels,
    texts: () => spoken.map((u) => u.text),
    setVoices(next: FakeVoice[]) {
      voices = next;
      synth.dispatchEvent(new edition.win.Event('voiceschanged'));
    },
    /** The engine finishes the utterance it is speaking. */
    end() {
      fire(spoken[spoken.length - 1], 'end');
    },
    fail(error: string) {
      fire(spoken[spoken.length - 1], 'error', { error });
    },
  };
}

/** Presses Listen with the fake engine in place, and resolves once the first sentence is spoken. */
export async function startPlaying(edition: Edition) {
  const speech = fakeSpeech(edition);
  const host = edition.doc.querySelector('read-aloud-player') as unknown as HTMLElement & {
    updateComplete: Promise<unknown>;
  };
  await host.updateComplete;
  host.shadowRoot!.querySelector<HTMLButtonElement>('.listen')!.click();
  await until(() => speech.spoken.length > 0, 'the first utterance');
  await host.updateComplete;
  return speech;
}
