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

/** The pause after a sentence: longer at the end of a block, longer still at the end of a section. */
export type Pause = keyof typeof PAUSES;

/** Where a sentence is in the programme, in samples. */
export interface Span {
  start: number;
  end: number;
}

/**
 * A programme built one clip after another: each clip is trimmed to what is heard and
 * written out, then the pause that follows it, as it comes (so the encoder can work while
 * the engine is still speaking later sentences).
 */
export function programme(sampleRate: number, write: (samples: Int16Array) => void) {
  let length = 0;
  return {
    /** One sentence, as the engine said it, and the pause that follows it (none after the last). */
    add(samples: Int16Array, after?: Pause): Span {
      const { start, end } = audible(samples, sampleRate);
      write(samples.subarray(start, end));
      const span = { start: length, end: length + end - start };
      length = span.end;
      if (after) {
        const pause = new Int16Array(Math.round(PAUSES[after] * sampleRate));
        write(pause);
        length += pause.length;
      }
      return span;
    },
    /** Samples written so far. */
    get length() {
      return length;
    },
  };
}

/**
 * The part of a clip that is heard, with a margin either side; all of it when nothing
 * rises above the silence threshold.
 */
function audible(samples: Int16Array, sampleRate: number): Span {
  const window = Math.round(sampleRate / 100);
  const loud = (from: number) => {
    for (let i = from; i < Math.min(from + window, samples.length); i++)
      if (Math.abs(samples[i]) > SILENCE) return true;
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
