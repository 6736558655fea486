// The components speak the page's language: on the fixture blog's French article (built, served
// by test/plugins/fixture-site-plugin.ts) the toolbar, the reading settings, "Listen from here",
// the key list and the player's bar and problems are in French, and axe stays clean with the panel open.
import { expect } from 'chai';
import { announcement } from '../helpers/announcer.js';
import { axeViolations } from '../helpers/axe.js';
import { closeEditions, openEdition } from '../helpers/edition.js';
import { playerOf } from '../helpers/player.js';
import { panel } from '../helpers/settings.js';
import { fakeVoice, startPlaying } from '../helpers/speech.js';
import { Startup } from '../../src/words/startup-words.js';
import { WORDS } from '../../src/words/tables.js';
import { fill } from '../../src/words/template.js';

const FRENCH = '/fixture-site/un-article-en-francais.html';
const { startup, firstUse } = WORDS.fr;

const words = (element: Element | null | undefined) => element?.textContent?.replace(/[ \t\n\r]+/g, ' ').trim();

describe('the edition’s words on a French page', () => {
  afterEach(closeEditions);

  it('the components show and name their controls in French', async () => {
    const edition = await openEdition({ path: FRENCH });
    const { doc } = edition;
    expect(doc.documentElement.lang).to.equal('fr');

    const settings = panel(edition);
    expect(words(settings.toggle)).to.equal(startup[Startup.SettingsToggle]);
    settings.toggle.click();
    await doc.querySelector('reading-settings-panel')!.updateComplete;
    expect([...settings.root.querySelectorAll('legend')].map(words)).to.deep.equal([
      firstUse.settings.groups.text,
      firstUse.settings.groups.spacing,
      firstUse.settings.each.width.label,
      firstUse.settings.each.font.label,
      firstUse.settings.each.theme.label,
      firstUse.settings.groups.aids,
    ]);
    // Numbers as French writes them: "100 %", "1,6".
    expect(settings.range('textSize').getAttribute('aria-valuetext')).to.match(/^100\s%$/);
    expect(settings.range('lineHeight').getAttribute('aria-valuetext')).to.equal('1,6');
    expect(words(settings.root.querySelector('.close'))).to.equal(
      `${firstUse.settings.close}${firstUse.settings.closeWhat}`,
    );
    expect(await axeViolations(edition)).to.equal('');

    const listenHere = doc.querySelector('listen-here')!;
    const heading = doc.getElementById(listenHere.getAttribute('heading')!)!;
    expect(listenHere.shadowRoot!.querySelector('button')!.getAttribute('aria-label')).to.equal(
      fill(startup[Startup.ListenFromHere], { heading: heading.textContent!.trim() }),
    );

    // Listen, or why this browser cannot read aloud (no speech engine, or no French voice).
    const launch = words(doc.querySelector('read-aloud-player')!.shadowRoot!.querySelector('.launch')) ?? '';
    expect(
      launch === startup[Startup.Listen] ||
        launch === startup[Startup.NotSupported] ||
        launch === fill(startup[Startup.NoVoiceFor], { language: 'français' }),
      launch,
    ).to.equal(true);

    const offline = doc.querySelector('offline-status')!.shadowRoot!.querySelector('[part="indicator-words"]');
    const indicator = [
      Startup.UpdateReady,
      Startup.YouAreOffline,
      Startup.AvailableOffline,
      Startup.SavingForOffline,
      Startup.PartlySaved,
      Startup.NotSaved,
    ].map((id) => startup[id]);
    expect(indicator).to.include(words(offline));
  });

  it('the player names the opening and says what went wrong in French', async () => {
    const edition = await openEdition({ path: FRENCH });
    const speech = await startPlaying(edition, [fakeVoice('Voix de test', 'fr-FR', { default: true })]);
    const player = playerOf(edition);
    // The opening's name and the times in French (no-break spaces read as spaces here).
    expect(player.where()).to.match(/^Section 1 sur \d+ : Début 0 s écoulées, reste environ (\d+ min )?\d+ s$/);
    // The browser blocks speech: no retry, the message at once.
    speech.fail('not-allowed');
    await player.rendered();
    expect(player.problem()).to.equal(firstUse.player.problems['not-allowed']);
    await announcement(edition, firstUse.player.problems['not-allowed']);
  });
});
