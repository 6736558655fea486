// What follows each change of the player that is reading: made with the bar on the first
// Listen (see ReadAloudPlayer.ensurePlayer), since nothing changes before then.
import type { PlayerState, SpeechPlayer } from '../../speech/read-aloud.js';
import { firstUseWords } from '../../words/first-use-words.js';
import { problemWords } from './problems.js';

export interface PlayerChangeHooks {
  /** The controllers that follow the reading (see followTheReading in ./listening.ts). */
  listening: {
    follow: { following: boolean; reveal(range: Range | undefined): void };
    show(player: SpeechPlayer): void;
  };
  /** Where the listener stopped listening, kept for their next visit. */
  listeningPosition?: { save(script: SpeechPlayer['script'], index: number): void };
  /** Highlights the sentence being read (and its word); returns its range for scrolling. */
  highlight(): Range | undefined;
  /** The state changed: the host hands focus on where the control holding it goes. */
  handOverFocus(from: PlayerState, to: PlayerState): void;
  /** Says a message through the page's announcer. */
  announce(message: string): void;
  /** Why the audio edition is not reading, said with the state that follows. */
  notice(): string | undefined;
  /** Whether the reading stops because it reached the article's end (asked once, when it stops). */
  reachedEnd(): boolean;
}

/**
 * The player's answer to each change of the one reading: the highlight follows every word,
 * the page follows and the listening position is kept with every sentence, and a change of
 * state hands focus on, is said once (with its problem, or the notice before it), and starts
 * the page following again. The lock screen follows sentences and states.
 */
export class PlayerChanges {
  private lastIndex = -1;
  private lastState: PlayerState = 'idle';
  private lastProblem?: string;
  private readonly hooks: PlayerChangeHooks;

  constructor(hooks: PlayerChangeHooks) {
    this.hooks = hooks;
  }

  changed(player: SpeechPlayer) {
    const { listening, listeningPosition } = this.hooks;
    // This runs on every word the engine reports: only the highlight changes that often.
    const range = this.hooks.highlight();
    const moved = player.index !== this.lastIndex;
    const stateChanged = player.state !== this.lastState;
    if (moved) {
      this.lastIndex = player.index;
      if (player.state === 'playing') listening.follow.reveal(range);
      if (player.state !== 'idle') listeningPosition?.save(player.script, player.index);
    }
    if (stateChanged) this.hooks.handOverFocus(this.lastState, player.state);
    const problem = player.problem && problemWords(player.problem);
    if (stateChanged || problem !== this.lastProblem) {
      const words = firstUseWords().player;
      // At the article's end "Finished reading.", not "Stopped.": nobody pressed Stop.
      const state = player.state === 'idle' && this.hooks.reachedEnd() ? words.finished : words.states[player.state];
      this.hooks.announce(problem ?? `${this.hooks.notice() ?? ''} ${state}`.trim());
      if (player.state === 'playing' && this.lastState === 'idle') listening.follow.following = true;
      this.lastState = player.state;
      this.lastProblem = problem;
    }
    if (moved || stateChanged) listening.show(player);
  }
}
