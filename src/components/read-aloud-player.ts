import { html, LitElement, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { announce } from '../announcer.js';
import { afterFocusSettles } from '../focus-handover.js';
import { DockingController } from '../controllers/docking-controller.js';
import { FollowReadingController } from '../controllers/follow-reading-controller.js';
import { MediaSessionController } from '../controllers/media-session-controller.js';
import { PreferenceController } from '../controllers/preference-controller.js';
import { ReadingHighlightController } from '../controllers/reading-highlight-controller.js';
import { RevealFocusController } from '../controllers/reveal-focus-controller.js';
import { keysForPeople, ShortcutsController } from '../controllers/shortcuts-controller.js';
import { TapToSeekController } from '../controllers/tap-to-seek-controller.js';
import { YieldController } from '../controllers/yield-controller.js';
import { HIGHLIGHTS, listeningPreferences, RATES, type HighlightMode } from '../preferences/listening-preferences.js';
import type { PlayerState, ReadAloud } from '../speech/read-aloud.js';
import { ReadingPosition } from '../speech/reading-position.js';
import { recommendedVoices } from '../speech/recommended-voices.js';
import { firstSegmentOnScreen, segmentAtSelection, segmentOfHeading } from '../speech/segment-lookup.js';
import { BrowserSpeechEngine, type SpeechEngine, type Voice } from '../speech/speech-engine.js';
import {
  BEST_FEW,
  BETTER_VOICE_HINTS,
  chooseVoice,
  onlyPoorVoices,
  platformOf,
  primaryLanguage,
  tellsLocalFromOnline,
  voiceChoices,
  type RecommendedVoice,
  type VoiceChoice,
} from '../speech/voices.js';
import type { ListenHereEvent } from './listen-here.js';
import { ICONS } from './read-aloud-player.icons.js';
import { READ_ALOUD_SHORTCUTS, type ReadAloudAction } from './read-aloud-player.shortcuts.js';
import { readAloudPlayerStyles } from './read-aloud-player.styles.js';

/** The speech code the player loads on first use (see ensurePlayer). */
type ReadAloudSession = typeof import('../speech/read-aloud-session.js');

const HIGHLIGHT_NAMES: Record<HighlightMode, string> = { word: 'Sentence and word', sentence: 'Sentence', off: 'Off' };

/** A click from the keyboard or a screen reader, which has no pointer presses. */
const byKeyboard = (event: MouseEvent) => event.detail === 0;

/**
 * Some engines (Chrome with speech-dispatcher) drop an utterance spoken before their voice
 * list has loaded; Play waits this long for voices, then speaks anyway.
 */
const VOICE_WAIT_MS = 4000;

/** Runs a task once the page has loaded and the browser is idle (or soon after, where it has no idle callbacks). */
function afterLoad(task: () => void) {
  const idle = () => ('requestIdleCallback' in window ? requestIdleCallback(() => task(), { timeout: 2000 }) : setTimeout(task, 200));
  if (document.readyState === 'complete') idle();
  else window.addEventListener('load', idle, { once: true });
}

const minutes = (ms: number) => {
  const total = Math.round(ms / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  return m > 0 ? `${m} min ${String(s).padStart(2, '0')} s` : `${s} s`;
};

/**
 * A control to focus on the next render, and the part of the player kept on screen until that
 * focus has reached screen readers (see ../focus-handover.ts), so they announce where focus
 * landed rather than the removal.
 */
interface Handover {
  focus: '.play' | '.listen';
  keep?: 'launch' | 'bar';
}

/**
 * The read-aloud player: a Listen button in the page header and, while listening, a compact
 * bar of native controls docked to the bottom of the screen. It reads the article's own
 * markup (light DOM) through the browser's speech synthesis, highlights and follows the
 * sentence being read, remembers where the listener stopped, and answers headset and
 * lock-screen buttons. It shares the speech channel with screen readers: it says its state
 * (Playing, Paused, Stopped) once through the page's announcer, keeps its progress out of
 * the accessibility tree, and yields when the listener turns to the rest of the page.
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
    pageKeys: () => this.prefs.value.pageKeys,
    onShortcut: (action) => this.onShortcut(action),
  });

  @state() private voices: Voice[] = [];
  @state() private recommended: readonly RecommendedVoice[] = [];
  @state() private optionsOpen = false;
  @state() private allVoices = false;
  /** Changes whenever the player does, so Lit re-renders. */
  @state() private revision = 0;

  @query('.bar') private bar?: HTMLElement;

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
  private pendingStart?: { from?: number; quietFirst: boolean; timer: number };
  private handover?: Handover;
  /** What a handover keeps on screen after focusing its control, until the focus has settled. */
  private kept?: Handover['keep'];
  /** Listening was started from elsewhere on the page ("Listen from here"): focus the bar. */
  private focusBarOnStart = false;
  /**
   * The voice chosen for the listener when listening started, while they have chosen none: the
   * recommended list may arrive later and rank another first, and the voice must not change mid-read.
   */
  private startedWith?: string;

  constructor() {
    super();
    // The bar covers the bottom of the screen, so the player keeps focus anywhere clear of it.
    new RevealFocusController(this, { wholePage: true });
    new TapToSeekController(this, {
      article: () => this.article,
      contents: () => document.querySelector('nav.toc') ?? undefined,
      listening: () => (this.state === 'idle' ? undefined : this.player?.script),
      seek: (index) => this.player?.seek(index),
    });
    new YieldController(this, {
      speaking: () => this.state === 'playing',
      ownKey: (event) => this.shortcuts.match(event) !== undefined,
      // The listener turned to the rest of the page: stop, and resume the cut part whole.
      away: () => this.player?.pause('part'),
      // The listener is working the player (Tab between its controls): let their screen reader answer.
      busy: () => this.player?.duck(),
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
    // The recommended voices (about 2 KB, which the offline worker keeps too) are fetched once
    // the page has loaded and gone idle, so the best voice is known by the time Listen is pressed.
    if (this.engine.supported) afterLoad(this.loadRecommended);
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
    const listening = this.state !== 'idle';
    const keep = this.handover?.keep ?? this.kept;
    return html`${this.renderLaunch(!listening || keep === 'launch')}${listening || keep === 'bar' ? this.renderBar() : nothing}`;
  }

  protected override updated() {
    // Focus moves first; what it left goes once screen readers have heard of the move (see Handover).
    const handover = this.handover;
    if (!handover) return;
    this.handover = undefined;
    this.renderRoot.querySelector<HTMLElement>(handover.focus)?.focus();
    if (!handover.keep) return;
    this.kept = handover.keep;
    afterFocusSettles(() => {
      this.kept = undefined;
      this.requestUpdate();
    });
  }

  private renderLaunch(showButtons: boolean) {
    if (!this.engine.supported) {
      return html`<div class="launch" part="launch"><p class="note">Read aloud is not available in this browser.</p></div>`;
    }
    if (this.voices.length > 0 && this.choices().length === 0) {
      return html`<div class="launch" part="launch"><p class="note">No ${this.languageName()} voice is installed on this device, so the article cannot be read aloud.</p></div>`;
    }
    if (!showButtons) return html`<div class="launch" part="launch"></div>`;
    const saved = this.position?.peek();
    // Parts let the page's toolbar shorten what shows where it is narrow ("Resume", and Start
    // from the beginning under More options); the names stay whole.
    return html`<div class="launch" part="launch">
      <button class="listen primary" type="button" @click=${(e: MouseEvent) => this.listen(undefined, byKeyboard(e))} aria-keyshortcuts=${ifDefined(this.keyshortcuts('toggle'))}>
        ${ICONS.play}${saved
          ? html`Resume<span part="optional-words"> listening</span><span class="visually-hidden"> from “${saved.section}”</span>`
          : 'Listen'}
      </button>
      ${saved ? html`<button type="button" class="restart" part="restart" @click=${(e: MouseEvent) => this.listen(0, byKeyboard(e))}>Start from the beginning</button>` : nothing}
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
    // The text says where reading is. The progress bar is for the eye only: one that changes
    // with every sentence would have screen readers speak its value over the reading.
    return html`<section class="bar ${this.docking.docked ? 'docked' : ''}" part="bar" aria-label="Read aloud">
      <p class="where">
        <span>Section ${segment.section + 1} of ${script.sections.length}: ${section.title}</span>
        <span class="time">${minutes(spent)} played, about ${minutes(left)} left</span>
      </p>
      <progress max=${script.segments.length} .value=${player.index + 1} aria-hidden="true"></progress>
      ${player.problem ? html`<p class="problem">${player.problem}</p>` : nothing}
      <div class="controls">
        ${this.iconButton('previousSection', 'Previous section', ICONS.previousSection, () => player.previousSection())}
        ${this.iconButton('previous', 'Previous sentence', ICONS.previous, () => player.previous())}
        <button class="primary icon-button play" type="button" @click=${(e: MouseEvent) => player.toggle({ quietFirst: byKeyboard(e) })} aria-keyshortcuts=${this.keyshortcuts('toggle')}>
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
        <button type="button" class="more" aria-expanded=${this.optionsOpen} aria-controls="options" @click=${this.toggleOptions}>
          More options
        </button>
        ${this.follow.following ? nothing : html`<button type="button" class="back" @click=${this.backToReading}>Back to reading position</button>`}
      </div>
      <div class="options" id="options" ?hidden=${!this.optionsOpen}>
        ${this.renderVoices()}
        <fieldset>
          <legend>Highlight while reading</legend>
          ${HIGHLIGHTS.map(
            (mode) => html`<label class="choice"><input type="radio" name="highlight" value=${mode} .checked=${this.prefs.value.highlight === mode}
              @change=${() => this.prefs.store.update({ highlight: mode })} />${HIGHLIGHT_NAMES[mode]}</label>`,
          )}
        </fieldset>
        <button type="button" class="from-start" @click=${() => player.seek(0)}>Start from the beginning</button>
        ${this.renderKeys()}
      </div>
    </section>`;
  }

  /** The best few voices, the rest behind "More voices", and how to get a better one where all are poor. */
  private renderVoices() {
    const choices = this.choices();
    const current = this.currentVoice();
    const few = choices.slice(0, BEST_FEW);
    // A voice chosen from the longer list stays in the short one, so the menu shows the truth.
    const chosen = choices.find((c) => c.voice.id === current?.id);
    if (chosen && !few.includes(chosen)) few.push(chosen);
    const rest = choices.filter((c) => !few.includes(c));
    const online = tellsLocalFromOnline(this.voices);
    const option = (c: VoiceChoice) => html`<option value=${c.voice.id} ?selected=${c.voice.id === current?.id}>${this.voiceName(c, online)}</option>`;
    const hint = onlyPoorVoices(choices) ? BETTER_VOICE_HINTS[platformOf()] : undefined;
    return html`<div class="voice-choice">
      <label>Voice
        <select class="voice" @change=${this.chooseVoice} aria-describedby=${ifDefined(hint ? 'voice-hint' : undefined)}>
          ${choices.length === 0 ? html`<option value="">Browser default</option>` : nothing}
          ${this.allVoices && rest.length > 0
            ? html`<optgroup label="Best for ${this.languageName()}">${few.map(option)}</optgroup><optgroup label="More voices">${rest.map(option)}</optgroup>`
            : few.map(option)}
        </select>
      </label>
      ${rest.length > 0
        ? html`<button type="button" class="more-voices" aria-expanded=${this.allVoices} @click=${() => (this.allVoices = !this.allVoices)}>
            More voices (${rest.length})
          </button>`
        : nothing}
      ${hint ? html`<p class="hint" id="voice-hint">${hint}</p>` : nothing}
    </div>`;
  }

  /** Keys in the player, and the page-wide keys with the switch that turns them on. */
  private renderKeys() {
    const focusKeys = this.shortcuts.shortcuts.filter((s) => s.scope === 'focus');
    const pageKeys = this.shortcuts.shortcuts.filter((s) => s.scope === 'page');
    const list = (shortcuts: typeof focusKeys) => shortcuts.map((s) => html`<dt>${keysForPeople(s.keys)}</dt><dd>${s.label}</dd>`);
    return html`<div class="key-help">
      <p class="keys-heading">Keys while focus is in the player (a focused control keeps its own):</p>
      <dl class="keys">${list(focusKeys)}</dl>
      <label class="choice">
        <input type="checkbox" class="page-keys" .checked=${this.prefs.value.pageKeys} aria-describedby="page-keys-hint"
          @change=${(e: Event) => this.prefs.store.update({ pageKeys: (e.target as HTMLInputElement).checked })} />
        Keys anywhere on the page
      </label>
      <p class="hint" id="page-keys-hint">Screen readers use these keys for their own commands, so leave this off if you use one.</p>
      <dl class="keys">${list(pageKeys)}</dl>
    </div>`;
  }

  private iconButton(name: ReadAloudAction, label: string, glyph: unknown, action: () => void) {
    return html`<button type="button" class="icon-button ${name}" @click=${action} aria-keyshortcuts=${ifDefined(this.keyshortcuts(name))}>
      ${glyph}<span class="label">${label}</span>
    </button>`;
  }

  private keyshortcuts(action: ReadAloudAction) {
    return this.shortcuts.keys(action) || undefined;
  }

  /**
   * "Aria, American English, female" where the recommended list knows a voice, the browser's
   * name otherwise; ", online" where the browser can tell. Commas, which screen readers do not
   * speak, between the parts.
   */
  private voiceName(choice: VoiceChoice, showOnline: boolean) {
    const details: string[] = [];
    if (choice.quality) {
      const region = this.displayName(choice.voice.lang);
      if (region) details.push(region);
      if (choice.gender && choice.gender !== 'neutral' && !new RegExp(`\\b${choice.gender}\\b`, 'i').test(choice.label)) details.push(choice.gender);
    }
    if (showOnline && !choice.voice.local) details.push('online');
    return [choice.label, ...details].join(', ');
  }

  /**
   * Starts (or resumes) listening: at a segment, at the saved position, or at the start. Started
   * from the keyboard, speech waits a quiet moment, so a screen reader says first where focus
   * went (Pause) and that it is playing, rather than queueing that behind a sentence (Firefox)
   * or cutting the sentence with it (Chromium).
   */
  private async listen(from?: number, quietFirst = false) {
    const player = await this.ensurePlayer();
    if (!player) return;
    if (this.voices.length === 0) {
      if (!this.pendingStart) {
        this.pendingStart = { from, quietFirst, timer: window.setTimeout(() => this.startPending(), VOICE_WAIT_MS) };
        this.announce('Loading voices…');
      }
      return;
    }
    this.start(player, from, quietFirst);
  }

  /** Voices arrived, or waiting for them timed out: start anyway; a failure is reported as usual. */
  private startPending() {
    const pending = this.pendingStart;
    const player = this.player;
    if (!pending || !player) return;
    window.clearTimeout(pending.timer);
    this.pendingStart = undefined;
    this.start(player, pending.from, pending.quietFirst);
  }

  private start(player: ReadAloud, from?: number, quietFirst = false) {
    if (!this.prefs.value.voices[primaryLanguage(this.articleLang)]) this.startedWith ??= this.currentVoice()?.id;
    player.play(from ?? this.position?.find(player.script)?.index ?? player.index, { quietFirst });
  }

  private stop() {
    this.player?.stop();
  }

  private toggleOptions() {
    this.optionsOpen = !this.optionsOpen;
  }

  /** Focus goes to Play/Pause, and the button that was pressed goes once screen readers have heard of it. */
  private backToReading() {
    this.renderRoot.querySelector<HTMLElement>('.play')?.focus();
    afterFocusSettles(() => this.follow.backToReading(this.showReadingPosition()));
  }

  /**
   * The script and player are built on first use, not on page load, and their code loads then
   * too (the worker precaches it, so offline as well): a press speaks once it has loaded.
   */
  private ensurePlayer(): Promise<ReadAloud | undefined> {
    const article = this.article;
    if (!this.engine.supported || !article) return Promise.resolve(undefined);
    this.loadRecommended();
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

  private readonly loadRecommended = () => {
    void recommendedVoices(this.articleLang).then((voices) => {
      if (voices !== this.recommended) this.recommended = voices;
    });
  };

  private rankOptions() {
    return { recommended: this.recommended, offline: !navigator.onLine };
  }

  private choices() {
    return voiceChoices(this.voices, this.articleLang, this.rankOptions());
  }

  private currentVoice() {
    const remembered = this.prefs.value.voices[primaryLanguage(this.articleLang)] ?? this.startedWith;
    return chooseVoice(this.voices, this.articleLang, remembered, this.rankOptions());
  }

  private chooseVoice(event: Event) {
    const id = (event.target as HTMLSelectElement).value;
    this.prefs.store.update({ voices: { ...this.prefs.value.voices, [primaryLanguage(this.articleLang)]: id } });
  }

  private languageName() {
    return this.displayName(primaryLanguage(this.articleLang)) ?? this.articleLang;
  }

  /** A language or regional variant in the page's words ("British English"). */
  private displayName(lang: string) {
    try {
      return new Intl.DisplayNames([document.documentElement.lang || 'en'], { type: 'language' }).of(lang);
    } catch {
      return undefined;
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
    if (stateChanged) this.planFocus(this.lastState, player.state);
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

  /**
   * When the focused control is about to go (Listen when the bar opens, the bar's controls when
   * it closes), its replacement takes focus first: Listen → Play/Pause, Stop → Listen. "Listen
   * from here" elsewhere on the page also brings focus to Play/Pause, where the listener can go on.
   */
  private planFocus(from: PlayerState, to: PlayerState) {
    const focused = (this.renderRoot as ShadowRoot).activeElement;
    if (from === 'idle' && to !== 'idle' && (focused?.closest('.launch') || this.focusBarOnStart)) {
      this.handover = { focus: '.play', keep: focused?.closest('.launch') ? 'launch' : undefined };
    } else if (to === 'idle' && from !== 'idle' && focused?.closest('.bar')) {
      this.handover = { focus: '.listen', keep: 'bar' };
    }
    this.focusBarOnStart = false;
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
    announce(message);
  }

  private readonly onPageHide = () => this.player?.stop();

  private readonly onListenHere = async (event: ListenHereEvent) => {
    const player = await this.ensurePlayer();
    const index = player ? segmentOfHeading(player.script, event.heading) : undefined;
    if (index === undefined) return;
    if (this.state === 'idle') {
      this.focusBarOnStart = true;
      void this.listen(index, event.byKeyboard);
      return;
    }
    // Already listening: move there, and bring focus to the bar all the same.
    player!.play(index, { quietFirst: event.byKeyboard });
    this.handover = { focus: '.play' };
    this.requestUpdate();
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
        if (player && player.state !== 'idle') player.toggle({ quietFirst: true });
        else void this.listen(undefined, true);
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
