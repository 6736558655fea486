// Who reads: the device's voice (ReadAloud) or the audio edition (RecordedReadAloud), one at a
// time, handing the place over when the listener switches: the same sentence, as the recording
// reads the standard script whatever the device's voice reads (src/speech/verbosity.ts). Loaded on the first Listen with
// what follows the reading (see ReadAloudPlayer.ensurePlayer), so the page's own script stays small.
import type { SourceChoice } from '../preferences/listening-preferences.js';
import type { Problem, SpeechPlayer } from './read-aloud.js';
import { RecordedReadAloud } from './recorded-read-aloud.js';
import { recordedSession, type PageAudio } from './recorded-session.js';
import { sameSentence } from './segment-lookup.js';
import type { SpokenScript } from './spoken-script.js';

export type Source = 'device' | 'recorded';

interface SourcesOptions {
  device: SpeechPlayer;
  audio?: PageAudio;
  /** Whether the device has a speech engine at all. */
  speech: boolean;
  /** The listener's speed, read on every start and change. */
  rate(): number;
  /** The article's script at the standard level, which the audio edition reads. */
  standard(): SpokenScript;
  /** The audio edition cannot be used, and why (the device's voice reads instead). */
  failed(problem: Problem): void;
}

/** Passes on 'change', 'finished' and 'slept' (the sleep timer's pause) from the active player only. */
export class PlayerSources extends EventTarget {
  /** The player reading now. */
  active: SpeechPlayer;
  /** The device's voice over the article being read (another, once the listening queue goes on: see replace). */
  device: SpeechPlayer;
  private readonly options: SourcesOptions;
  /** The players whose events are passed on already. */
  private readonly forwarded = new WeakSet<SpeechPlayer>();
  /** The audio edition's player, once made: its media element plays the next article's too. */
  private recordedMade?: RecordedReadAloud;
  /** Why the audio edition could not be used, until the listener chooses it again. */
  problem?: Problem;
  /** What "auto" came to when listening first started, so the reader never changes mid-article. */
  private auto?: Source;
  /** The audio edition's player, made the first time it is chosen. */
  private recorded?: Promise<SpeechPlayer | undefined>;

  constructor(options: SourcesOptions) {
    super();
    this.options = options;
    this.active = this.device = this.forward(options.device);
  }

  /**
   * Who reads: the listener's choice, else what `recordedByDefault` says once (see
   * src/components/read-aloud-player/bar.ts); the device's voice while the audio edition cannot be used.
   */
  choose(chosen: SourceChoice, recordedByDefault: () => boolean): Source {
    if (!this.options.audio || this.problem) return 'device';
    if (!this.options.speech || chosen === 'recorded') return 'recorded';
    if (chosen === 'device') return 'device';
    return (this.auto ??= recordedByDefault() ? 'recorded' : 'device');
  }

  /**
   * Makes a source's player the one reading; what was being read goes on there, from the start
   * of its sentence. Where the audio edition cannot be used, the device's voice goes on reading.
   * Returns whether the active player changed.
   */
  async use(source: Source, quietFirst = false) {
    const from = this.active;
    const to = (source === 'recorded' && (await this.recordedPlayer())) || this.device;
    if (from === to) return false;
    const { state } = from;
    const index = from.script === to.script || !from.segment ? from.index : sameSentence(to.script, from.segment);
    // The new player's events count from now; the old one's stop is not the listener's.
    this.active = to;
    from.stop();
    if (state === 'idle') to.seek(index);
    else {
      to.play(index, { quietFirst });
      if (state === 'paused') to.pause('part');
    }
    return true;
  }

  /**
   * Another article in place of this one, for the listening queue to go on in the same page: its
   * device player, and its audio edition (made when chosen, in the same media element). What
   * "auto" came to stays, so the reader does not change between articles. The active player
   * must be idle; the new device player becomes the active one, at its start.
   */
  replace(device: SpeechPlayer, audio: PageAudio | undefined) {
    this.active.stop();
    this.recordedMade?.release();
    this.recorded = undefined;
    this.problem = undefined;
    this.options.audio = audio;
    this.active = this.device = this.forward(device);
  }

  private recordedPlayer() {
    const audio = this.options.audio;
    if (!audio) return undefined;
    this.recorded ??= recordedSession(
      this.options.standard(),
      audio,
      this.options.rate,
      // Made by recordedSession: an audio element.
      this.recordedMade?.media as HTMLAudioElement | undefined,
    )
      .catch((): Problem => ({ code: 'audio-unavailable' }))
      .then((made) => {
        if (made instanceof RecordedReadAloud) return this.forward((this.recordedMade = made));
        // Chosen again later, it is tried again (the connection may be back).
        this.recorded = undefined;
        this.problem = made;
        this.options.failed(made);
        return undefined;
      });
    return this.recorded;
  }

  private forward(player: SpeechPlayer) {
    if (this.forwarded.has(player)) return player;
    this.forwarded.add(player);
    for (const type of ['change', 'finished', 'slept']) {
      player.addEventListener(type, () => player === this.active && this.dispatchEvent(new Event(type)));
    }
    return player;
  }
}
