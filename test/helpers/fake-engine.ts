// A speech engine the tests drive by hand: they decide when an utterance starts, reaches a
// word, ends or fails, and see exactly what was asked of the engine.
import type { SpeechEngine, UtteranceEvents, UtteranceRequest, Voice } from '../../src/speech/speech-engine.js';
import type { Timers } from '../../src/speech/read-aloud.js';

export class FakeEngine implements SpeechEngine {
  supported = true;
  spoken: { request: UtteranceRequest; events: UtteranceEvents }[] = [];
  cancels = 0;
  voiceList: Voice[] = [];
  private voiceListeners = new Set<() => void>();

  voices() {
    return this.voiceList;
  }

  onVoicesChanged(callback: () => void) {
    this.voiceListeners.add(callback);
    return () => this.voiceListeners.delete(callback);
  }

  setVoices(voices: Voice[]) {
    this.voiceList = voices;
    for (const listener of this.voiceListeners) listener();
  }

  speak(request: UtteranceRequest, events: UtteranceEvents) {
    this.spoken.push({ request, events });
  }

  cancel() {
    this.cancels++;
  }

  /** The latest utterance. */
  get last() {
    return this.spoken[this.spoken.length - 1];
  }

  texts() {
    return this.spoken.map((s) => s.request.text);
  }
}

/** Timers the test fires by hand. */
export class FakeTimers implements Timers {
  private next = 1;
  pending = new Map<number, { callback: () => void; ms: number }>();

  setTimeout(callback: () => void, ms: number) {
    const id = this.next++;
    this.pending.set(id, { callback, ms });
    return id;
  }

  clearTimeout(id: number) {
    this.pending.delete(id);
  }

  /** Fires every pending timer (as if a long time passed). */
  fireAll() {
    const due = [...this.pending.values()];
    this.pending.clear();
    for (const timer of due) timer.callback();
  }
}

export const voice = (name: string, lang: string, extra: Partial<Voice> = {}): Voice => ({
  id: `urn:${name}`,
  name,
  lang,
  local: true,
  default: false,
  ...extra,
});
