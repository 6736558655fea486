// The player's bar: what shows while listening (where reading is, the controls, and under More
// options the voices, the highlight, how much is said and the keys), with its look. It loads
// with the speech code on the first Listen (see ReadAloudPlayer.ensurePlayer), so a visit that
// only reads never downloads it; the offline worker precaches it like the rest.
import type { QueuedArticle } from '../../preferences/listening-queue.js';
import { css, html, nothing, type ReactiveControllerHost } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { ShortcutsController } from './shortcuts-controller.js';
import { DockingController } from '../../controllers/docking-controller.js';
import { NarrowController } from './narrow-controller.js';
import { HIGHLIGHTS, RATES, type ListeningPreferences } from '../../preferences/listening-preferences.js';
import type { PreferenceStore } from '../../preferences/preference-store.js';
import { languageDisplayName, primaryLanguage } from '../../speech/language-names.js';
import { durationMs, type SpeechPlayer } from '../../speech/read-aloud.js';
import { SKIP_BACK_S, SKIP_FORWARD_S } from '../../speech/script-navigation.js';
import type { PlayerSources } from '../../speech/player-sources.js';
import { RecordedReadAloud } from '../../speech/recorded-read-aloud.js';
import type { PageAudio } from '../../speech/recorded-session.js';
import type { Voice } from '../../speech/speech-engine.js';
import {
  BEST_FEW,
  deviceSpeedLimit,
  onlyPoorVoices,
  platformOf,
  tellsLocalFromOnline,
  voiceChoices,
  type RankOptions,
  type VoiceChoice,
} from '../../speech/voices.js';
import { icon, ICONS } from './icons.js';
import { sectionEnd, SLEEP_CHOICES, type SleepChoice, type SleepTimer } from './sleep-timer.js';
import { problemWords } from './problems.js';
import { byKeyboard, type ReadAloudAction } from './shortcuts.js';
import { renderVerbosity } from './verbosity-choice.js';
import { firstUseWords, pageLanguage, type FirstUseWords } from '../../words/first-use-words.js';
import { Startup, startupWords } from '../../words/startup-words.js';
import { fill } from '../../words/template.js';

export { chooseVoice } from '../../speech/voices.js';
export { recommendedVoices } from '../../speech/recommended-voices.js';

/** Keys as people read them: "Alt + Shift + Left arrow" for Alt+Shift+ArrowLeft, "K or Space" for "K Space". */
export const keysForPeople = (keys: string, { keyNames, or }: Pick<FirstUseWords['player'], 'keyNames' | 'or'>) =>
  keys
    .split(' ')
    .map((combination) =>
      combination
        .split('+')
        .map((key) => (Object.hasOwn(keyNames, key) ? keyNames[key as keyof typeof keyNames] : key))
        .join(' + '),
    )
    .join(or);

/** What the bar shows and what its controls do: the player hands it this on every render. */
export interface BarView {
  player: SpeechPlayer;
  /** The listener's speed, highlight, voices and keys: the controls change them there. */
  preferences: PreferenceStore<ListeningPreferences>;
  voices: readonly Voice[];
  /** The article's language, and how voices for it are ranked. */
  lang: string;
  rank: RankOptions;
  currentVoice: Voice | undefined;
  shortcuts: ShortcutsController<ReadAloudAction>;
  layout: BarLayout;
  following: boolean;
  opened: Opened;
  stop(): void;
  backToReading(): void;
  /** Who reads (the device's voice or the audio edition), and the page's audio edition, where it has one. */
  sources: PlayerSources;
  audio?: PageAudio;
  sleep: SleepTimer;
  /** Which article reads: a queued one (`away`, named with a link to its page) or the page's own. */
  queue?: { away?: { entry: QueuedArticle; audio?: PageAudio }; leftOut?: string };
}

/**
 * Whether the audio edition reads when the listener has not chosen: where the device's voice
 * would fail them. On a phone or tablet (a coarse pointer) speech synthesis stops when the
 * screen locks or the browser goes to the background, where a media element plays on with
 * lock-screen controls; and where the device has no voice for the language, or only poor ones,
 * the recording is the better voice. Elsewhere the device's voice reads: it marks each word,
 * and starts without downloading anything.
 */
export function recordedByDefault(voices: readonly Voice[], lang: string, rank: RankOptions) {
  const choices = voiceChoices(voices, lang, rank);
  return matchMedia('(pointer: coarse)').matches || choices.length === 0 || onlyPoorVoices(choices);
}

/** Where the bar is and how it is laid out, followed as the screen and the bar change size. */
export interface BarLayout {
  /**
   * The bar docks to the bottom of the screen only while it takes no more than 30% of it. Its
   * users: the settings sheet sits above the docked bar, the contents' own scroller ends above it.
   */
  docking: DockingController;
  /**
   * Narrow where the bar's container query hides the buttons' words (40em). There Speed and the
   * sleep timer move into More options, so that on a phone the bar keeps to two rows of buttons
   * and docks; the sleep timer's time left stays on the bar, beside the time.
   */
  narrowing: NarrowController;
}

export const layBar = (
  host: ReactiveControllerHost & HTMLElement,
  element: () => HTMLElement | undefined,
): BarLayout => ({
  docking: new DockingController(host, {
    element,
    maxShare: 0.3,
    property: '--player-height',
    users: () => document.querySelectorAll<HTMLElement>('reading-settings-panel, nav.toc'),
  }),
  narrowing: new NarrowController(host, { element, ems: 40 }),
});

/** What the listener has opened in the bar: More options, and every voice in its menu. */
export class Opened {
  options = false;
  allVoices = false;
  /** The menus of how much is said for each kind (./verbosity-choice.ts). */
  kinds = false;
  private readonly host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
  }

  toggle(part: 'options' | 'allVoices' | 'kinds') {
    this[part] = !this[part];
    this.host.requestUpdate();
  }
}

const minutes = (ms: number) => {
  const total = Math.round(ms / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  const words = firstUseWords().player;
  return m > 0
    ? fill(words.minutesSeconds, { minutes: m, seconds: String(s).padStart(2, '0') })
    : fill(words.seconds, { seconds: s });
};

/** The skip buttons' glyphs, a ring turning back (anticlockwise) and forward: here, as only the bar shows them (ICONS loads with the page). */
const SKIP_ICONS = {
  skipBack: icon('M8 2.5A6 6 0 1 1 2 8.5h1.5A4.5 4.5 0 1 0 8 4zM8 .5v5.5L4.5 3.25z'),
  skipForward: icon('M8 2.5A6 6 0 1 0 14 8.5h-1.5A4.5 4.5 0 1 1 8 4zM8 .5v5.5l3.5-2.75z'),
};

/** How far each skip goes, for the words that say it. */
const SKIPS: Partial<Record<ReadAloudAction, number>> = { skipBack: SKIP_BACK_S, skipForward: SKIP_FORWARD_S };

const keyshortcuts = (view: BarView, action: ReadAloudAction) => view.shortcuts.keys(action) || undefined;

/** The listener's voice for the article's language, kept for their next visits. */
const chooseVoiceFor = ({ preferences, lang }: BarView, id: string) =>
  preferences.update({ voices: { ...preferences.value.voices, [primaryLanguage(lang)]: id } });

export function renderBar(view: BarView) {
  const { player } = view;
  const away = view.queue?.away?.entry;
  const listening = view.preferences.value;
  const script = player.script;
  const segment = player.segment!;
  const section = script.sections[segment.section];
  // The audio edition's clock is exact; the device's voice is estimated from words, at the speed it really goes.
  const clock = player instanceof RecordedReadAloud ? player.clock : undefined;
  const limit = clock ? undefined : deviceSpeedLimit();
  const slower = limit !== undefined && listening.rate > limit;
  const rate = slower ? limit : listening.rate;
  const spent = clock
    ? (clock.position * 1000) / rate
    : script.segments.slice(0, player.index).reduce((sum, s) => sum + durationMs(s, rate), 0);
  const left = clock
    ? ((clock.duration - clock.position) * 1000) / rate
    : script.segments.slice(player.index).reduce((sum, s) => sum + durationMs(s, rate), 0);
  const playing = player.state === 'playing';
  const words = firstUseWords().player;
  const sleep = renderSleep(view, rate, left);
  const { narrow } = view.layout.narrowing;
  // On the bar, or in More options where the bar is narrow.
  const menus = html`<label>${words.speed}
      <select class="rate" @change=${(e: Event) => view.preferences.update({ rate: Number((e.target as HTMLSelectElement).value) })}
        aria-describedby=${ifDefined(slower ? 'speed-limit' : undefined)}>
        ${RATES.map((r) => html`<option value=${r} ?selected=${r === listening.rate}>${r}×</option>`)}
      </select>
    </label>
    ${sleep.menu}`;
  // The text says where reading is (the section's title in the article's language). The progress bar is for the eye only: one that changes
  // with every sentence would have screen readers speak its value over the reading.
  return html`<section class="bar ${view.layout.docking.docked ? 'docked' : ''}" part="bar" aria-label=${words.bar}>
    ${
      away
        ? html`<p class="now-playing">${firstUseWords().queue.nowPlaying}
            <a href=${away.href} lang=${away.lang}>${away.title}</a></p>
          ${view.queue?.leftOut ? html`<p class="note">${view.queue.leftOut}</p>` : nothing}`
        : nothing
    }
    <p class="where">
      <span>${fill(words.sectionOf, { section: segment.section + 1, sections: script.sections.length })}<span lang=${view.lang}>${section.title}</span></span>
      <span class="time">${fill(words.time, { played: minutes(spent), left: minutes(left) })}</span>
      ${narrow ? sleep.left : nothing}
    </p>
    <progress max=${script.segments.length} .value=${player.index + 1} aria-hidden="true"></progress>
    ${player.problem ? html`<p class="problem">${problemWords(player.problem)}</p>` : nothing}
    <div class="controls">
      ${iconButton(view, 'previousSection', words.previousSection, ICONS.previousSection, () => player.previousSection())}
      ${iconButton(view, 'previous', words.previousSentence, ICONS.previous, () => player.previous())}
      ${skipButton(view, 'skipBack', SKIP_BACK_S, () => player.skipBack())}
      <button class="primary icon-button play" type="button" @click=${(e: MouseEvent) => player.toggle({ quietFirst: byKeyboard(e) })}
        aria-keyshortcuts=${ifDefined(keyshortcuts(view, 'toggle'))}>
        ${playing ? ICONS.pause : ICONS.play}<span class="label">${playing ? words.pause : words.play}</span>
      </button>
      ${skipButton(view, 'skipForward', SKIP_FORWARD_S, () => player.skipForward())}
      ${iconButton(view, 'next', words.nextSentence, ICONS.next, () => player.next())}
      ${iconButton(view, 'nextSection', words.nextSection, ICONS.nextSection, () => player.nextSection())}
      ${iconButton(view, 'stop', words.stop, ICONS.stop, view.stop)}
      ${narrow ? nothing : html`${menus}${sleep.left}`}
      <button type="button" class="more" aria-expanded=${view.opened.options} aria-controls="options" @click=${() => view.opened.toggle('options')}>
        ${words.moreOptions}
      </button>
      ${view.following ? nothing : html`<button type="button" class="back" @click=${view.backToReading}>${words.backToReading}</button>`}
      ${
        // Below the controls, where the line it takes does not split them.
        slower ? html`<p class="hint" id="speed-limit">${fill(words.speedLimit, { limit })}</p>` : nothing
      }
    </div>
    <div class="options" id="options" ?hidden=${!view.opened.options}>${
      view.opened.options
        ? html`${narrow ? html`<div class="menus">${menus}</div>` : nothing}${renderOptions(view)}`
        : nothing
    }</div>
  </section>`;
}

/**
 * The sleep timer: a menu, and the time left in whole minutes (beside it, or beside the time
 * where the bar is narrow), which is also the menu's description. Not a live region: a screen reader hears it when the listener goes to the
 * menu, never as it changes (it would speak over the reading each minute).
 */
function renderSleep(view: BarView, rate: number, articleLeftMs: number) {
  const { sleep, player } = view;
  const words = firstUseWords().player;
  const left = sleepLeft(view, rate, articleLeftMs);
  const name = (choice: SleepChoice) =>
    typeof choice === 'number' ? fill(words.sleepChoices.minutes, { minutes: choice }) : words.sleepChoices[choice];
  const chosen = (e: Event) => {
    const value = (e.target as HTMLSelectElement).value;
    sleep.choose(SLEEP_CHOICES.find((c) => String(c) === value) ?? 'off');
  };
  let text: string | undefined;
  if (sleep.stopping) text = player instanceof RecordedReadAloud ? words.sleepFading : words.sleepSentenceEnd;
  else if (left !== undefined) {
    // Whole minutes, rounded up: "1 min" is the last minute.
    const minutes = Math.max(1, Math.ceil(left / 60_000));
    text = fill(typeof sleep.choice === 'number' ? words.sleepIn : words.sleepAbout, { minutes });
  }
  return {
    menu: html`<label>${words.sleepTimer}
      <select class="sleep" .value=${live(String(sleep.choice))} @change=${chosen} aria-describedby=${ifDefined(text ? 'sleep-left' : undefined)}>
        ${SLEEP_CHOICES.map((c) => html`<option value=${c} ?selected=${c === sleep.choice}>${name(c)}</option>`)}
      </select>
    </label>`,
    left: text ? html`<span class="sleep-left" id="sleep-left">${text}</span>` : nothing,
  };
}

/** The listening time before the sleep timer stops the reading, in ms (estimated from words for the device's voice). */
function sleepLeft({ sleep, player }: BarView, rate: number, articleLeftMs: number): number | undefined {
  if (sleep.choice === 'article') return articleLeftMs;
  if (sleep.choice !== 'section') return sleep.msLeft;
  const last = sleep.pausesAfter ?? sectionEnd(player);
  if (player instanceof RecordedReadAloud) return ((player.endOf(last) - player.clock.position) * 1000) / rate;
  return player.script.segments.slice(player.index, last + 1).reduce((sum, s) => sum + durationMs(s, rate), 0);
}

/**
 * More options, rendered only while open: the bar renders again with every sentence (and word),
 * and ranking a device's voices (espeak-ng lists thousands) for a closed menu cost each of those
 * renders, the first Listen's included.
 */
function renderOptions(view: BarView) {
  const { player } = view;
  const listening = view.preferences.value;
  const words = firstUseWords().player;
  return html`${renderSource(view)}
    ${view.sources.active !== view.sources.device ? nothing : renderVoices(view)}
    <fieldset>
      <legend>${words.highlight}</legend>
      ${HIGHLIGHTS.map(
        (
          mode,
        ) => html`<label class="choice"><input type="radio" name="highlight" value=${mode} .checked=${listening.highlight === mode}
          @change=${() => view.preferences.update({ highlight: mode })} />${words.highlights[mode]}</label>`,
      )}
    </fieldset>
    ${renderVerbosity(view)}
    <button type="button" class="from-start" @click=${() => player.seek(0)}>${startupWords()[Startup.StartFromBeginning]}</button>
    ${renderKeys(view)}`;
}

function iconButton(view: BarView, name: ReadAloudAction, label: string, glyph: unknown, action: () => void) {
  return html`<button type="button" class="icon-button ${name}" @click=${action} aria-keyshortcuts=${ifDefined(keyshortcuts(view, name))}>
    ${glyph}<span class="label">${label}</span>
  </button>`;
}

/** Skip back or forward: its glyph, and the seconds beside it where the bar is too narrow for its words (its name still says them). */
function skipButton(view: BarView, name: 'skipBack' | 'skipForward', seconds: number, action: () => void) {
  return html`<button type="button" class="icon-button ${name}" @click=${action} aria-keyshortcuts=${ifDefined(keyshortcuts(view, name))}>
    ${SKIP_ICONS[name]}<span class="amount" aria-hidden="true">${seconds}</span><span class="label">${fill(firstUseWords().player[name], { seconds })}</span>
  </button>`;
}

/**
 * "Read by": the device's voice or the audio edition, where the page has one. Radios, so the
 * choice and the one made are both said; the edition's voice is named, as a listener picks by ear.
 */
function renderSource(view: BarView) {
  const { sources } = view;
  // The audio edition of the article being read: a queued one's, or the page's.
  const audio = view.queue?.away ? view.queue.away.audio : view.audio;
  // Without a speech engine there is nothing to choose: the audio edition reads.
  if (!audio || !('speechSynthesis' in window)) return nothing;
  const recorded = sources.active !== sources.device;
  const problem = sources.problem;
  const words = firstUseWords().player;
  const choices = [
    { value: 'device', label: words.deviceVoice, checked: !recorded },
    {
      value: 'recorded',
      label: audio.voice ? fill(words.recordedAudioBy, { voice: audio.voice }) : words.recordedAudio,
      checked: recorded,
    },
  ] as const;
  return html`<fieldset class="source" aria-describedby=${ifDefined(problem ? 'source-problem' : undefined)}>
    <legend>${words.readBy}</legend>
    ${choices.map(
      (c) => html`<label class="choice"><input type="radio" name="source" value=${c.value} .checked=${c.checked}
        @change=${() => view.preferences.update({ source: c.value })} />${c.label}</label>`,
    )}
    ${problem ? html`<p class="hint" id="source-problem">${problemWords(problem)}</p>` : nothing}
  </fieldset>`;
}

/** The best few voices, the rest behind "More voices", and how to get a better one where all are poor. */
function renderVoices(view: BarView) {
  const choices = voiceChoices(view.voices, view.lang, view.rank);
  const current = view.currentVoice;
  const few = choices.slice(0, BEST_FEW);
  // A voice chosen from the longer list stays in the short one, so the menu shows the truth.
  const chosen = choices.find((c) => c.voice.id === current?.id);
  if (chosen && !few.includes(chosen)) few.push(chosen);
  const rest = choices.filter((c) => !few.includes(c));
  const online = tellsLocalFromOnline(view.voices);
  const option = (c: VoiceChoice) =>
    html`<option value=${c.voice.id} ?selected=${c.voice.id === current?.id}>${voiceName(c, online)}</option>`;
  const hint = onlyPoorVoices(choices) ? firstUseWords().player.betterVoice[platformOf()] : undefined;
  // Named only when the longer list shows: a page's first language name loads the browser's names of languages.
  const language = () => languageDisplayName(primaryLanguage(view.lang), pageLanguage()) ?? view.lang;
  const words = firstUseWords().player;
  return html`<div class="voice-choice">
    <label>${words.voice}
      <select class="voice" @change=${(e: Event) => chooseVoiceFor(view, (e.target as HTMLSelectElement).value)}
        aria-describedby=${ifDefined(hint ? 'voice-hint' : undefined)}>
        ${choices.length === 0 ? html`<option value="">${words.browserDefault}</option>` : nothing}
        ${
          view.opened.allVoices && rest.length > 0
            ? html`<optgroup label=${fill(words.bestFor, { language: language() })}>${few.map(option)}</optgroup><optgroup label=${words.moreVoices}>${rest.map(option)}</optgroup>`
            : few.map(option)
        }
      </select>
    </label>
    ${
      rest.length > 0
        ? html`<button type="button" class="more-voices" aria-expanded=${view.opened.allVoices} @click=${() => view.opened.toggle('allVoices')}>${fill(words.moreVoicesCount, { count: rest.length })}</button>`
        : nothing
    }
    ${hint ? html`<p class="hint" id="voice-hint">${hint}</p>` : nothing}
  </div>`;
}

/**
 * "Aria, American English, female" where the recommended list knows a voice, the browser's
 * name otherwise; ", online" where the browser can tell. Commas, which screen readers do not
 * speak, between the parts.
 */
function voiceName(choice: VoiceChoice, showOnline: boolean) {
  const words = firstUseWords().player;
  const details: string[] = [];
  if (choice.quality) {
    const region = languageDisplayName(choice.voice.lang, pageLanguage());
    if (region) details.push(region);
    if (choice.gender && choice.gender !== 'neutral' && !new RegExp(`\\b${choice.gender}\\b`, 'i').test(choice.label))
      details.push(words.genders[choice.gender]);
  }
  if (showOnline && !choice.voice.local) details.push(words.online);
  return [choice.label, ...details].join(', ');
}

/** Keys in the player, and the page-wide keys with the switch that turns them on. */
function renderKeys(view: BarView) {
  const all = view.shortcuts.shortcuts;
  const words = firstUseWords().player;
  const list = (scope: 'focus' | 'page') =>
    all
      .filter((s) => s.scope === scope)
      .map(
        (s) =>
          html`<dt>${keysForPeople(s.keys, words)}</dt><dd>${fill(words.actions[s.action], { seconds: SKIPS[s.action] ?? '' })}</dd>`,
      );
  return html`<div class="key-help">
    <p class="keys-heading">${words.keysInPlayer}</p>
    <dl class="keys">${list('focus')}</dl>
    <label class="choice">
      <input type="checkbox" class="page-keys" .checked=${view.preferences.value.pageKeys} aria-describedby="page-keys-hint"
        @change=${(e: Event) => view.preferences.update({ pageKeys: (e.target as HTMLInputElement).checked })} />
      ${words.keysOnPage}
    </label>
    <p class="hint" id="page-keys-hint">${words.keysOnPageHint}</p>
    <dl class="keys">${list('page')}</dl>
  </div>`;
}

/** The bar's look: docked to the bottom of the screen by `.docked` (see DockingController), its controls, options and key list. */
export const barStyles = css`
    /* A container, so the controls' words show only where the bar has room for them. */
    .bar {
      box-sizing: border-box;
      container: bar / inline-size;
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

    .time,
    .sleep-left {
      color: var(--muted);
    }

    .sleep-left {
      font-size: 0.875em;
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

    /* A menu's name above it, and the menu no wider than the bar, where large text leaves no room beside it. */
    .controls label,
    .menus label {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.375rem;
      min-height: var(--target-size);
      max-width: 100%;
    }

    .controls select,
    .menus select {
      max-width: 100%;
    }
    .options {
      margin-top: 0.5rem;
      display: grid;
      gap: 0.5rem;
    }

    .menus {
      display: flex;
      flex-wrap: wrap;
      gap: 0.375rem 1rem;
    }

    .options > button {
      justify-self: start;
    }

    .options[hidden] {
      display: none;
    }

    fieldset {
      /* No wider than the bar: a fieldset is as wide as its widest menu unless told otherwise. */
      min-inline-size: 0;
      margin: 0;
      padding: 0.25rem 0.75rem 0.5rem;
      border: 0.0625rem solid var(--rule);
      border-radius: 0.375rem;
    }

    .choice {
      display: inline-flex;
      margin-inline-end: 1rem;
    }

    .voice-choice {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.375rem 0.75rem;
    }

    .voice-choice label {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.375rem;
      min-height: var(--target-size);
      max-width: 100%;
    }

    .voice-choice select {
      max-width: 100%;
    }

    .hint,
    .keys-heading {
      flex-basis: 100%;
      margin: 0;
      font-size: 0.875em;
      color: var(--muted);
    }

    .key-help {
      display: grid;
      gap: 0.25rem;
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

    /* The seconds beside a skip glyph, where the words do not show. */
    .amount {
      display: none;
      font-size: 0.75em;
      font-variant-numeric: tabular-nums;
    }

    /* Icon and word on wide bars; icon alone (the word still names the button) on narrow ones. */
    .label {
      white-space: nowrap;
    }

    @container bar (max-width: 40em) {
      .amount {
        display: inline;
      }

      .icon-button .label {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
      }
    }
`;
