// How much is said, in the bar's More options: a level, and each kind's choice on top of it
// (src/speech/verbosity.ts). Native menus in a group with a name, like the bar's other choices;
// the kinds' behind a button, so a screen reader does not read out every one whose value a new
// level changes (Orca in Firefox did).
// The audio edition is rendered at the standard level: while it reads, a choice that says
// otherwise is described as applying to the device's voice only.
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { ListeningPreferences } from '../../preferences/listening-preferences.js';
import type { PreferenceStore } from '../../preferences/preference-store.js';
import type { PlayerSources } from '../../speech/player-sources.js';
import {
  isStandard,
  KIND_CHOICES,
  KINDS,
  LEVELS,
  levelOf,
  PRESETS,
  verbosityOf,
  type Kind,
} from '../../speech/verbosity.js';
import { firstUseWords } from '../../words/first-use-words.js';
import type { Opened } from './bar.js';

export function renderVerbosity({
  preferences,
  sources,
  opened,
}: {
  preferences: PreferenceStore<ListeningPreferences>;
  sources: PlayerSources;
  opened: Opened;
}) {
  const own = preferences.value.verbosity;
  const level = levelOf(own);
  const chosen = verbosityOf(own);
  const words = firstUseWords().player;
  const note = sources.active !== sources.device && !isStandard(chosen) ? 'verbosity-recorded' : undefined;
  const value = (e: Event) => (e.target as HTMLSelectElement).value;
  // A new level is taken whole; a kind chosen as its level has it follows the level again.
  const chooseLevel = (e: Event) => preferences.update({ verbosity: { level: value(e) } });
  const chooseKind = (kind: Kind, choice: string) => {
    const { [kind]: _, ...others } = own;
    preferences.update({ verbosity: choice === PRESETS[level][kind] ? others : { ...others, [kind]: choice } });
  };
  // The value keeps each menu true to the choice once the listener has used it (a selected attribute alone may not).
  return html`<fieldset class="verbosity">
    <legend>${words.verbosity}</legend>
    <div class="menus">
      <label>${words.level}
        <select class="level" .value=${live(level)} @change=${chooseLevel} aria-describedby=${ifDefined(note)}>
          ${LEVELS.map((l) => html`<option value=${l} ?selected=${l === level}>${words.levels[l]}</option>`)}
        </select>
      </label>
    </div>
    <button type="button" class="each-kind" aria-expanded=${opened.kinds} aria-controls="verbosity-kinds" @click=${() => opened.toggle('kinds')}>
      ${words.eachKind}
    </button>
    <div class="menus" id="verbosity-kinds" ?hidden=${!opened.kinds}>
      ${
        // Rendered only while shown: hidden menus whose values change with the level would still be re-rendered.
        !opened.kinds
          ? nothing
          : KINDS.map(
              (kind) => html`<label>${words.kinds[kind]}
          <select class="said-${kind}" .value=${live(chosen[kind])} @change=${(e: Event) => chooseKind(kind, value(e))} aria-describedby=${ifDefined(note)}>
            ${KIND_CHOICES[kind].map(
              (choice) =>
                html`<option value=${choice} ?selected=${choice === chosen[kind]}>${(words.kindChoices[kind] as Record<string, string>)[choice]}</option>`,
            )}
          </select>
        </label>`,
            )
      }
    </div>
    ${note ? html`<p class="hint" id=${note}>${words.recordedAtStandard}</p>` : nothing}
  </fieldset>`;
}
