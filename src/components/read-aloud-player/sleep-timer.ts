// The sleep timer: reading stops at the end of this section, at the end of the article, or after
// 15 to 60 minutes of listening. It tells the player reading where to pause (SpeechPlayer's
// pauseAfter and fadeOut): the device's voice at the end of a sentence, the recording fading out.
// Made with the reading on the first Listen (./listening.ts); it lasts for the visit, not beyond.
import type { PlayerSources } from '../../speech/player-sources.js';
import type { SpeechPlayer, Timers } from '../../speech/read-aloud.js';

export const SLEEP_CHOICES = ['off', 'section', 'article', 15, 30, 45, 60] as const;
export type SleepChoice = (typeof SLEEP_CHOICES)[number];

/** The timer's time: the page's own, or one a test moves. */
export interface Clock extends Timers {
  now(): number;
}

const MINUTE_MS = 60_000;

export class SleepTimer {
  choice: SleepChoice = 'off';
  /** Public so a test can hand it a clock of its own before choosing. */
  clock: Clock = {
    now: () => performance.now(),
    setTimeout: (callback, ms) => window.setTimeout(callback, ms),
    clearTimeout: (id) => window.clearTimeout(id),
  };
  private readonly sources: PlayerSources;
  private readonly changed: () => void;
  /** Of a duration: the listening time left when it last stopped counting, and since when it counts. */
  private left = 0;
  private since?: number;
  private timer?: number;
  /** The duration is over: the player was told to stop as soon as it can. */
  private expired = false;
  /** The player told where to pause, and the segment ("end of this section"). */
  private told?: SpeechPlayer;
  private target?: number;

  constructor(sources: PlayerSources, changed: () => void) {
    this.sources = sources;
    this.changed = changed;
    sources.addEventListener('change', () => this.follow());
    // It has done its work (or the article has): off, so the next Listen reads on.
    sources.addEventListener('slept', () => this.choose('off'));
    sources.addEventListener('finished', () => this.choose('off'));
  }

  choose(choice: SleepChoice) {
    this.callOff();
    this.choice = choice;
    this.left = typeof choice === 'number' ? choice * MINUTE_MS : 0;
    this.follow();
    this.changed();
  }

  /** A duration's listening time left, in ms (undefined for the other choices). It counts only while playing. */
  get msLeft(): number | undefined {
    if (typeof this.choice !== 'number') return undefined;
    return Math.max(0, this.left - (this.since === undefined ? 0 : this.clock.now() - this.since));
  }

  /** The segment the reading pauses after ("end of this section"). */
  get pausesAfter() {
    return this.target;
  }

  /** Whether the time is up and the player is finishing its sentence, or fading out. */
  get stopping() {
    return this.expired;
  }

  /** Follows the player: counting while it plays, the stop kept on whichever source reads, off when it stops. */
  private follow() {
    if (this.choice === 'off') return;
    const player = this.sources.active;
    if (player.state === 'idle') {
      this.choose('off');
      return;
    }
    if (this.told && this.told !== player) this.told.pauseAfter(undefined);
    if (this.choice === 'section') {
      // This section's end, or the end of the one the listener moved on to.
      const target = this.target === undefined || player.index > this.target ? sectionEnd(player) : this.target;
      if (this.told !== player || target !== this.target) player.pauseAfter(target);
      this.target = target;
      this.told = player;
    } else if (typeof this.choice === 'number') {
      if (this.expired) {
        if (this.told !== player) player.fadeOut();
        this.told = player;
      } else this.count(player.state === 'playing');
    }
  }

  /** Counts a duration down while playing, with a tick each minute so the time shown stays true. */
  private count(playing: boolean) {
    const { clock } = this;
    if (playing === (this.since !== undefined)) return;
    if (this.timer !== undefined) clock.clearTimeout(this.timer);
    this.timer = undefined;
    if (!playing) {
      this.left = this.msLeft ?? 0;
      this.since = undefined;
      return;
    }
    this.since = clock.now();
    const tick = () => {
      const left = this.msLeft ?? 0;
      if (left <= 0) {
        this.expire();
        return;
      }
      this.timer = clock.setTimeout(tick, left % MINUTE_MS || MINUTE_MS);
      this.changed();
    };
    this.timer = clock.setTimeout(tick, this.left % MINUTE_MS || MINUTE_MS);
  }

  private expire() {
    this.timer = undefined;
    this.left = 0;
    this.since = undefined;
    this.expired = true;
    this.told = this.sources.active;
    this.told.fadeOut();
    this.changed();
  }

  private callOff() {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.since = undefined;
    this.expired = false;
    this.told?.pauseAfter(undefined);
    this.told = undefined;
    this.target = undefined;
  }
}

/** The last segment of the section being read. */
export function sectionEnd(player: SpeechPlayer) {
  const { script } = player;
  const next = script.sections[(player.segment?.section ?? 0) + 1];
  return (next ? next.first : script.segments.length) - 1;
}
