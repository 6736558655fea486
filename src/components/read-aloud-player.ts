import { html, LitElement, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { DockingController } from '../controllers/docking-controller.js';
import { FollowReadingController } from '../controllers/follow-reading-controller.js';
import { MediaSessionController } from '../controllers/media-session-controller.js';
import { PreferenceController } from '../controllers/preference-controller.js';
import { ReadingHighlightController } from '../controllers/reading-highlight-controller.js';
import { RevealFocusController } from '../controllers/reveal-focus-controller.js';
import { keysForPeople, ShortcutsController } from '../controllers/shortcuts-controller.js';
import { TapToSeekController } from '../controllers/tap-to-seek-controller.js';
import { HIGHLIGHTS, listeningPreferences, RATES, type HighlightMode } from '../preferences/listening-preferences.js';
import type { PlayerState, ReadAloud } from '../speech/read-aloud.js';
import { ReadingPosition } from '../speech/reading-position.js';
import { firstSegmentOnScreen, segmentAtSelection, segmentOfHeading } from '../speech/segment-lookup.js';
import { BrowserSpeechEngine, type SpeechEngine, type Voice } from '../speech/speech-engine.js';
import { chooseVoice, primaryLanguage, voicesFor } from '../speech/voices.js';
import type { ListenHereEvent } from './listen-here.js';
import { ICONS } from './read-aloud-player.icons.js';
import { READ_ALOUD_SHORTCUTS, type ReadAloudAction } from './read-aloud-player.shortcuts.js';
import { readAloudPlayerStyles } from './read-aloud-player.styles.js';

/** The speech code the player loads on first use (see ensurePlayer). */
type ReadAloudSession = typeof import('../speech/read-aloud-session.js');

const HIGHLIGHT_NAMES: Record<HighlightMode, string> = { word: 'Sentence and word', sentence: 'Sentence', off: 'Off' };

/**
 * Some engines (Chrome with speech-dispatcher) drop an utterance spoken before their voice
 * list has loaded; Play waits this long for voices, then speaks anyway.
 */
const VOICE_WAIT_MS = 4000;

const minutes = (ms: number) => {
  const total = Math.round(ms / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  return m > 0 ? `${m} min ${String(s).padStart(2, '0')} s` : `${s} s`;
};

/**
 * The read-aloud player: a Listen button in the page header and, while listening, a compact
 * bar of native controls docked to the bottom of the screen. It reads the article's own
 * markup (light DOM) through the browser's speech synthesis, highlights and follows the
 * sentence being read, remembers where the listener stopped, and answers headset and
 * lock-screen buttons. State changes go to one polite status, tersely.
 */
@customElement('read-aloud-player')
export class ReadAloudPlayer extends LitElement {
  static override styles = readAloudPlayerStyles;

  private readonly engine: SpeechEngine = new BrowserSpeechEngine();
  private readonly prefs = new PreferenceController(this, listeningPreferences(), (event) => {
    if (event.changed.includes('rate') || event.changed.includes('voices')) this.player?.restartUtterance();
    if (event.changed.includes('highlight')) this.showReadingPosition();
  });
  private readonly highlight = new ReadingHighlightController(this);
  private readonly follow = new FollowReadingController(this, () => this.state !== 'idle');
  private readonly media = new MediaSessionController(this, {
    play: () => this.player?.resume() ?? this.listen(),
    pause: () => this.player?.pause(),
    stop: () => this.player?.stop(),
    previous: () => this.player?.previousSection(),
    next: () => this.player?.nextSection(),
    previousSentence: () => this.player?.previous(),
    nextSentence: () => this.player?.next(),
  });
  /** The bar docks to the bottom of the screen only while it takes no more than 30% of it. */
  private readonly docking = new DockingController(this, { element: () => this.bar, maxShare: 0.3, property: '--player-height' });
  private readonly shortcuts = new ShortcutsController(this, {
    shortcuts: READ_ALOUD_SHORTCUTS,
    enabled: () => this.engine.supported,
    onShortcut: (action) => this.onShortcut(action),
  });

  @state() private voices: Voice[] = [];
  @state() private optionsOpen = false;
  @state() private announcement = '';
  /** Changes whenever the player does, so Lit re-renders. */
  @state() private revision = 0;

  @query('.bar') private bar?: HTMLElement;
  @query('.listen') private listenButton?: HTMLButtonElement;

  private player?: ReadAloud;
  /** The player being made, its code loading: every press until then waits for the same one. */
  private playerReady?: Promise<ReadAloud | undefined>;
  private session?: ReadAloudSession;
  private article?: HTMLElement;
  private position?: ReadingPosition;
  private lastIndex = -1;
  private lastState: PlayerState = 'idle';
  private lastProblem?: string;
  private stopWatchingVoices?: () => void;
  /** Play was pressed before any voice had loaded: where to start once one has. */
  private pendingStart?: { from?: number; timer: number };

  constructor() {
    super();
    // The bar covers the bottom of the screen, so the player keeps focus anywhere clear of it.
    new RevealFocusController(this, { wholePage: true });
    new TapToSeekController(this, {
      article: () => this.article,
      listening: () => (this.state === 'idle' ? undefined : this.player?.script),
      seek: (index) => this.player?.seek(index),
    });
  }

  private get state(): PlayerState {
    return this.player?.state ?? 'idle';
  }

  private get articleLang() {
    return this.article?.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang ?? 'en';
  }

  override connectedCallback() {
    super.connectedCallback();
    this.article = document.querySelector('article') ?? undefined;
    this.position = new ReadingPosition(this.article?.querySelector('h1')?.textContent?.trim() ?? location.pathname);
    if (this.engine.supported) {
      this.voices = this.engine.voices();
      this.stopWatchingVoices = this.engine.onVoicesChanged(() => {
        this.voices = this.engine.voices();
        if (this.voices.length > 0 && this.pendingStart) this.startPending();
      });
    }
    document.addEventListener('listen-here', this.onListenHere);
    // Speech must stop with the page, or some browsers keep talking after it has gone.
    window.addEventListener('pagehide', this.onPageHide);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.stopWatchingVoices?.();
    document.removeEventListener('listen-here', this.onListenHere);
    window.removeEventListener('pagehide', this.onPageHide);
    this.player?.stop();
  }

  /** Settles once the code a press is waiting for has loaded (see ensurePlayer) and rendered too. */
  protected override async getUpdateComplete() {
    const complete = await super.getUpdateComplete();
    if (!this.playerReady) return complete;
    await this.playerReady;
    return super.getUpdateComplete();
  }

  override render() {
    return html`${this.renderLaunch()}${this.state === 'idle' ? nothing : this.renderBar()}
      <div class="visually-hidden" role="status">${this.announcement}</div>`;
  }

  private renderLaunch() {
    if (!this.engine.supported) {
      return html`<div class="launch" part="launch"><p class="note">Read aloud is not available in this browser.</p></div>`;
    }
    const suitable = voicesFor(this.voices, this.articleLang);
    if (this.voices.length > 0 && suitable.length === 0) {
      return html`<div class="launch" part="launch"><p class="note">No ${this.languageName()} voice is installed on this device, so the article cannot be read aloud.</p></div>`;
    }
    if (this.state !== 'idle') return html`<div class="launch" part="launch"></div>`;
    const saved = this.position?.peek();
    // Parts let the page's toolbar shorten what shows where it is narrow ("Resume", and Start
    // from the beginning under More options); the names stay whole.
    return html`<div class="launch" part="launch">
      <button class="listen primary" type="button" @click=${() => this.listen()} aria-keyshortcuts=${this.shortcuts.keys('toggle')}>
        ${ICONS.play}${saved
          ? html`Resume<span part="optional-words"> listening</span><span class="visually-hidden"> from “${saved.section}”</span>`
          : 'Listen'}
      </button>
      ${saved ? html`<button type="button" class="restart" part="restart" @click=${() => this.listen(0)}>Start from the beginning</button>` : nothing}
    </div>`;
  }

  private renderBar() {
    const player = this.player!;
    const { durationMs } = this.session!;
    const script = player.script;
    const segment = player.segment!;
    const section = script.sections[segment.section];
    const rate = this.prefs.value.rate;
    const spent = script.segments.slice(0, player.index).reduce((sum, s) => sum + durationMs(s, rate), 0);
    const left = script.segments.slice(player.index).reduce((sum, s) => sum + durationMs(s, rate), 0);
    const playing = player.state === 'playing';
    const voice = this.currentVoice();
    const suitable = voicesFor(this.voices, this.articleLang);
    return html`<section class="bar ${this.docking.docked ? 'docked' : ''}" part="bar" aria-label="Read aloud">
      <p class="where">
        <span>Section ${segment.section + 1} of ${script.sections.length}: ${section.title}</span>
        <span class="time">${minutes(spent)} played, about ${minutes(left)} left</span>
      </p>
      <progress max=${script.segments.length} .value=${player.index + 1} aria-label="Listening progress"></progress>
      ${player.problem ? html`<p class="problem">${player.problem}</p>` : nothing}
      <div class="controls">
        ${this.iconButton('previousSection', 'Previous section', ICONS.previousSection, () => player.previousSection())}
        ${this.iconButton('previous', 'Previous sentence', ICONS.previous, () => player.previous())}
        <button class="primary icon-button play" type="button" @click=${() => player.toggle()} aria-keyshortcuts=${this.shortcuts.keys('toggle')}>
          ${playing ? ICONS.pause : ICONS.play}<span class="label">${playing ? 'Pause' : 'Play'}</span>
        </button>
        ${this.iconButton('next', 'Next sentence', ICONS.next, () => player.next())}
        ${this.iconButton('nextSection', 'Next section', ICONS.nextSection, () => player.nextSection())}
        ${this.iconButton('stop', 'Stop', ICONS.stop, () => this.stop())}
        <label>Speed
          <select class="rate" @change=${(e: Event) => this.prefs.store.update({ rate: Number((e.target as HTMLSelectElement).value) })}>
            ${RATES.map((r) => html`<option value=${r} ?selected=${r === rate}>${r}×</option>`)}
          </select>
        </label>
        <button type="button" class="more" aria-expanded=${this.optionsOpen} aria-controls="options" @click=${() => (this.optionsOpen = !this.optionsOpen)}>
          More options
        </button>
        ${this.follow.following
          ? nothing
          : html`<button type="button" class="back" @click=${() => this.follow.backToReading(this.showReadingPosition())}>Back to reading position</button>`}
      </div>
      <div class="options" id="options" ?hidden=${!this.optionsOpen}>
        <label>Voice
          <select class="voice" @change=${this.chooseVoice}>
            ${suitable.length === 0 ? html`<option value="">Browser default</option>` : nothing}
            <optgroup label=${this.languageName()}>
              ${suitable.map((v) => html`<option value=${v.id} ?selected=${v.id === voice?.id}>${v.name}${v.local ? '' : ' (online)'}</option>`)}
            </optgroup>
          </select>
        </label>
        <fieldset>
          <legend>Highlight while reading</legend>
          ${HIGHLIGHTS.map(
            (mode) => html`<label class="choice"><input type="radio" name="highlight" value=${mode} .checked=${this.prefs.value.highlight === mode}
              @change=${() => this.prefs.store.update({ highlight: mode })} />${HIGHLIGHT_NAMES[mode]}</label>`,
          )}
        </fieldset>
        <button type="button" class="from-start" @click=${() => player.seek(0)}>Start from the beginning</button>
        <dl class="keys">
          ${this.shortcuts.shortcuts.map((s) => html`<dt>${keysForPeople(s.keys)}</dt><dd>${s.label}</dd>`)}
        </dl>
      </div>
    </section>`;
  }

  private iconButton(name: ReadAloudAction, label: string, glyph: unknown, action: () => void) {
    return html`<button type="button" class="icon-button ${name}" @click=${action} aria-keyshortcuts=${this.shortcuts.keys(name)}>
      ${glyph}<span class="label">${label}</span>
    </button>`;
  }

  /** Starts (or resumes) listening: at a segment, at the saved position, or at the start. */
  private async listen(from?: number) {
    const player = await this.ensurePlayer();
    if (!player) return;
    if (this.voices.length === 0) {
      if (!this.pendingStart) {
        this.pendingStart = { from, timer: window.setTimeout(() => this.startPending(), VOICE_WAIT_MS) };
        this.announce('Loading voices…');
      }
      return;
    }
    player.play(from ?? this.position?.find(player.script)?.index ?? player.index);
  }

  /** Voices arrived, or waiting for them timed out: start anyway; a failure is reported as usual. */
  private startPending() {
    const pending = this.pendingStart;
    const player = this.player;
    if (!pending || !player) return;
    window.clearTimeout(pending.timer);
    this.pendingStart = undefined;
    player.play(pending.from ?? this.position?.find(player.script)?.index ?? player.index);
  }

  private stop() {
    this.player?.stop();
    // Focus was in the bar, which is going: keep it on the Listen button that replaces it.
    void this.updateComplete.then(() => this.listenButton?.focus());
  }

  /**
   * The script and player are built on first use, not on page load, and their code loads then
   * too (the worker precaches it, so offline as well): a press speaks once it has loaded.
   */
  private ensurePlayer(): Promise<ReadAloud | undefined> {
    const article = this.article;
    if (!this.engine.supported || !article) return Promise.resolve(undefined);
    this.playerReady ??= import('../speech/read-aloud-session.js').then(
      (session) => this.createPlayer(session, article),
      () => {
        // Offline before the edition was saved, say: the next press tries again.
        this.playerReady = undefined;
        this.announce('Read aloud could not load. Check the connection, then try again.');
        return undefined;
      },
    );
    return this.playerReady;
  }

  private createPlayer(session: ReadAloudSession, article: HTMLElement) {
    this.session = session;
    this.player = session.readAloudSession(article, this.articleLang, {
      engine: this.engine,
      rate: () => this.prefs.value.rate,
      voice: () => this.currentVoice(),
    });
    this.player.addEventListener('change', () => this.playerChanged());
    this.player.addEventListener('finished', () => {
      this.position?.clear();
      this.announce('Finished reading.');
    });
    return this.player;
  }

  private currentVoice() {
    return chooseVoice(this.voices, this.articleLang, this.prefs.value.voices[primaryLanguage(this.articleLang)]);
  }

  private chooseVoice(event: Event) {
    const id = (event.target as HTMLSelectElement).value;
    this.prefs.store.update({ voices: { ...this.prefs.value.voices, [primaryLanguage(this.articleLang)]: id } });
  }

  private languageName() {
    try {
      return new Intl.DisplayNames([document.documentElement.lang || 'en'], { type: 'language' }).of(primaryLanguage(this.articleLang)) ?? this.articleLang;
    } catch {
      return this.articleLang;
    }
  }

  private playerChanged() {
    const player = this.player!;
    // This runs on every word the engine reports: only the highlight changes that often.
    const range = this.showReadingPosition();
    const moved = player.index !== this.lastIndex;
    const stateChanged = player.state !== this.lastState;
    if (moved) {
      this.lastIndex = player.index;
      if (player.state === 'playing') this.follow.reveal(range);
      if (player.state !== 'idle') this.position?.save(player.script, player.index);
    }
    if (stateChanged || player.problem !== this.lastProblem) {
      const messages: Record<PlayerState, string> = { playing: 'Playing.', paused: 'Paused.', idle: 'Stopped.' };
      this.announce(player.problem ?? messages[player.state]);
      if (player.state === 'playing' && this.lastState === 'idle') this.follow.following = true;
      this.lastState = player.state;
      this.lastProblem = player.problem;
    }
    if (moved || stateChanged) this.updateMediaSession(player);
    this.revision++;
  }

  private updateMediaSession(player: ReadAloud) {
    const section = player.script.sections[player.segment?.section ?? 0];
    const title = document.querySelector('h1')?.textContent?.trim() ?? document.title;
    this.media.update(
      { title: section.title === 'Opening' ? title : section.title, artist: document.querySelector('meta[name="author"]')?.getAttribute('content') ?? '', album: title },
      player.state === 'idle' ? 'none' : player.state,
    );
  }

  /** Highlights the sentence being read (and its word); returns its range for scrolling. */
  private showReadingPosition() {
    const player = this.player;
    if (!player || player.state === 'idle') {
      this.highlight.clear();
      return undefined;
    }
    return this.highlight.show(player.segment, player.word, this.prefs.value.highlight);
  }

  private announce(message: string) {
    // The same words twice in a row would not be spoken again: clear first.
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = message));
  }

  private readonly onPageHide = () => this.player?.stop();

  private readonly onListenHere = async (event: ListenHereEvent) => {
    const player = await this.ensurePlayer();
    const index = player ? segmentOfHeading(player.script, event.heading) : undefined;
    if (index !== undefined) void this.listen(index);
  };

  /** Listen from here: the selected text's sentence, or the first sentence on screen. */
  private async listenFromHere() {
    const player = await this.ensurePlayer();
    if (!player) return;
    const index = segmentAtSelection(player.script, window.getSelection()) ?? firstSegmentOnScreen(player.script);
    void this.listen(index ?? 0);
  }

  private onShortcut(action: ReadAloudAction) {
    const player = this.player;
    switch (action) {
      case 'toggle':
        if (player && player.state !== 'idle') player.toggle();
        else void this.listen();
        break;
      case 'stop':
        this.stop();
        break;
      case 'here':
        void this.listenFromHere();
        break;
      default:
        player?.[action]();
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'read-aloud-player': ReadAloudPlayer;
  }
}
