import { expect } from 'chai';
import { sendKeys } from '../helpers/keyboard.js';
import { axeViolations } from '../helpers/axe.js';
import { openEdition, type Edition } from '../helpers/edition.js';
import { deepActiveElement, focusProblem, layoutProblems, scrollSettled } from '../helpers/layout.js';
import { playerOf } from '../helpers/player.js';
import { storeSettings } from '../helpers/settings.js';
import { announcement } from '../helpers/announcer.js';
import { fakeSpeech, fakeVoice, highlighted, startPlaying } from '../helpers/speech.js';
import { LISTENING_KEY, startEachTestAfresh } from '../helpers/storage.js';
import { mutations, nextEvent, until } from '../helpers/waiting.js';
import { watchMediaSession } from '../helpers/media-session.js';
import { durationMs, type SpeechPlayer } from '../../src/speech/read-aloud.js';
import { sentenceAbout } from '../../src/speech/script-navigation.js';
import { partsOf } from '../../src/speech/clauses.js';

async function playing(options: Parameters<typeof openEdition>[0] = {}) {
  const edition = await openEdition(options);
  const speech = await startPlaying(edition);
  return { edition, speech, player: playerOf(edition) };
}

/** Presses Alt+Shift+key on the real keyboard. */
async function shortcut(key: string) {
  await sendKeys({ down: 'Alt' });
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: key });
  await sendKeys({ up: 'Shift' });
  await sendKeys({ up: 'Alt' });
}

async function expectNoAxeViolations(edition: Edition, state: string) {
  const violations = await axeViolations(edition);
  expect(violations, `${state}:\n${violations}`).to.equal('');
}

describe('read-aloud player', () => {
  startEachTestAfresh();

  for (const width of [1280, 320]) {
    it(`has no axe violations idle, playing and paused with options open, at ${width} CSS px`, async () => {
      const edition = await openEdition({ width, height: 700 });
      fakeSpeech(edition);
      await expectNoAxeViolations(edition, 'idle');
      const player = playerOf(edition);
      player.listen()!.click();
      await player.rendered();
      await expectNoAxeViolations(edition, 'playing');
      player.button('play')!.click();
      player.button('more')!.click();
      await player.rendered();
      await expectNoAxeViolations(edition, 'paused');
      expect(layoutProblems(edition)).to.deep.equal([]);
    });
  }

  it('docks a compact bar at the bottom without hiding anything that takes focus', async () => {
    const { edition, player } = await playing({ width: 1024, height: 700 });
    const bar = player.bar()!;
    expect(edition.win.getComputedStyle(bar).position).to.equal('fixed');
    expect(bar.getBoundingClientRect().bottom).to.be.closeTo(700, 1);
    // Walk the whole page by keyboard: every focused element is visible and clear of the bar.
    edition.doc.querySelector<HTMLElement>('.skip-link')!.focus();
    const reached: Element[] = [];
    for (let i = 0; i < 80; i++) {
      await sendKeys({ press: 'Tab' });
      await scrollSettled(edition);
      const active = deepActiveElement(edition.doc);
      // Past the last control focus leaves the page for the browser's own interface.
      if (!active || active === edition.doc.body) break;
      reached.push(active);
      expect(focusProblem(edition, active), `step ${i}`).to.equal(undefined);
    }
    // The walk went through the bar and to the end of the article.
    expect(reached).to.include(player.button('stop'));
    expect(reached.at(-1)?.textContent).to.contain('takeachef.com');
  });

  it('leaves the bar in the page flow when docking it would cover too much of the screen', async () => {
    storeSettings({ textSize: 300 });
    const { edition, player } = await playing({ width: 320, height: 640 });
    expect(edition.win.getComputedStyle(player.bar()!).position).to.equal('static');
    expect(layoutProblems(edition)).to.deep.equal([]);
  });

  it('answers a media player’s keys while focus is in it, each declared with aria-keyshortcuts', async () => {
    const edition = await openEdition();
    const speech = fakeSpeech(edition);
    const player = playerOf(edition);
    await player.rendered();
    expect(player.listen()!.getAttribute('aria-keyshortcuts')).to.equal('K Space');
    player.listen()!.focus();
    const first = speech.nextStart();
    await sendKeys({ press: 'k' });
    await first;
    await player.rendered();
    // Focus moved to Play/Pause with the bar; arrows there are the player's, not the page's.
    expect(player.root.activeElement).to.equal(player.button('play'));
    expect(player.button('next')!.getAttribute('aria-keyshortcuts')).to.equal('ArrowRight');
    expect(player.button('nextSection')!.getAttribute('aria-keyshortcuts')).to.equal('ArrowDown PageDown');
    const nextSentence = speech.nextStart();
    await sendKeys({ press: 'ArrowRight' });
    expect((await nextSentence).text).to.match(/^There are moments/);
    const nextSection = speech.nextStart();
    await sendKeys({ press: 'PageDown' });
    expect((await nextSection).text).to.equal('Section: When the same pills stopped working');
    // Space on a focused button presses that button, and only that: Play/Pause pauses once.
    await sendKeys({ press: ' ' });
    await announcement(edition, 'Paused.');
    await sendKeys({ press: 'k' });
    await announcement(edition, 'Playing.');
  });

  it('skips about 15 s back and 30 s forward in whole sentences: buttons, J and L, the lock screen, the key list', async () => {
    const edition = await openEdition();
    const handlers = watchMediaSession(edition);
    const speech = await startPlaying(edition);
    const player = playerOf(edition);
    // The player reading (a private field, read for its script and sentence).
    const reading = () => (player.host as unknown as { player: SpeechPlayer }).player;
    const { script } = reading();
    const about = (seconds: number) => sentenceAbout(script, reading().index, seconds, (s) => durationMs(s, 1) / 1000)!;
    const skipped = async (press: () => unknown, seconds: number, what: string) => {
      const to = about(seconds);
      expect(Math.abs(to - reading().index), `${what} moves`).to.be.above(0);
      const heard = speech.nextStart();
      await press();
      const first = partsOf(script.segments[to].spoken)[0];
      expect((await heard).text, what).to.equal(script.segments[to].spoken.slice(first.start, first.end));
      expect(reading().index, what).to.equal(to);
    };
    await skipped(() => player.button('skipForward')!.click(), 30, 'Forward 30 seconds');
    await skipped(() => player.button('skipForward')!.click(), 30, 'again');
    expect(player.button('skipBack')!.getAttribute('aria-keyshortcuts')).to.equal('J');
    player.button('skipBack')!.focus();
    await skipped(() => sendKeys({ press: 'j' }), -15, 'J');
    await skipped(() => sendKeys({ press: 'l' }), 30, 'L');
    await skipped(
      () => handlers.get('seekbackward')!({ action: 'seekbackward' }),
      -15,
      'the lock screen’s seek backward',
    );
    await skipped(() => handlers.get('seekforward')!({ action: 'seekforward' }), 30, 'the lock screen’s seek forward');
    player.button('more')!.click();
    await player.rendered();
    const keys = [...player.root.querySelectorAll('.keys')[0].children].map((e) => e.textContent!.trim());
    expect(keys).to.include.members([
      'J',
      'back 15 seconds (with the device voice, about that in whole sentences)',
      'L',
      'forward 30 seconds (with the device voice, about that in whole sentences)',
    ]);
  });

  it('leaves Alt+Shift keys to screen readers until the listener turns page-wide keys on', async () => {
    const edition = await openEdition();
    const speech = fakeSpeech(edition);
    const player = playerOf(edition);
    await player.rendered();
    edition.doc.querySelector<HTMLElement>('.skip-link')!.focus();
    // The player takes a key it answers on the window's keydown, which it then cancels.
    const keyP = nextEvent<KeyboardEvent>(edition.win, 'keydown', (event) => event.code === 'KeyP');
    await shortcut('KeyP');
    expect((await keyP).defaultPrevented, 'Alt+Shift+P is Orca’s list of paragraphs').to.equal(false);
    expect(speech.spoken).to.have.length(0);
    const first = speech.nextStart();
    player.listen()!.click();
    await first;
    await player.rendered();
    player.button('more')!.click();
    await player.rendered();
    const pageKeys = player.root.querySelector<HTMLInputElement>('.page-keys')!;
    expect(pageKeys.checked).to.equal(false);
    pageKeys.click();
    await player.rendered();
    expect(JSON.parse(localStorage.getItem(LISTENING_KEY)!).pageKeys).to.equal(true);
    expect(player.button('play')!.getAttribute('aria-keyshortcuts')).to.equal('K Space Alt+Shift+P');
    edition.doc.querySelector<HTMLElement>('.skip-link')!.focus();
    const nextSentence = speech.nextStart();
    await shortcut('ArrowRight');
    expect((await nextSentence).text).to.match(/^There are moments/);
    await shortcut('KeyS');
    await player.rendered();
    expect(player.bar()).to.equal(null);
    await announcement(edition, 'Stopped.');
  });

  it('moves reading to a sentence clicked in the article, and to a section chosen in the contents', async () => {
    const { edition, speech, player } = await playing();
    const paragraph = edition.doc.querySelector('#joy-is-not-a-binary-outcome ~ p')!;
    paragraph.scrollIntoView();
    await scrollSettled(edition);
    const rect = paragraph.getBoundingClientRect();
    const x = rect.left + 5;
    const y = rect.top + 5;
    const clicked = speech.nextStart(/^After treatment she did not pop out/);
    paragraph.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: x, clientY: y }));
    await clicked;
    expect(highlighted(edition)).to.match(/^After treatment she did not pop out of darkness/);
    const faq = speech.nextStart('Section: F.A.Q.');
    edition.doc.querySelector<HTMLAnchorElement>('nav a[href="#faq"]')!.click();
    await faq;
    await player.rendered();
    expect(player.where()).to.contain('Section 12 of 13: FAQ');
  });

  it('stops following when the reader scrolls away, and offers the way back', async () => {
    const { edition, player } = await playing({ height: 600 });
    expect(player.button('back')).to.equal(null);
    edition.win.dispatchEvent(new edition.win.WheelEvent('wheel', { deltaY: 400 }));
    edition.win.scrollTo(0, edition.doc.documentElement.scrollHeight);
    await player.rendered();
    const back = player.button('back')!;
    expect(back.textContent!.trim()).to.equal('Back to reading position');
    back.click();
    await until(() => player.button('back') === null, 'the way back to be taken', mutations(player.root));
    await scrollSettled(edition);
    const sentence = (edition.win.CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(
      'read-aloud-sentence',
    )!;
    const top = [...sentence][0].getBoundingClientRect().top;
    expect(top).to.be.within(0, 600);
  });

  it('tells lock screens and headsets what is playing, and obeys their buttons', async () => {
    const { edition, speech } = await playing();
    const session = edition.win.navigator.mediaSession;
    expect(session.playbackState).to.equal('playing');
    expect(session.metadata?.album).to.match(/^After 31 Years/);
    expect(session.metadata?.artist).to.equal('Antonio Minichiello');
    await speech.end();
    await speech.end();
    // Reading has moved on twice; the sentence it reached has begun.
    await speech.startOf(speech.spoken.at(-1)!);
    // The section title is the "track"; the FAQ appears once reading gets there.
    expect(session.metadata?.title).to.match(/^After 31 Years|^When the same pills/);
  });

  it('picks a voice for the article’s language, lists those first, and remembers the choice', async () => {
    const edition = await openEdition();
    fakeSpeech(edition, [
      fakeVoice('Français', 'fr-FR', { default: true }),
      fakeVoice('Online English', 'en-US', { localService: false }),
      fakeVoice('Local English', 'en-GB'),
    ]);
    const select = await playerOf(edition).voiceMenu();
    expect([...select.options].map((o) => o.textContent!.trim())).to.deep.equal([
      'Local English',
      'Online English, online',
    ]);
    expect(select.value).to.equal('urn:voice:Local English');
    select.value = 'urn:voice:Online English';
    select.dispatchEvent(new Event('change'));
    expect(JSON.parse(localStorage.getItem(LISTENING_KEY)!).voices).to.deep.equal({ en: 'urn:voice:Online English' });
  });

  it('names and orders voices with the Readium recommendations: the best few first, the rest behind More voices', async () => {
    const edition = await openEdition();
    fakeSpeech(edition, [
      fakeVoice('English (America)+Max', 'en-US', { default: true }),
      fakeVoice('Karen', 'en-AU'),
      fakeVoice('Samantha', 'en-US'),
      fakeVoice('Samantha (Enhanced)', 'en-US'),
      fakeVoice('Microsoft David - English (United States)', 'en-US'),
      fakeVoice('Google UK English Female', 'en-GB', { localService: false }),
      fakeVoice('Microsoft Aria Online (Natural) - English (United States)', 'en-US', { localService: false }),
      fakeVoice('English (Scotland)+Anna', 'en-GB-scotland'),
      fakeVoice('Daniel', 'en-GB'),
    ]);
    const player = playerOf(edition);
    await player.rendered();
    const fetched = () =>
      edition.win.performance.getEntriesByType('resource').some((e) => e.name.endsWith('/voices/en.json'));
    // A visit that never listens does not fetch the list: it comes with the first Listen,
    // before the first word, so the voice is ranked from the start.
    expect(fetched(), 'the recommended voices before Listen').to.equal(false);
    player.listen()!.click();
    await player.rendered();
    expect(fetched(), 'the recommended voices after Listen').to.equal(true);
    player.button('more')!.click();
    await player.rendered();
    const select = player.root.querySelector<HTMLSelectElement>('select.voice')!;
    const names = () => [...select.options].map((o) => o.textContent!.trim());
    expect(names()).to.deep.equal([
      'Aria, American English, female, online',
      'Female Google voice (UK), British English, online',
      'David, American English, male',
      'Samantha (Enhanced), American English, female',
      'Daniel, British English, male',
    ]);
    expect(select.querySelectorAll('optgroup')).to.have.length(0);
    // The voice chosen for the listener is the best one.
    expect(select.value).to.equal('urn:voice:Microsoft Aria Online (Natural) - English (United States)');
    const more = player.root.querySelector<HTMLButtonElement>('.more-voices')!;
    expect(more.textContent!.trim()).to.equal('More voices (4)');
    expect(more.getAttribute('aria-expanded')).to.equal('false');
    more.click();
    await player.rendered();
    expect(more.getAttribute('aria-expanded')).to.equal('true');
    expect([...select.querySelectorAll('optgroup')].map((g) => [g.label, g.children.length])).to.deep.equal([
      ['Best for English', 5],
      ['More voices', 4],
    ]);
    expect(names().slice(5)).to.deep.equal([
      'Karen, Australian English, female',
      'Samantha, American English, female',
      'English (America)+Max',
      'English (Scotland)+Anna',
    ]);
    // Good voices here: no advice on getting better ones.
    expect(player.root.querySelector('#voice-hint')).to.equal(null);
    // A voice chosen from the longer list stays in the shorter one.
    select.value = 'urn:voice:Karen';
    select.dispatchEvent(new Event('change'));
    more.click();
    await player.rendered();
    expect(names()).to.include('Karen, Australian English, female');
    expect(select.value).to.equal('urn:voice:Karen');
  });

  it('does not call every voice online where the browser cannot tell, and says how to add a better voice', async () => {
    const edition = await openEdition();
    // As Firefox on Linux lists espeak-ng: every voice "remote", none the recommendations know.
    fakeSpeech(edition, [
      fakeVoice('English (America)', 'en-US', { localService: false, default: true }),
      fakeVoice('English (Great Britain)', 'en-GB', { localService: false }),
    ]);
    const player = playerOf(edition);
    const select = await player.voiceMenu();
    expect([...select.options].map((o) => o.textContent!.trim())).to.deep.equal([
      'English (America)',
      'English (Great Britain)',
    ]);
    const hint = player.root.querySelector('#voice-hint')!;
    expect(select.getAttribute('aria-describedby')).to.equal('voice-hint');
    // The test browsers run on Linux.
    expect(hint.textContent).to.equal(
      'For a more natural voice, install a better voice for speech-dispatcher, such as RHVoice or Piper, from your system’s packages.',
    );
  });

  it('never shows an empty group of voices', async () => {
    const edition = await openEdition();
    fakeSpeech(edition, []);
    const player = playerOf(edition);
    await player.rendered();
    player.listen()!.click();
    // With no voices the player waits for them a moment, then speaks with the browser's default.
    await until(() => player.bar() !== null, 'the bar', mutations(player.root), 10_000);
    player.button('more')!.click();
    await player.rendered();
    const select = player.root.querySelector<HTMLSelectElement>('select.voice')!;
    expect([...select.options].map((o) => o.textContent!.trim())).to.deep.equal(['Browser default']);
    expect(select.querySelectorAll('optgroup')).to.have.length(0);
  });

  it('says plainly when no voice speaks the article’s language', async () => {
    const edition = await openEdition();
    fakeSpeech(edition, [fakeVoice('Français', 'fr-FR')]);
    const player = playerOf(edition);
    await player.rendered();
    expect(player.listen()).to.equal(null);
    expect(player.note()).to.equal(
      'No English voice is installed on this device, so the article cannot be read aloud.',
    );
  });

  it('says plainly when the browser has no speech synthesis, and the rest of the edition still works', async () => {
    const edition = await openEdition();
    // A browser without the API: remove it, then add a fresh player as that browser would have.
    // (Window is the global object, so its attributes live on the instance, not the prototype.)
    delete (edition.win as unknown as Record<string, unknown>).speechSynthesis;
    expect('speechSynthesis' in edition.win).to.equal(false);
    const old = edition.doc.querySelector('read-aloud-player')!;
    const fresh = edition.doc.createElement('read-aloud-player');
    old.replaceWith(fresh);
    const player = playerOf(edition);
    await player.rendered();
    expect(player.note()).to.equal('Read aloud is not available in this browser.');
    expect(player.listen()).to.equal(null);
    expect(edition.doc.querySelectorAll('article h2')).to.have.length(12);
    expect(edition.doc.querySelector('reading-settings-panel')!.shadowRoot!.querySelector('.toggle')).to.not.equal(
      null,
    );
  });

  it('shows a failure as a message and never stays "playing"', async () => {
    const { edition, speech, player } = await playing();
    const retry = speech.nextStart();
    const words = speech.texts()[0];
    speech.fail('synthesis-failed');
    expect((await retry).text, 'the same words, tried again').to.equal(words);
    speech.fail('synthesis-failed');
    await player.rendered();
    expect(player.button('play')!.textContent).to.contain('Play');
    expect(player.problem()).to.equal('Speech stopped (synthesis-failed). Press Play to try again.');
    await announcement(edition, 'Speech stopped (synthesis-failed). Press Play to try again.');
  });

  it('stops speaking when the page goes away', async () => {
    const { edition, speech } = await playing();
    edition.win.dispatchEvent(new edition.win.PageTransitionEvent('pagehide'));
    expect(speech.cancels()).to.be.greaterThan(0);
  });
});
