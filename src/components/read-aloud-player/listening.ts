// What reads and what follows the reading, made on the first Listen with the bar (see
// ReadAloudPlayer.ensurePlayer): the device's voice and the audio edition (PlayerSources), the
// sentence highlight, the page following it, lock-screen and headset controls, the sleep timer,
// taps that move the reading, the player yielding to the listener's screen reader, the screen kept on while
// the device's voice speaks, and the answer to each change (PlayerChanges). A visit that never
// listens does not download it; the offline worker precaches it like the rest.
import type { ReactiveControllerHost } from 'lit';
import { FollowReadingController } from './follow-reading-controller.js';
import { MediaSessionController } from './media-session-controller.js';
import { ReadingHighlightController } from './reading-highlight-controller.js';
import { TapToSeekController } from './tap-to-seek-controller.js';
import { WakeLockController } from './wake-lock-controller.js';
import { YieldController } from './yield-controller.js';
import { PlayerSources } from '../../speech/player-sources.js';
import type { PlayerState, SpeechPlayer } from '../../speech/read-aloud.js';
import { articleScript, readAloudSession } from '../../speech/read-aloud-session.js';
import { RecordedReadAloud } from '../../speech/recorded-read-aloud.js';
import type { PageAudio } from '../../speech/recorded-session.js';
import type { SpeechEngine, Voice } from '../../speech/speech-engine.js';
import { listeningPreferences } from '../../preferences/listening-preferences.js';
import { isStandard, PRESETS, sameVerbosity, verbosityOf } from '../../speech/verbosity.js';
import { PlayerChanges, type PlayerChangeHooks } from './changes.js';
import { problemWords } from './problems.js';
import { SleepTimer } from './sleep-timer.js';
import { QueueContinuation } from './queue-continuation.js';
import type { ListeningPosition } from './listening-position.js';
import { listeningQueue, queueAddress } from '../../preferences/listening-queue.js';
import { destination } from '../../speech/script-navigation.js';

/** What the player hands over on its first Listen to have the reading made (see makeReading). */
export interface ReadingHooks
  extends Omit<PlayerChangeHooks, 'listening' | 'reachedEnd'>, Pick<ListeningHooks, 'ownKey' | 'listen'> {
  article: HTMLElement;
  lang: string;
  engine: SpeechEngine;
  audio?: PageAudio;
  /** The listener's speed and voice, read on every start and change. */
  rate(): number;
  voice(): Voice | undefined;
  /** A voice for a passage in another language, where the device has one. */
  voiceFor(lang: string): Voice | undefined;
  /** The audio edition cannot be used: why, in plain words. */
  failed(message: string): void;
  /** The player reading changed (after PlayerChanges has answered): the host re-renders. */
  changed(): void;
  /** The reading reached the article's end (which it says). */
  finished(): void;
  /** A queued article's remembered place, by its title. */
  position(title: string): ListeningPosition;
  /** What is said with the state that follows, as the queue goes on ("Next: …"). */
  queueNotice(message: string): void;
}

/**
 * The reading, made on the first Listen: who reads (the device's voice over the article's
 * script, or the audio edition), what follows them, and what answers each change.
 */
export function makeReading(host: ReactiveControllerHost & HTMLElement, hooks: ReadingHooks) {
  const { article, lang, engine, rate, voice, voiceFor } = hooks;
  const preferences = listeningPreferences();
  const chosen = () => verbosityOf(preferences.value.verbosity);
  /** How much the device's voice says: the recording always says the standard script. */
  let said = chosen();
  const device = readAloudSession(article, lang, said, { engine, rate, voice, voiceFor });
  const sources = new PlayerSources({
    device,
    audio: hooks.audio,
    speech: engine.supported,
    rate,
    // The article being read: the page's own, or the queued one the listening queue went on to.
    standard: () => {
      if (isStandard(said)) return sources.device.script;
      const reading = queue.away ?? { article, lang };
      return articleScript(reading.article, reading.lang, PRESETS.standard);
    },
    failed: (problem) => hooks.failed(problemWords(problem)),
  });
  const player = () => sources.active;
  /** The device's voice over the queued article being read, if one is. */
  let queuedDevice: ReturnType<typeof readAloudSession> | undefined;
  const queue = new QueueContinuation({
    sources,
    devicePlayer: (other, otherLang) =>
      (queuedDevice = readAloudSession(other, otherLang, said, { engine, rate, voice, voiceFor })),
    own: { href: queueAddress(location.href), audio: hooks.audio },
    listen: hooks.listen,
    notice: hooks.queueNotice,
    position: hooks.position,
    announce: hooks.announce,
    changed: () => {
      // Back to the page's own article with nothing to read: focus leaves the bar for Listen.
      if (sources.active.state === 'idle') hooks.handOverFocus('paused', 'idle');
      hooks.changed();
    },
  });
  const listening = followTheReading(host, {
    player,
    state: () => sources.active.state,
    article,
    ownKey: hooks.ownKey,
    listen: hooks.listen,
    // The lock screen's title: the page's own article's, or the queued one's being read.
    title: () => queue.away?.entry.title ?? article.querySelector('h1')?.textContent?.trim() ?? document.title,
    queue,
  });
  /** The reading reached the article's end: its stop, which follows, says so. */
  let ended = false;
  const changes = new PlayerChanges({
    ...hooks,
    listening,
    reachedEnd: () => {
      const was = ended;
      ended = false;
      return was;
    },
    // Between one queued article and the next, focus stays in the bar.
    handOverFocus: (from, to) => queue.continuing || hooks.handOverFocus(from, to),
  });
  /** Every change of the player reading, or of which one reads. */
  const changed = () => {
    changes.changed(sources.active);
    hooks.changed();
  };
  sources.addEventListener('change', changed);
  sources.addEventListener('finished', () => {
    hooks.finished();
    ended = true;
    void queue.goOn();
  });
  // The sleep timer's choice and time left show in the bar: it renders again when they change.
  const sleep = new SleepTimer(sources, () => host.requestUpdate());
  // The listener chose how much is said (here or in another tab): the device's voice goes on from
  // the same sentence, over the queued article it reads or the page's own, which it reads after.
  preferences.addEventListener('change', () => {
    const now = chosen();
    if (sameVerbosity(now, said)) return;
    said = now;
    device.useScript(articleScript(article, lang, said));
    if (queue.away) queuedDevice?.useScript(articleScript(queue.away.article, queue.away.lang, said));
  });
  return { sources, listening, changed, sleep, queue };
}

interface ListeningHooks {
  /** The player reading now: the device's voice or the audio edition, as the listener chose. */
  player(): SpeechPlayer;
  state(): PlayerState;
  article?: HTMLElement;
  /** Whether a key is one of the player's own (see ShortcutsController.match). */
  ownKey(event: KeyboardEvent): boolean;
  /** Starts listening again after a stop (the lock screen's Play); settles once it has started, or could not. */
  listen(): Promise<void>;
  /** The title of the article being read. */
  title(): string;
  queue: QueueContinuation;
}

function followTheReading(
  host: ReactiveControllerHost & HTMLElement,
  { player, state, article, ownKey, listen, title: articleTitle, queue }: ListeningHooks,
) {
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
    stop: () => queue.stop(),
    // Sections inside the article; after the last, the next queued article. Previous never
    // leaves the article (see docs/read-aloud.md, "The lock screen's track buttons").
    previous: () => player().previousSection(),
    next: () => {
      const current = player();
      const lastSection = destination(current.script, current.index, 'nextSection') === undefined;
      if (lastSection && listeningQueue().value.articles.some((a) => a.href !== queue.reading)) queue.skipToNext();
      else current.nextSection();
    },
    skip: (seconds) => player().skip(seconds),
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
      const title = articleTitle();
      const recorded = current instanceof RecordedReadAloud ? current : undefined;
      media.update(
        {
          title: section.opening ? title : section.title,
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
  return [...document.querySelectorAll<HTMLLinkElement>('link[rel~="icon"], link[rel="apple-touch-icon"]')].map(
    (link) => ({
      src: link.href,
      ...(link.type ? { type: link.type } : {}),
      ...(link.sizes.length > 0
        ? { sizes: link.sizes.value }
        : { sizes: link.rel === 'apple-touch-icon' ? '180x180' : 'any' }),
    }),
  );
}

export type Listening = ReturnType<typeof followTheReading>;
