// Where "next sentence", "previous section" and the like lead in a spoken script: one answer
// for both players (the device's voice and the audio edition move the same way).
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
