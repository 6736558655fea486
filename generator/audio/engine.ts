// The one seam between the audio edition and a speech engine. The build asks an engine to
// say one sentence at a time and gets back raw samples; everything else (pauses, cues, MP3,
// tags, the feed) is the build's. A publisher who wants another voice (a cloud voice, a
// recorded narration) writes one module of this shape and gives it to renderSiteAudio (the
// build's audio step) in place of the default.
import { fliteEngine } from './flite-engine.ts';

/**
 * @typedef {object} Speech
 * @property {number} sampleRate samples per second
 * @property {Int16Array} samples mono, signed 16-bit
 *
 * @typedef {object} Voice
 * @property {string} name
 * @property {string} lang BCP 47 tag of what it speaks
 *
 * @typedef {object} SpeechEngine
 * @property {string} id names the engine, its version and its voices: it is part of the audio
 *   cache key, so a different engine or voice renders anew
 * @property {Voice[]} voices
 * @property {(lang: string) => Voice | undefined} voiceFor the voice that speaks a language, if any
 * @property {(text: string, options: { lang: string }) => Promise<Speech>} synthesize one sentence; called
 *   for every sentence at once, so an engine queues or spreads the work as suits it
 * @property {() => Promise<void>} [close] releases what the engine holds (temporary files)
 */

/** The engine `npm run build` uses: what `npm install` alone brings (see the README for why). */
export const defaultEngine = () => fliteEngine();
