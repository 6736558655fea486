// Joins the engine's sentences into one programme with natural pauses, and keeps each
// sentence's exact place in it: the cues are counted in samples, not guessed afterwards.

/** Silence between two sentences, in seconds: longer where the text itself pauses longer. */
export const PAUSES = { sentence: 0.35, block: 0.6, section: 0.9 };

/**
 * Quieter than this (peak of a 10 ms window, of 32767) is the engine's own lead-in or tail.
 * About −42 dBFS: below the softest consonant, above Flite's noise floor.
 */
const SILENCE = 256;
/** Kept either side of what is heard, so soft onsets and releases are not clipped. */
const MARGIN = 0.05;

/**
 * @typedef {object} Clip
 * @property {Int16Array} samples one sentence, as the engine said it
 * @property {'sentence' | 'block' | 'section'} [after] the kind of pause that follows it (none after the last)
 *
 * @typedef {object} Timeline
 * @property {number} sampleRate
 * @property {Int16Array} samples the whole programme
 * @property {{ start: number, end: number }[]} spans each clip's place, in samples
 */

/**
 * @param {Clip[]} clips
 * @param {number} sampleRate
 * @returns {Timeline}
 */
export function assemble(clips, sampleRate) {
  const heard = clips.map((clip) => audible(clip.samples, sampleRate));
  const gap = (/** @type {Clip} */ clip) => (clip.after ? Math.round(PAUSES[clip.after] * sampleRate) : 0);
  const total = clips.reduce((n, clip, i) => n + (heard[i].end - heard[i].start) + gap(clip), 0);
  const samples = new Int16Array(total);
  const spans = [];
  let at = 0;
  for (const [i, clip] of clips.entries()) {
    const { start, end } = heard[i];
    samples.set(clip.samples.subarray(start, end), at);
    spans.push({ start: at, end: at + end - start });
    at += end - start + gap(clip);
  }
  return { sampleRate, samples, spans };
}

/**
 * The part of a clip that is heard, with a margin either side; all of it when nothing
 * rises above the silence threshold.
 * @param {Int16Array} samples
 * @param {number} sampleRate
 */
export function audible(samples, sampleRate) {
  const window = Math.round(sampleRate / 100);
  const loud = (/** @type {number} */ from) => {
    for (let i = from; i < Math.min(from + window, samples.length); i++) if (Math.abs(samples[i]) > SILENCE) return true;
    return false;
  };
  let first = 0;
  while (first < samples.length && !loud(first)) first += window;
  if (first >= samples.length) return { start: 0, end: samples.length };
  let last = Math.floor((samples.length - 1) / window) * window;
  while (!loud(last)) last -= window;
  const margin = Math.round(MARGIN * sampleRate);
  return { start: Math.max(0, first - margin), end: Math.min(samples.length, last + window + margin) };
}
