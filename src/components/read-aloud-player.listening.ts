// What follows the reading, made on the first Listen with the bar (see ReadAloudPlayer.ensurePlayer):
// the sentence highlight, the page following it, lock-screen and headset controls, taps that move
// the reading, the player yielding to the listener's screen reader, and the screen kept on while
// the device's voice speaks. A visit that never listens does not download it; the offline worker
// precaches it like the rest.
import type { ReactiveControllerHost } from 'lit';
import { FollowReadingController } from '../controllers/follow-reading-controller.js';
import { MediaSessionController } from '../controllers/media-session-controller.js';
import { ReadingHighlightController } from '../controllers/reading-highlight-controller.js';
import { TapToSeekController } from '../controllers/tap-to-seek-controller.js';
import { WakeLockController } from '../controllers/wake-lock-controller.js';
import { YieldController } from '../controllers/yield-controller.js';
import type { PlayerState, SpeechPlayer } from '../speech/read-aloud.js';
import { RecordedReadAloud } from '../speech/recorded-read-aloud.js';

export interface ListeningHooks {
  /** The player reading now: the device's voice or the audio edition, as the listener chose. */
  player(): SpeechPlayer;
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
    listening: () => (state() === 'idle' ? undefined : player().script),
    seek: (index) => player().seek(index),
  });
  new YieldController(host, {
    speaking: () => state() === 'playing',
    ownKey,
    // The listener turned to the rest of the page: stop, and resume the cut part whole.
    away: () => player().pause('part'),
    // The listener is working the player (Tab between its controls): let their screen reader answer.
    busy: () => player().duck(),
  });
  const media = new MediaSessionController(host, {
    play: () => (state() === 'idle' ? listen() : player().resume()),
    pause: () => player().pause(),
    stop: () => player().stop(),
    previous: () => player().previousSection(),
    next: () => player().nextSection(),
    previousSentence: () => player().previous(),
    nextSentence: () => player().next(),
    seekTo: (seconds) => {
      const current = player();
      if (current instanceof RecordedReadAloud) current.seekTo(seconds);
    },
  });
  const wakeLock = new WakeLockController(host);
  return {
    highlight: new ReadingHighlightController(host),
    follow: new FollowReadingController(host, () => state() !== 'idle'),
    /**
     * What the lock screen shows: the section as the title (the chapter, in the audio edition),
     * the article as the album, the edition's icon, and the audio's clock where there is one.
     * The screen stays on only while the device's voice speaks: recorded audio plays on locked.
     */
    show(current: SpeechPlayer) {
      const section = current.script.sections[current.segment?.section ?? 0];
      const title = document.querySelector('h1')?.textContent?.trim() ?? document.title;
      const recorded = current instanceof RecordedReadAloud ? current : undefined;
      media.update(
        {
          title: section.title === 'Opening' ? title : section.title,
          artist: document.querySelector('meta[name="author"]')?.getAttribute('content') ?? '',
          album: title,
          artwork: artwork(),
        },
        current.state === 'idle' ? 'none' : current.state,
        recorded && { ...recorded.clock, playbackRate: recorded.media.playbackRate },
      );
      wakeLock.hold(current.state === 'playing' && !recorded);
    },
  };
}

/** The edition's icons, as the page links them, for the lock screen. */
function artwork(): MediaImage[] {
  return [...document.querySelectorAll<HTMLLinkElement>('link[rel~="icon"], link[rel="apple-touch-icon"]')].map((link) => ({
    src: link.href,
    ...(link.type ? { type: link.type } : {}),
    ...(link.sizes.length > 0 ? { sizes: link.sizes.value } : { sizes: link.rel === 'apple-touch-icon' ? '180x180' : 'any' }),
  }));
}

export type Listening = ReturnType<typeof followTheReading>;
