// What follows the reading, made on the first Listen with the bar (see ReadAloudPlayer.ensurePlayer):
// the sentence highlight, the page following it, lock-screen and headset controls, taps that move
// the reading, and the player yielding to the listener's screen reader. A visit that never
// listens does not download it; the offline worker precaches it like the rest.
import type { ReactiveControllerHost } from 'lit';
import { FollowReadingController } from '../controllers/follow-reading-controller.js';
import { MediaSessionController } from '../controllers/media-session-controller.js';
import { ReadingHighlightController } from '../controllers/reading-highlight-controller.js';
import { TapToSeekController } from '../controllers/tap-to-seek-controller.js';
import { YieldController } from '../controllers/yield-controller.js';
import type { PlayerState, ReadAloud } from '../speech/read-aloud.js';

export interface ListeningHooks {
  player: ReadAloud;
  state(): PlayerState;
  article?: HTMLElement;
  /** Whether a key is one of the player's own (see ShortcutsController.match). */
  ownKey(event: KeyboardEvent): boolean;
  /** Starts listening again after a stop (the lock screen's Play). */
  listen(): void;
}

export function followTheReading(host: ReactiveControllerHost & HTMLElement, { player, state, article, ownKey, listen }: ListeningHooks) {
  new TapToSeekController(host, {
    article: () => article,
    contents: () => document.querySelector('nav.toc') ?? undefined,
    listening: () => (state() === 'idle' ? undefined : player.script),
    seek: (index) => player.seek(index),
  });
  new YieldController(host, {
    speaking: () => state() === 'playing',
    ownKey,
    // The listener turned to the rest of the page: stop, and resume the cut part whole.
    away: () => player.pause('part'),
    // The listener is working the player (Tab between its controls): let their screen reader answer.
    busy: () => player.duck(),
  });
  return {
    highlight: new ReadingHighlightController(host),
    follow: new FollowReadingController(host, () => state() !== 'idle'),
    media: new MediaSessionController(host, {
      play: () => (state() === 'idle' ? listen() : player.resume()),
      pause: () => player.pause(),
      stop: () => player.stop(),
      previous: () => player.previousSection(),
      next: () => player.nextSection(),
      previousSentence: () => player.previous(),
      nextSentence: () => player.next(),
    }),
  };
}

export type Listening = ReturnType<typeof followTheReading>;
