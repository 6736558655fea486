// Where "next sentence", "previous section" and the like lead in a spoken script: one answer,
// and one set of move methods, for both players (the device's voice and the audio edition move
// the same way).
import type { SpokenScript } from './spoken-script.js';

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

/** What both players share: a script, the segment reached in it, and the moves between its segments. */
export abstract class ScriptPlayer extends EventTarget {
  abstract readonly script: SpokenScript;
  abstract index: number;
  /** Moves to a segment (each player says what follows: speech, or the audio's clock). */
  abstract seek(index: number): void;

  readonly next = () => this.go('next');
  readonly previous = () => this.go('previous');
  readonly nextSection = () => this.go('nextSection');
  readonly previousSection = () => this.go('previousSection');

  private go(move: Move) {
    const to = destination(this.script, this.index, move);
    if (to !== undefined) this.seek(to);
  }
}
