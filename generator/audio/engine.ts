// The one seam between the audio edition and a speech engine. The build asks an engine to
// say one sentence at a time and gets back raw samples; everything else (pauses, cues, MP3,
// tags, the feed) is the build's. A publisher who wants another voice (a cloud voice, a
// recorded narration) writes one module of this shape and gives it to renderSiteAudio (the
// build's audio step) in place of the default.
import { fliteEngine } from './flite-engine.ts';

export interface Speech {
  /** Samples per second. */
  sampleRate: number;
  /** Mono, signed 16-bit. */
  samples: Int16Array;
}

interface Voice {
  name: string;
  /** BCP 47 tag of what it speaks. */
  lang: string;
}

export interface SpeechEngine {
  /**
   * Names the engine, its version and its voices: it is part of the audio cache key, so a
   * different engine or voice renders anew.
   */
  id: string;
  voices: Voice[];
  /** The voice that speaks a language, if any. */
  voiceFor(lang: string): Voice | undefined;
  /** One sentence; called for every sentence at once, so an engine queues or spreads the work as suits it. */
  synthesize(text: string, options: { lang: string }): Promise<Speech>;
  /**
   * What of a sentence its voices leave silent (letters of a script they do not read, emoji),
   * each once, for the build to warn about; an engine without it says everything it is given.
   */
  cannotSay?(text: string): string[];
  /** Releases what the engine holds (temporary files). */
  close?(): Promise<void>;
}

/** The engine `npm run build` uses: what `npm install` alone brings (see the README for why). */
export const defaultEngine = (): Promise<SpeechEngine> => fliteEngine();
