// The speech engine behind an interface, so the player's logic is tested with a fake and
// runs against the browser's speechSynthesis for real.

export interface Voice {
  /** Stable across visits: the voice's URI. */
  id: string;
  name: string;
  lang: string;
  /** On the device, so it works offline; network voices need a connection. */
  local: boolean;
  default: boolean;
}

export interface UtteranceRequest {
  text: string;
  lang: string;
  voice?: Voice;
  rate: number;
}

export interface UtteranceEvents {
  start(): void;
  end(): void;
  /** A word boundary: offset and length in the request's text (length 0 when unknown). */
  boundary(charIndex: number, charLength: number): void;
  /** The engine's error code, e.g. "interrupted", "synthesis-failed", "not-allowed". */
  error(code: string): void;
}

export interface SpeechEngine {
  readonly supported: boolean;
  voices(): Voice[];
  /** Calls back when the voice list changes; returns an unsubscribe function. */
  onVoicesChanged(callback: () => void): () => void;
  speak(request: UtteranceRequest, events: UtteranceEvents): void;
  cancel(): void;
}

/** How long to keep looking for voices that arrive late (Chrome on Linux takes ~2 s). */
const VOICE_POLL_MS = 250;
const VOICE_POLL_LIMIT_MS = 10_000;

/** The browser's Web Speech API, feature-detected. */
export class BrowserSpeechEngine implements SpeechEngine {
  readonly supported =
    typeof window !== 'undefined' && 'speechSynthesis' in window && 'SpeechSynthesisUtterance' in window;
  /** Chrome may garbage-collect an utterance that nothing refers to, and its events never fire. */
  private readonly inFlight = new Set<SpeechSynthesisUtterance>();

  voices(): Voice[] {
    if (!this.supported) return [];
    return speechSynthesis
      .getVoices()
      .map((v) => ({ id: v.voiceURI, name: v.name, lang: v.lang, local: v.localService, default: v.default }));
  }

  onVoicesChanged(callback: () => void) {
    if (!this.supported) return () => {};
    // voiceschanged is unreliable (absent in some engines, fired before voices in others): poll too.
    speechSynthesis.addEventListener('voiceschanged', callback);
    let count = speechSynthesis.getVoices().length;
    const started = Date.now();
    const timer = setInterval(() => {
      const now = speechSynthesis.getVoices().length;
      if (now !== count) {
        count = now;
        callback();
      }
      if (Date.now() - started > VOICE_POLL_LIMIT_MS) clearInterval(timer);
    }, VOICE_POLL_MS);
    return () => {
      speechSynthesis.removeEventListener('voiceschanged', callback);
      clearInterval(timer);
    };
  }

  speak(request: UtteranceRequest, events: UtteranceEvents) {
    const utterance = new SpeechSynthesisUtterance(request.text);
    utterance.lang = request.lang;
    utterance.rate = request.rate;
    const voice = request.voice && speechSynthesis.getVoices().find((v) => v.voiceURI === request.voice!.id);
    try {
      if (voice) utterance.voice = voice;
    } catch {
      // Not a voice this engine accepts (a stale or foreign object): its default voice speaks.
    }
    utterance.onstart = () => events.start();
    utterance.onend = () => {
      this.inFlight.delete(utterance);
      // What comes next is spoken in a task of its own: WebKit, handed an utterance from inside
      // the end event, starts it and never ends it (seen in WebKitGTK 2.50).
      setTimeout(() => events.end());
    };
    utterance.onboundary = (e) => {
      if (e.name === 'word') events.boundary(e.charIndex, e.charLength ?? 0);
    };
    utterance.onerror = (e) => {
      this.inFlight.delete(utterance);
      events.error(e.error);
    };
    this.inFlight.add(utterance);
    speechSynthesis.speak(utterance);
  }

  cancel() {
    if (this.supported) speechSynthesis.cancel();
    this.inFlight.clear();
  }
}
