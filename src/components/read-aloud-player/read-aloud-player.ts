import { html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { announce } from '../../announcer.js';
import { FirstUseLoader } from '../../first-use-loader.js';
import { afterFocusSettles } from '../../focus-handover.js';
import { ownTask } from '../../own-task.js';
import { PreferenceController } from '../../controllers/preference-controller.js';
import { RevealFocusController } from '../../controllers/reveal-focus-controller.js';
import { listeningPreferences } from '../../preferences/listening-preferences.js';
import { fetchRecommendedVoices } from '../../speech/first-listen.js';
import { languageDisplayName, primaryLanguage } from '../../speech/language-names.js';
import type { PlayerSources } from '../../speech/player-sources.js';
import type { PlayerState, SpeechPlayer } from '../../speech/read-aloud.js';
import type { PageAudio } from '../../speech/recorded-session.js';
import { BrowserSpeechEngine, type SpeechEngine, type Voice } from '../../speech/speech-engine.js';
import type { RecommendedVoice } from '../../speech/voices.js';
import { adoptLaterStyles } from '../../styles/component-styles.js';
import { englishMarked } from '../../words/in-page.js';
import { Startup, startupWords } from '../../words/startup-words.js';
import { fill } from '../../words/template.js';
import type { ListenHereEvent } from '../listen-here.js';
// The player's own parts. The bar and what follows the reading load on first use (../../first-use.ts): only their types here.
import type { BarLayout, BarView, Opened } from './bar.js';
import { FocusHandoverController } from './focus-handover-controller.js';
import { ICONS } from './icons.js';
import type { Listening } from './listening.js';
import type { QueueContinuation } from './queue-continuation.js';
import type { SleepTimer } from './sleep-timer.js';
import { ListeningPosition } from './listening-position.js';
import { byKeyboard, READ_ALOUD_SHORTCUTS, type ReadAloudAction } from './shortcuts.js';
import { ShortcutsController } from './shortcuts-controller.js';
import { readAloudPlayerStyles } from './styles.js';
import { VoicesController } from './voices-controller.js';

/** What the player loads on first use (see ensurePlayer): the speech code, and the bar with its voice menu. */
type FirstUse = typeof import('../../first-use.js');
type Session = FirstUse['session'];
type Bar = FirstUse['bar'];

await ownTask(); // defined, upgraded and first rendered in a task of its own

/**
 * The read-aloud player: a Listen button in the page header and, while listening, a compact
 * bar of native controls docked to the bottom of the screen. It reads the article's own
 * markup (light DOM) through the browser's speech synthesis, highlights and follows the
 * sentence being read, remembers where the listener stopped, and answers headset and
 * lock-screen buttons. It shares the speech channel with screen readers: it says its state
 * (Playing, Paused, Stopped) once through the page's announcer, keeps its progress out of
 * the accessibility tree, and yields when the listener turns to the rest of the page. Where
 * the build rendered an audio edition, it can play that instead (see `source`), with the same
 * bar, keys and lock-screen controls.
 */
@customElement('read-aloud-player')
export class ReadAloudPlayer extends LitElement {
  static override styles = readAloudPlayerStyles;

  private readonly engine: SpeechEngine = new BrowserSpeechEngine();
  private readonly voiceList = new VoicesController(this, this.engine);
  /** Focus moves before what held it goes: Listen → Play/Pause, Stop → Listen. */
  private readonly focusMove = new FocusHandoverController<'launch' | 'bar'>(this);
  private readonly prefs = new PreferenceController(this, listeningPreferences(), (event) => {
    if (event.changed.includes('rate') || event.changed.includes('voices')) {
      this.player?.restartUtterance();
      if (this.player) this.listening?.show(this.player); // the lock screen's clock: at the new speed now
    }
    if (event.changed.includes('highlight')) this.showReadingPosition();
    if (event.changed.includes('source') && this.sources) {
      // Chosen again: the audio edition is tried again (the connection may be back).
      this.sources.problem = undefined;
      void this.useSource(true).then(() => (this.notice = undefined));
    }
  });
  private readonly shortcuts = new ShortcutsController(this, {
    shortcuts: READ_ALOUD_SHORTCUTS,
    enabled: () => this.supported,
    pageKeys: () => this.prefs.value.pageKeys,
    onShortcut: (action) => this.onShortcut(action),
  });

  @state() private recommended: readonly RecommendedVoice[] = [];
  /** Changes whenever the player does, so Lit re-renders. */
  @state() private revision = 0;

  private get barElement() {
    return this.renderRoot.querySelector<HTMLElement>('.bar') ?? undefined;
  }

  /** The device's voice and the audio edition: the one reading is `player`. */
  private sources?: PlayerSources;
  /** The player, made with its code on first use: every press until then waits for the same one. */
  private readonly firstUse = new FirstUseLoader(this, {
    load: () => {
      // The recommended voices rank the voice before the first word: fetched beside the code.
      const recommended = fetchRecommendedVoices(this.articleLang);
      return import('../../first-use.js').then((code) => this.firstUsed(code, this.article!, recommended));
    },
    failed: () => this.say(startupWords()[Startup.PlayerCouldNotLoad]),
  });
  /** The page's audio edition, where the build rendered one. */
  private audio?: PageAudio;
  /** Why the audio edition is not reading, said with the state that follows (the announcer says only a speaker's latest message). */
  private notice?: string;
  private session?: Session;
  private bar?: Bar;
  /** The words only the code loaded on first use says, which come with it. */
  private firstUseWords?: FirstUse['firstUseWords'];
  /** Whether the bar docks, and whether it is narrow (see BarLayout). */
  private layout?: BarLayout;
  /** What the listener has opened in the bar (see Opened), kept while the bar comes and goes. */
  private opened?: Opened;
  /** The controllers that follow the reading, made with the player. */
  private listening?: Listening;
  private sleep?: SleepTimer;
  /** Answers a change of the player reading, or of which one reads (see PlayerChanges). */
  private playerChanged?: () => void;
  private article?: HTMLElement;
  /** Where the listener stopped listening, kept for their next visit. */
  private listeningPosition?: ListeningPosition;
  /** Which article reads: the page's own or a queued one, and the queue going on (see QueueContinuation). */
  private queue?: QueueContinuation;
  /** Listen was pressed and reading has not begun yet (the recording's cues or the voices are loading). */
  private starting = false;
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
  }

  /** Read aloud works with a speech engine, or an audio edition to play. */
  private get supported() {
    return this.engine.supported || this.audio !== undefined;
  }

  private get voices() {
    return this.voiceList.voices;
  }

  private get player() {
    return this.sources?.active;
  }

  private get state(): PlayerState {
    return this.player?.state ?? 'idle';
  }

  /** The remembered place of the article being read (the page's own, or a queued one's). */
  private get position() {
    return this.queue?.away?.position ?? this.listeningPosition;
  }

  private get articleLang() {
    if (this.queue?.away) return this.queue.away.lang;
    return this.article?.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang ?? 'en';
  }

  override connectedCallback() {
    super.connectedCallback();
    this.article = document.querySelector('article') ?? undefined;
    this.listeningPosition = new ListeningPosition(
      this.article?.querySelector('h1')?.textContent?.trim() ?? location.pathname,
    );
    try {
      this.audio = JSON.parse(document.getElementById('audio-edition')?.textContent ?? 'null') ?? undefined;
    } catch {
      // A page whose data block is broken reads with the device's voice.
    }
    document.addEventListener('listen-here', this.onListenHere);
    // Speech must stop with the page, or some browsers keep talking after it has gone.
    window.addEventListener('pagehide', this.onPageHide);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    document.removeEventListener('listen-here', this.onListenHere);
    window.removeEventListener('pagehide', this.onPageHide);
    this.player?.stop();
  }

  /** Settles once the code a press is waiting for has loaded (see ensurePlayer) and rendered too. */
  protected override getUpdateComplete() {
    return this.firstUse.settled(() => super.getUpdateComplete());
  }

  override render() {
    const listening = this.state !== 'idle';
    const { focusMove } = this;
    // Listen while idle, the bar while listening: each stays while focus is handed from it (see planFocus).
    const launch = this.renderLaunch(!listening || focusMove.keeps('launch'));
    // The bar stays while the queue's next article loads.
    const barShown = listening || focusMove.keeps('bar') || this.queue?.continuing;
    const bar = barShown && this.bar ? this.bar.renderBar(this.barView()) : nothing;
    return html`${launch}${bar}`;
  }

  private renderLaunch(showButtons: boolean) {
    const words = startupWords();
    if (!this.supported) {
      return html`<div class="launch" part="launch"><p class="note">${words[Startup.NotSupported]}</p></div>`;
    }
    if (
      !this.audio &&
      this.voices.length > 0 &&
      !this.voices.some((v) => primaryLanguage(v.lang) === primaryLanguage(this.articleLang))
    ) {
      return html`<div class="launch" part="launch"><p class="note">${fill(words[Startup.NoVoiceFor], { language: this.languageName() })}</p></div>`;
    }
    if (!showButtons) return html`<div class="launch" part="launch"></div>`;
    const saved = this.listeningPosition?.peek();
    // Parts let the page's toolbar shorten what shows where it is narrow; the names stay whole.
    return html`<div class="launch" part="launch">
      <button class="listen primary" type="button" @pointerdown=${this.prepare} @click=${(e: MouseEvent) => this.listen(undefined, byKeyboard(e))}
        aria-keyshortcuts=${ifDefined(this.keyshortcuts('toggle'))}>
        ${ICONS.play}${
          saved
            ? html`${words[Startup.Resume]}<span part="optional-words">${words[Startup.ResumeMore]}</span><span class="visually-hidden">${fill(words[Startup.ResumeFrom], { section: saved.section })}</span>`
            : words[Startup.Listen]
        }
      </button>
      ${
        saved
          ? html`<button type="button" class="restart" part="restart" @pointerdown=${this.prepare}
            @click=${(e: MouseEvent) => this.listen(0, byKeyboard(e))}>${words[Startup.StartFromBeginning]}</button>`
          : nothing
      }
    </div>`;
  }

  /**
   * Starts (or resumes) listening: at a segment, at the saved position, or at the start. Started
   * from the keyboard, speech waits a quiet moment, so a screen reader says first where focus
   * went (Pause) and that it is playing, rather than queueing that behind a sentence (Firefox)
   * or cutting the sentence with it (Chromium).
   */
  private async listen(from?: number, quietFirst = false) {
    // A second press while the first is starting (loading the recording's cues, or the voices) changes nothing.
    if (!(await this.ensurePlayer()) || this.starting) return;
    this.starting = true;
    try {
      // Who reads is decided on the voices listed now: with none, "auto" is the recording, which
      // needs no voice (see docs/read-aloud.md, "No wait without voices").
      const player = await this.useSource();
      if (player === this.sources!.device) {
        // Neither source can read (no speech engine, and the audio edition failed): the failure was announced.
        if (!this.engine.supported) return;
        // The device's voice reads: some engines drop an utterance spoken before their voices load.
        if (this.voices.length === 0) {
          this.say(this.firstUseWords!().player.loadingVoices);
          await this.voiceList.loaded();
        }
      }
      this.start(from, quietFirst);
    } finally {
      this.starting = false;
    }
  }

  /** The active player reads (the listener may have chosen another source while the voices came). */
  private start(from?: number, quietFirst = false) {
    const player = this.player!;
    if (!this.prefs.value.voices[primaryLanguage(this.articleLang)]) this.startedWith ??= this.currentVoice()?.id;
    player.play(from ?? this.position?.find(player.script)?.index ?? player.index, { quietFirst });
    this.notice = undefined;
  }

  /** Makes the chosen source's player the one reading (see PlayerSources). */
  private async useSource(quietFirst = false) {
    const sources = this.sources!;
    const chosen = sources.choose(this.prefs.value.source, () =>
      this.bar!.recordedByDefault(this.voices, this.articleLang, this.rankOptions()),
    );
    if (await sources.use(chosen, quietFirst)) {
      this.playerChanged?.();
      // The lock screen's clock and the wake lock follow the source, not only its state.
      this.listening?.show(sources.active);
    }
    return sources.active;
  }

  /** Focus goes to Play/Pause, and the button that was pressed goes once screen readers have heard of it. */
  private backToReading() {
    this.renderRoot.querySelector<HTMLElement>('.play')?.focus();
    afterFocusSettles(() => this.listening?.follow.backToReading(this.showReadingPosition()));
  }

  /** The script, the player and their code come on first use (precached, so offline too): a press speaks once they have. */
  private ensurePlayer(): Promise<SpeechPlayer | undefined> {
    if (!this.supported || !this.article) return Promise.resolve(undefined);
    return this.firstUse.load();
  }

  /** Makes the reading with the code loaded on first use (see makeReading). */
  private async firstUsed(
    { session, bar, listening: { makeReading }, firstUseWords }: FirstUse,
    article: HTMLElement,
    recommended: Promise<unknown>,
  ) {
    adoptLaterStyles(this.renderRoot, bar.barStyles);
    this.layout = bar.layBar(this, () => this.barElement);
    this.opened = new bar.Opened(this);
    this.bar = bar;
    this.session = session;
    this.firstUseWords = firstUseWords;
    const reading = makeReading(this, {
      article,
      lang: this.articleLang,
      engine: this.engine,
      audio: this.audio,
      rate: () => this.prefs.value.rate,
      voice: () => this.currentVoice(),
      voiceFor: (lang) => this.voiceFor(lang),
      failed: (message) => {
        this.say((this.notice = message));
        this.requestUpdate();
      },
      changed: () => this.revision++,
      finished: () => this.position?.clear(),
      ownKey: (event) => this.shortcuts.match(event) !== undefined,
      listen: () => this.listen(),
      listeningPosition: { save: (script, index) => this.position?.save(script, index) },
      highlight: () => this.showReadingPosition(),
      handOverFocus: (from, to) => this.planFocus(from, to),
      announce: (message) => this.say(message),
      notice: () => this.notice,
      queueNotice: (message) => (this.notice = message),
      position: (title) => new ListeningPosition(title),
    });
    this.queue = reading.queue;
    this.sources = reading.sources;
    this.listening = reading.listening;
    this.sleep = reading.sleep;
    this.playerChanged = reading.changed;
    // Read once the script is built, which the file had until then to arrive.
    this.recommended = await bar.recommendedVoices(recommended);
    return reading.sources.device;
  }

  /** What the bar shows and does (see ./bar.ts). */
  private barView(): BarView {
    return {
      player: this.player!,
      preferences: this.prefs.store,
      voices: this.voices,
      lang: this.articleLang,
      rank: this.rankOptions(),
      currentVoice: this.currentVoice(),
      shortcuts: this.shortcuts,
      layout: this.layout!,
      following: this.listening?.follow.following ?? true,
      opened: this.opened!,
      stop: () => this.queue?.stop(),
      backToReading: () => this.backToReading(),
      sources: this.sources!,
      audio: this.audio,
      sleep: this.sleep!,
      queue: this.queue,
    };
  }

  /** The article's language by name ("English"), in the words' language, or its code where the browser has no name for it. */
  private languageName() {
    return (
      languageDisplayName(primaryLanguage(this.articleLang), englishMarked() ? 'en' : undefined) ?? this.articleLang
    );
  }

  /** A control's aria-keyshortcuts: its keys, or none (no attribute) where it has none. */
  private keyshortcuts(action: ReadAloudAction) {
    return this.shortcuts.keys(action) || undefined;
  }

  /** Says a message through the page's announcer, as the player: its newer message replaces one not yet said. */
  private say(message: string) {
    announce(message, 'read-aloud');
  }

  private rankOptions() {
    return { recommended: this.recommended, offline: !navigator.onLine };
  }

  /** The listener's voice for the article's language; undefined until the bar's code has loaded. */
  private currentVoice(): Voice | undefined {
    const remembered = this.prefs.value.voices[primaryLanguage(this.articleLang)] ?? this.startedWith;
    return this.bar?.chooseVoice(this.voices, this.articleLang, remembered, this.rankOptions());
  }

  /**
   * The best voice on the device for a passage in another language (the recommended list is the
   * article language's, so the ranking goes by region, the system default and the device).
   */
  private voiceFor(lang: string): Voice | undefined {
    return this.bar?.chooseVoice(this.voices, lang, undefined, { offline: !navigator.onLine });
  }

  /**
   * When the focused control is about to go (Listen when the bar opens, the bar's controls when
   * it closes), its replacement takes focus first: Listen → Play/Pause, Stop → Listen. "Listen
   * from here" elsewhere on the page also brings focus to Play/Pause, where the listener can go on.
   */
  private planFocus(from: PlayerState, to: PlayerState) {
    const focused = (this.renderRoot as ShadowRoot).activeElement;
    if (from === 'idle' && to !== 'idle' && (focused?.closest('.launch') || this.focusBarOnStart)) {
      this.focusMove.handOver('.play', focused?.closest('.launch') ? 'launch' : undefined);
    } else if (to === 'idle' && from !== 'idle' && focused?.closest('.bar')) {
      this.focusMove.handOver('.listen', 'bar');
    }
    this.focusBarOnStart = false;
  }

  /** Highlights the sentence being read (and its word); returns its range for scrolling. */
  private showReadingPosition() {
    const player = this.player;
    if (!player || player.state === 'idle') {
      this.listening?.highlight.clear();
      return undefined;
    }
    return this.listening?.highlight.show(player.segment, player.word, this.prefs.value.highlight);
  }

  private readonly onPageHide = () => this.player?.stop();

  /** A finger or button pressed on Listen: its code starts loading before the click (50–150 ms on a phone). */
  private readonly prepare = () => void this.ensurePlayer();

  private readonly onListenHere = async (event: ListenHereEvent) => {
    const player = await this.ensurePlayer();
    const index = player ? this.session!.segmentOfHeading(player.script, event.heading) : undefined;
    if (index === undefined) return;
    if (this.state === 'idle') {
      this.focusBarOnStart = true;
      void this.listen(index, event.byKeyboard);
      return;
    }
    // Already listening: move there, and bring focus to the bar all the same.
    this.player!.play(index, { quietFirst: event.byKeyboard });
    this.focusMove.handOver('.play');
  };

  /** Listen from here: the selected text's sentence, or the first sentence on screen. */
  private async listenFromHere() {
    const player = await this.ensurePlayer();
    if (!player) return;
    const index =
      this.session!.segmentAtSelection(player.script, window.getSelection()) ??
      this.session!.firstSegmentOnScreen(player.script);
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
        this.queue?.stop();
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
