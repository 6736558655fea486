// How much is said, in the player on real pages with a fake engine: a note read where it is
// referenced with its own text highlighted, the level chosen in More options mid-read going on
// from the same sentence, the choice and the listening position kept across a reload, and the
// note beside the choices while the recording (rendered at the standard level) reads.
import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import { axeViolations } from '../helpers/axe.js';
import { openEdition, type Edition } from '../helpers/edition.js';
import { playerOf } from '../helpers/player.js';
import { fakeSpeech, highlighted, startPlaying } from '../helpers/speech.js';
import { LISTENING_KEY, startEachTestAfresh } from '../helpers/storage.js';
import { until } from '../helpers/waiting.js';
import type { SpeechPlayer } from '../../src/speech/read-aloud.js';

const HEADING = 'When the same pills stopped working';

async function expectNoAxeViolations(edition: Edition, state: string) {
  const violations = await axeViolations(edition);
  expect(violations, `${state}:\n${violations}`).to.equal('');
}

/** Chooses in a menu of More options, as a listener does. */
function choose(edition: Edition, selector: string, value: string) {
  const select = playerOf(edition).root.querySelector<HTMLSelectElement>(selector)!;
  select.value = value;
  select.dispatchEvent(new edition.win.Event('change'));
}

/** Opens More options in a playing bar. */
async function openOptions(edition: Edition) {
  const player = playerOf(edition);
  player.button('more')!.click();
  await player.rendered();
  return player;
}

/** Shows the menus for each kind, behind their button (collapsed until then) in More options. */
async function openKinds(edition: Edition) {
  const player = playerOf(edition);
  const button = player.root.querySelector<HTMLButtonElement>('button.each-kind')!;
  expect([button.getAttribute('aria-expanded'), player.root.querySelector('select.said-headings')]).to.deep.equal([
    'false',
    null,
  ]);
  button.click();
  await player.rendered();
  expect(button.getAttribute('aria-expanded')).to.equal('true');
}

describe('how much the player says', () => {
  startEachTestAfresh();

  it('reads a note after the sentence referring to it at the full level, its own text highlighted, and goes on', async () => {
    localStorage.setItem(LISTENING_KEY, JSON.stringify({ verbosity: { level: 'full' } }));
    const edition = await openEdition({ path: '/fixture-site/borrowing-in-rust.html' });
    const speech = await startPlaying(edition);
    // The bound keeps a broken player from looping for ever: the sentence is the post's sixth or so.
    for (let i = 0; i < 20 && !/^Every value has one owner/.test(speech.spoken.at(-1)!.text); i++) await speech.end();
    expect(speech.spoken.at(-1)!.text).to.equal('Every value has one owner.');
    expect(highlighted(edition)).to.equal('Every value has one owner.');
    await speech.end();
    const note = speech.spoken.at(-1)!;
    await speech.startOf(note);
    expect(note.text).to.equal('Note 1: Values that are Copy, such as integers, are copied instead of moved.');
    expect(highlighted(edition)).to.equal('Values that are Copy, such as integers, are copied instead of moved.');
    await speech.end();
    await speech.startOf(speech.spoken.at(-1)!);
    expect(speech.spoken.at(-1)!.text).to.equal('When the owner goes out of scope, the value is dropped.');
    expect(highlighted(edition)).to.equal('When the owner goes out of scope, the value is dropped.');
  });

  it('goes on from the same sentence when the level changes mid-read, and keeps the choice across a reload', async () => {
    let edition = await openEdition();
    const speech = await startPlaying(edition);
    let player = playerOf(edition);
    player.button('nextSection')!.click();
    await speech.nextStart(`Section: ${HEADING}`);
    await openOptions(edition);
    await expectNoAxeViolations(edition, 'options open, standard');
    await openKinds(edition);
    choose(edition, 'select.level', 'brief');
    // The heading again, from its start, without its announcement.
    expect((await speech.nextStart()).text).to.equal(HEADING);
    await player.rendered();
    expect(player.root.querySelector<HTMLSelectElement>('select.said-headings')!.value).to.equal('title');
    await expectNoAxeViolations(edition, 'options open, brief');
    // A kind chosen otherwise than the level: the next heading is announced again.
    choose(edition, 'select.said-headings', 'announced');
    expect((await speech.nextStart()).text).to.equal(`Section: ${HEADING}`);
    choose(edition, 'select.said-headings', 'title');
    expect((await speech.nextStart()).text).to.equal(HEADING);
    player.button('play')!.click();
    await player.rendered();

    edition = await openEdition();
    player = playerOf(edition);
    const again = fakeSpeech(edition);
    await player.rendered();
    const first = again.nextStart();
    player.listen()!.click();
    // Resumed at the same sentence, said at the level chosen.
    expect((await first).text).to.equal(HEADING);
    await openOptions(edition);
    expect(player.root.querySelector<HTMLSelectElement>('select.level')!.value).to.equal('brief');
    expect(JSON.parse(localStorage.getItem(LISTENING_KEY)!)).to.deep.include({ verbosity: { level: 'brief' } });
  });

  it('resumes on the same sentence when the level changed since it was remembered', async () => {
    const edition = await openEdition();
    const speech = await startPlaying(edition);
    const player = playerOf(edition);
    player.button('nextSection')!.click();
    await speech.nextStart(`Section: ${HEADING}`);
    player.button('play')!.click();
    await player.rendered();
    localStorage.setItem(LISTENING_KEY, JSON.stringify({ verbosity: { level: 'brief' } }));

    const next = await openEdition();
    const again = fakeSpeech(next);
    await playerOf(next).rendered();
    const first = again.nextStart();
    playerOf(next).listen()!.click();
    expect((await first).text).to.equal(HEADING);
  });

  it('reads at the standard level where the stored choice is unusable, and keeps what is usable of it', async () => {
    localStorage.setItem(
      LISTENING_KEY,
      JSON.stringify({ verbosity: { level: 'loud', headings: 'shouted', tableHeaders: 'not', colours: 'on' } }),
    );
    const edition = await openEdition();
    const speech = await startPlaying(edition);
    playerOf(edition).button('nextSection')!.click();
    expect((await speech.nextStart()).text).to.equal(`Section: ${HEADING}`);
    await openOptions(edition);
    await openKinds(edition);
    const value = (kind: string) => playerOf(edition).root.querySelector<HTMLSelectElement>(`select.${kind}`)!.value;
    expect([value('level'), value('said-headings'), value('said-tableHeaders')]).to.deep.equal([
      'standard',
      'announced',
      'not',
    ]);
  });
});

describe('how much is said, with the recording', () => {
  startEachTestAfresh();

  /** Whether the recording reads (the player reading now is a private field, read only for this; only the recording's has a media element). */
  const recordedReads = (edition: Edition) =>
    'media' in ((playerOf(edition).host as unknown as { player?: SpeechPlayer }).player ?? {});

  it('loads the recording whatever the level, and says beside the choices that it is read at the standard level', async () => {
    localStorage.setItem(LISTENING_KEY, JSON.stringify({ source: 'recorded', verbosity: { level: 'brief' } }));
    const edition = await openEdition({ path: '/audio-site/index.html', width: 1024, height: 768 });
    const player = playerOf(edition);
    await player.rendered();
    player.listen()!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => recordedReads(edition) && player.button('more') !== null, 'the recorded player', player.renders);
    await openOptions(edition);
    await openKinds(edition);
    const level = player.root.querySelector<HTMLSelectElement>('select.level')!;
    const note = () => player.root.querySelector<HTMLElement>('#verbosity-recorded');
    expect(note()?.textContent).to.equal(
      "The recorded edition is read at the standard level; your choice applies to the device's voice.",
    );
    expect(level.getAttribute('aria-describedby')).to.equal('verbosity-recorded');
    expect(player.root.querySelector('select.said-footnotes')!.getAttribute('aria-describedby')).to.equal(
      'verbosity-recorded',
    );
    await expectNoAxeViolations(edition, 'recorded, brief');
    choose(edition, 'select.level', 'standard');
    await player.rendered();
    expect(note()).to.equal(null);
    expect(level.hasAttribute('aria-describedby')).to.equal(false);
    choose(edition, 'select.level', 'full');
    await player.rendered();
    expect(note()).not.to.equal(null);
    // The device's voice chosen (the fake engine's helper chooses it), the choice is its own.
    fakeSpeech(edition);
    await until(() => !recordedReads(edition), 'the device’s voice', player.renders);
    expect(note()).to.equal(null);
  });
});
