// Where "next sentence", "previous section" and the like lead in a spoken script: one answer,
// and one set of move methods, for both players (the device's voice and the audio edition move
// the same way).
import type { Segment, SpokenScript } from './spoken-script.js';

/**
 * What Skip back and Skip forward move by, in seconds of listening at 1× (the recording's own
 * clock): podcast players' 15 back, to hear again what was missed, and 30 forward, past an aside.
 */
export const SKIP_BACK_S = 15;
export const SKIP_FORWARD_S = 30;

export type Move = 'next' | 'previous' | 'nextSection' | 'previousSection';

/** The segment a move leads to from `index`, or undefined where there is none (past either end). */
export function destination(script: SpokenScript, index: number, move: Move): number | undefined {
  const section = script.segments[index]?.section ?? 0;
  switch (move) {
    case 'next':
      return index < script.segments.length - 1 ? index + 1 : undefined;
    case 'previous':
      return index > 0 ? index - 1 : undefined;
    case 'nextSection':
      return script.sections[section + 1]?.first;
    case 'previousSection': {
      // Back to the start of this section, or of the previous one when already at its start.
      const start = script.sections[section].first;
      return index > start ? start : script.sections[Math.max(0, section - 1)].first;
    }
  }
}

/**
 * The sentence about `seconds` away (back where negative), in whole sentences, counted from the
 * start of the sentence at `index`: the first sentence start at least that far, or the one before
 * it where that is nearer, and always at least one sentence. Back from the first sentence is its
 * start again; forward from the last, undefined. `length` is a sentence's length in seconds.
 */
export function sentenceAbout(
  script: SpokenScript,
  index: number,
  seconds: number,
  length: (segment: Segment) => number,
): number | undefined {
  const step = seconds < 0 ? -1 : 1;
  const target = Math.abs(seconds);
  let at = index;
  let covered = 0;
  for (;;) {
    const next = at + step;
    if (next < 0 || next >= script.segments.length) return at !== index ? at : step < 0 ? 0 : undefined;
    // Forward, the sentence being left counts; back, the one moved onto.
    const further = covered + length(script.segments[step > 0 ? at : next]);
    if (further >= target) return at !== index && target - covered < further - target ? at : next;
    at = next;
    covered = further;
  }
}

/** What both players share: a script, the segment reached in it, and the moves between its segments. */
export abstract class ScriptPlayer extends EventTarget {
  abstract readonly script: SpokenScript;
  abstract index: number;
  /** Moves to a segment (each player says what follows: speech, or the audio's clock). */
  abstract seek(index: number): void;
  /** Moves by about this many seconds of listening at 1× (back where negative). */
  abstract skip(seconds: number): void;

  readonly next = () => this.go('next');
  readonly previous = () => this.go('previous');
  readonly nextSection = () => this.go('nextSection');
  readonly previousSection = () => this.go('previousSection');
  readonly skipBack = () => this.skip(-SKIP_BACK_S);
  readonly skipForward = () => this.skip(SKIP_FORWARD_S);

  private go(move: Move) {
    const to = destination(this.script, this.index, move);
    if (to !== undefined) this.seek(to);
  }
}
