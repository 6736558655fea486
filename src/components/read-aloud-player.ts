import { css, html, LitElement, nothing, svg, type PropertyValues } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { FollowReadingController } from '../controllers/follow-reading-controller.js';
import { MediaSessionController } from '../controllers/media-session-controller.js';
import { PreferenceController } from '../controllers/preference-controller.js';
import { ReadingHighlightController } from '../controllers/reading-highlight-controller.js';
import { RevealFocusController } from '../controllers/reveal-focus-controller.js';
import { HIGHLIGHTS, listeningPreferences, RATES, type HighlightMode } from '../preferences/listening-preferences.js';
import { Lexicon } from '../speech/lexicon.js';
import { durationMs, ReadAloud, type PlayerState } from '../speech/read-aloud.js';
import { ReadingPosition } from '../speech/reading-position.js';
import { BrowserSpeechEngine, type SpeechEngine, type Voice } from '../speech/speech-engine.js';
import { buildScript } from '../speech/spoken-script.js';
import { chooseVoice, primaryLanguage, voicesFor } from '../speech/voices.js';
import { controlStyles } from '../styles/control-styles.js';
import type { ListenHereEvent } from './listen-here.js';

/** Shortcuts: Alt+Shift with a key no screen reader's browse mode uses. Matched by event.code. */
const SHORTCUTS: Record<string, { keys: string; label: string }> = {
  toggle: { keys: 'Alt+Shift+P', label: 'play or pause' },
  stop: { keys: 'Alt+Shift+S', label: 'stop' },
  previous: { keys: 'Alt+Shift+ArrowLeft', label: 'previous sentence' },
  next: { keys: 'Alt+Shift+ArrowRight', label: 'next sentence' },
  previousSection: { keys: 'Alt+Shift+ArrowUp', label: 'previous section' },
  nextSection: { keys: 'Alt+Shift+ArrowDown', label: 'next section' },
  here: { keys: 'Alt+Shift+L', label: 'listen from the selected text, or the top of the screen' },
};

const CODES: Record<string, keyof typeof SHORTCUTS> = {
  KeyP: 'toggle',
  KeyS: 'stop',
  ArrowLeft: 'previous',
  ArrowRight: 'next',
  ArrowUp: 'previousSection',
  ArrowDown: 'nextSection',
  KeyL: 'here',
};

const HIGHLIGHT_NAMES: Record<HighlightMode, string> = { word: 'Sentence and word', sentence: 'Sentence', off: 'Off' };

/**
 * Some engines (Chrome with speech-dispatcher) drop an utterance spoken before their voice
 * list has loaded; Play waits this long for voices, then speaks anyway.
 */
const VOICE_WAIT_MS = 4000;

/** The bar docks to the bottom of the screen only while it takes no more than this share of it. */
const MAX_DOCKED_SHARE = 0.3;

const icon = (path: string) => svg`<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d=${path} /></svg>`;
const ICONS = {
  play: icon('M4 2.5v11l9-5.5z'),
  pause: icon('M4 2.5h3v11H4zm5 0h3v11H9z'),
  stop: icon('M3.5 3.5h9v9h-9z'),
  previous: icon('M11 3v10L5 8zM4 3h1.5v10H4z'),
  next: icon('M5 3v10l6-5zM10.5 3H12v10h-1.5z'),
  previousSection: icon('M8 3v10L2 8zm6 0v10L8 8z'),
  nextSection: icon('M8 3v10l6-5zM2 3v10l6-5z'),
};

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
  static override styles = [
    controlStyles,
    css`
    :host {
      display: contents;
      font-family: var(--font-ui);
      color: var(--text);
    }

    select {
      font: inherit;
      color: inherit;
    }

    button {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      gap: 0.4em;
    }

    svg {
      width: 1em;
      height: 1em;
      fill: currentColor;
      flex: none;
    }

    select {
      min-height: 2.75rem;
      max-width: 100%;
      padding: 0.25rem 0.5rem;
      border: 0.125rem solid currentColor;
      border-radius: 0.375rem;
      background: var(--bg);
    }

    .launch {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
      justify-self: start;
    }

    @container site-header (min-width: 26em) {
      .launch {
        grid-column: 2;
        grid-row: 1;
        justify-self: end;
      }
    }

    .note {
      margin: 0;
      color: var(--muted);
      font-size: 0.875em;
    }

    .bar {
      grid-column: 1 / -1;
      z-index: 6;
      padding: 0.5rem clamp(0.5rem, 3vw, 1.5rem);
      border-top: 0.125rem solid var(--rule);
      background: var(--bg);
    }

    .bar.docked {
      position: fixed;
      left: 0;
      right: 0;
      bottom: 0;
      box-shadow: 0 -0.25rem 1rem rgb(0 0 0 / 0.15);
    }

    .where {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 0 1rem;
      margin: 0 0 0.25rem;
      font-size: 0.875em;
    }

    .time {
      color: var(--muted);
    }

    progress {
      display: block;
      width: 100%;
      height: 0.375rem;
      margin-bottom: 0.5rem;
      accent-color: var(--link);
    }

    .controls {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.375rem;
    }

    .controls label {
      display: inline-flex;
      align-items: center;
      gap: 0.375rem;
      min-height: 2.75rem;
    }

    .primary {
      background: var(--link);
      border-color: var(--link);
      color: var(--bg);
    }

    .primary:hover {
      background: var(--link);
    }

    @media (forced-colors: active) {
      .primary,
      .primary:hover {
        background: ButtonText;
        border-color: ButtonText;
        color: ButtonFace;
      }
    }

    .problem {
      margin: 0.25rem 0 0.5rem;
      padding: 0.375rem 0.75rem;
      border-inline-start: 0.25rem solid var(--accent);
      background: var(--surface);
    }

    .options {
      margin-top: 0.5rem;
      display: grid;
      gap: 0.5rem;
    }

    .options[hidden] {
      display: none;
    }

    fieldset {
      margin: 0;
      padding: 0.25rem 0.75rem 0.5rem;
      border: 0.0625rem solid var(--rule);
      border-radius: 0.375rem;
    }

    .choice {
      display: inline-flex;
      align-items: center;
      gap: 0.5rem;
      min-height: 2.75rem;
      margin-inline-end: 1rem;
    }

    .choice input {
      width: 1.25rem;
      height: 1.25rem;
      margin: 0;
      accent-color: var(--link);
    }

    .keys {
      margin: 0;
      font-size: 0.875em;
      color: var(--muted);
    }

    .keys dt {
      font-weight: 600;
      color: var(--text);
    }

    .keys dd {
      margin: 0 0 0.25rem;
    }

    /* Icon and word on wide bars; icon alone (the word still names the button) on narrow ones. */
    .label {
      white-space: nowrap;
    }

    @container site-header (max-width: 40em) {
      .icon-button .label {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
      }
    }

  `,
  ];

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

  @state() private voices: Voice[] = [];
  @state() private optionsOpen = false;
  @state() private docked = true;
  @state() private announcement = '';
  /** Changes whenever the player does, so Lit re-renders. */
  @state() private revision = 0;

  @query('.bar') private bar?: HTMLElement;
  @query('.listen') private listenButton?: HTMLButtonElement;

  private player?: ReadAloud;
  private article?: HTMLElement;
  private position?: ReadingPosition;
  private lastIndex = -1;
  private lastState: PlayerState = 'idle';
  private lastProblem?: string;
  private observedBar?: HTMLElement;
  private stopWatchingVoices?: () => void;
  /** Play was pressed before any voice had loaded: where to start once one has. */
  private pendingStart?: { from?: number; timer: number };
  private readonly resizeObserver = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(() => this.dock());

  constructor() {
    super();
    // The bar covers the bottom of the screen, so the player keeps focus anywhere clear of it.
    new RevealFocusController(this, { wholePage: true });
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
    document.addEventListener('click', this.onDocumentClick);
    window.addEventListener('keydown', this.onKeydown);
    // Speech must stop with the page, or some browsers keep talking after it has gone.
    window.addEventListener('pagehide', this.onPageHide);
    window.addEventListener('resize', this.onResize);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.stopWatchingVoices?.();
    document.removeEventListener('listen-here', this.onListenHere);
    document.removeEventListener('click', this.onDocumentClick);
    window.removeEventListener('keydown', this.onKeydown);
    window.removeEventListener('pagehide', this.onPageHide);
    window.removeEventListener('resize', this.onResize);
    this.resizeObserver?.disconnect();
    this.player?.stop();
    document.documentElement.style.removeProperty('--player-height');
  }

  override render() {
    return html`${this.renderLaunch()}${this.state === 'idle' ? nothing : this.renderBar()}
      <div class="visually-hidden" role="status">${this.announcement}</div>`;
  }

  protected override updated(changed: PropertyValues) {
    super.updated(changed);
    // Measure only when the bar comes or goes; the resize observer follows its size after that.
    if (this.bar === this.observedBar) return;
    if (this.observedBar) this.resizeObserver?.unobserve(this.observedBar);
    this.observedBar = this.bar;
    if (this.bar) this.resizeObserver?.observe(this.bar);
    this.dock();
  }

  private renderLaunch() {
    if (!this.engine.supported) {
      return html`<div class="launch"><p class="note">Read aloud is not available in this browser.</p></div>`;
    }
    const suitable = voicesFor(this.voices, this.articleLang);
    if (this.voices.length > 0 && suitable.length === 0) {
      return html`<div class="launch"><p class="note">No ${this.languageName()} voice is installed on this device, so the article cannot be read aloud.</p></div>`;
    }
    if (this.state !== 'idle') return html`<div class="launch"></div>`;
    const saved = this.position?.peek();
    return html`<div class="launch">
      <button class="listen primary" type="button" @click=${() => this.listen()} aria-keyshortcuts=${SHORTCUTS.toggle.keys}>
        ${ICONS.play}${saved ? html`Resume listening<span class="visually-hidden"> from “${saved.section}”</span>` : 'Listen'}
      </button>
      ${saved ? html`<button type="button" @click=${() => this.listen(0)}>Start from the beginning</button>` : nothing}
    </div>`;
  }

  private renderBar() {
    const player = this.player!;
    const script = player.script;
    const segment = player.segment!;
    const section = script.sections[segment.section];
    const rate = this.prefs.value.rate;
    const spent = script.segments.slice(0, player.index).reduce((sum, s) => sum + durationMs(s, rate), 0);
    const left = script.segments.slice(player.index).reduce((sum, s) => sum + durationMs(s, rate), 0);
    const playing = player.state === 'playing';
    const voice = this.currentVoice();
    const suitable = voicesFor(this.voices, this.articleLang);
    return html`<section class="bar ${this.docked ? 'docked' : ''}" aria-label="Read aloud">
      <p class="where">
        <span>Section ${segment.section + 1} of ${script.sections.length}: ${section.title}</span>
        <span class="time">${minutes(spent)} played, about ${minutes(left)} left</span>
      </p>
      <progress max=${script.segments.length} .value=${player.index + 1} aria-label="Listening progress"></progress>
      ${player.problem ? html`<p class="problem">${player.problem}</p>` : nothing}
      <div class="controls">
        ${this.iconButton('previousSection', 'Previous section', ICONS.previousSection, () => player.previousSection())}
        ${this.iconButton('previous', 'Previous sentence', ICONS.previous, () => player.previous())}
        <button class="primary icon-button play" type="button" @click=${() => player.toggle()} aria-keyshortcuts=${SHORTCUTS.toggle.keys}>
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
        <dl class="keys">
          ${Object.values(SHORTCUTS).map((s) => html`<dt>${s.keys.replace(/Arrow(\w+)/, '$1 arrow').replace(/\+/g, ' + ')}</dt><dd>${s.label}</dd>`)}
        </dl>
      </div>
    </section>`;
  }

  private iconButton(key: keyof typeof SHORTCUTS, label: string, glyph: unknown, action: () => void) {
    return html`<button type="button" class="icon-button ${key}" @click=${action} aria-keyshortcuts=${SHORTCUTS[key].keys}>
      ${glyph}<span class="label">${label}</span>
    </button>`;
  }

  /** Starts (or resumes) listening: at a segment, at the saved position, or at the start. */
  private listen(from?: number) {
    const player = this.ensurePlayer();
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

  /** The script and player are built on first use, not on page load. */
  private ensurePlayer(): ReadAloud | undefined {
    if (this.player) return this.player;
    if (!this.engine.supported || !this.article) return undefined;
    const script = buildScript(this.article, this.lexicon(), this.articleLang);
    this.player = new ReadAloud({
      engine: this.engine,
      script,
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

  private lexicon() {
    const data = document.getElementById('pronunciation-lexicon')?.textContent;
    try {
      return Lexicon.fromJson(data ? JSON.parse(data) : undefined);
    } catch {
      return new Lexicon();
    }
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

  /** Docks the bar to the bottom of the screen unless that would cover too much of it. */
  private dock() {
    const root = document.documentElement;
    if (!this.bar) {
      root.style.removeProperty('--player-height');
      return;
    }
    const height = this.bar.getBoundingClientRect().height;
    const fits = height <= window.innerHeight * MAX_DOCKED_SHARE;
    if (fits !== this.docked) this.docked = fits;
    // The page leaves room under a docked bar, so nothing focused or read hides behind it.
    if (fits) root.style.setProperty('--player-height', `${Math.ceil(height)}px`);
    else root.style.removeProperty('--player-height');
  }

  private readonly onResize = () => this.dock();

  private readonly onPageHide = () => this.player?.stop();

  private readonly onListenHere = (event: ListenHereEvent) => {
    const player = this.ensurePlayer();
    const index = player?.script.segments.findIndex((s) => s.block === event.heading) ?? -1;
    if (index >= 0) this.listen(index);
  };

  /**
   * While listening, a click or tap on the article's text moves reading there, and a link in
   * the contents moves it to that section (as well as scrolling). Links, buttons and text
   * selections keep their usual meaning.
   */
  private readonly onDocumentClick = (event: MouseEvent) => {
    const player = this.player;
    if (!player || player.state === 'idle') return;
    const target = event.target as Element;
    const tocLink = target.closest?.('nav a[href^="#"]');
    if (tocLink) {
      const heading = document.getElementById(decodeURIComponent(tocLink.getAttribute('href')!.slice(1)));
      const index = player.script.segments.findIndex((s) => s.block === heading);
      if (index >= 0) player.seek(index);
      return;
    }
    if (!this.article?.contains(target) || target.closest('a, button, listen-here, summary')) return;
    if (!window.getSelection()?.isCollapsed) return;
    const index = this.segmentAt(event.clientX, event.clientY);
    if (index !== undefined) player.seek(index);
  };

  /** The segment under a point: the sentence whose text holds the caret position there. */
  private segmentAt(x: number, y: number): number | undefined {
    const doc = document as Document & {
      caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
      caretRangeFromPoint?(x: number, y: number): Range | null;
    };
    const caret = doc.caretPositionFromPoint?.(x, y);
    const range = caret ? undefined : doc.caretRangeFromPoint?.(x, y);
    const node = caret?.offsetNode ?? range?.startContainer;
    const offset = caret?.offset ?? range?.startOffset ?? 0;
    return node ? this.segmentAtNode(node, offset) : undefined;
  }

  private segmentAtNode(node: Node, offset: number): number | undefined {
    const segments = this.player?.script.segments ?? [];
    const candidates = segments.filter((s) => s.block.contains(node));
    if (candidates.length === 0) return undefined;
    // The node's offset within its block's text.
    const block = candidates[0].block;
    const before = document.createRange();
    before.setStart(block, 0);
    before.setEnd(node, offset);
    const at = before.toString().length;
    return (candidates.find((s) => at < s.end) ?? candidates[candidates.length - 1]).index;
  }

  /** Listen from here: the selected text's sentence, or the first sentence on screen. */
  private listenFromHere() {
    const player = this.ensurePlayer();
    if (!player) return;
    const selection = window.getSelection();
    let index = selection?.anchorNode ? this.segmentAtNode(selection.anchorNode, selection.anchorOffset) : undefined;
    index ??= player.script.segments.find((s) => s.block.getBoundingClientRect().bottom > 0)?.index;
    this.listen(index ?? 0);
  }

  private readonly onKeydown = (event: KeyboardEvent) => {
    if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return;
    const action = CODES[event.code];
    if (!action || !this.engine.supported) return;
    const target = event.composedPath()[0] as Element | undefined;
    if (target?.closest?.('input[type="text"], textarea, [contenteditable]')) return;
    event.preventDefault();
    const player = this.player;
    switch (action) {
      case 'toggle':
        if (player && player.state !== 'idle') player.toggle();
        else this.listen();
        break;
      case 'stop':
        this.stop();
        break;
      case 'here':
        this.listenFromHere();
        break;
      default:
        player?.[action as 'previous' | 'next' | 'previousSection' | 'nextSection']();
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'read-aloud-player': ReadAloudPlayer;
  }
}
