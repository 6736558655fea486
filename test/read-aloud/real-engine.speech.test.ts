// End to end, against a real engine: Chromium → speech-dispatcher → espeak-ng, which sends no
// word boundaries, so these tests also cover sentence highlighting without them; and WebKit's
// own engine (WebKitGTK speaks with Flite).
import { expect } from 'chai';
import { partsWithPassages } from '../../src/speech/clauses.js';
import { Lexicon } from '../../src/speech/lexicon.js';
import { buildScript, type SpokenScript } from '../../src/speech/spoken-script.js';
import { axeViolations } from '../helpers/axe.js';
import { closeEditions, openEdition, type Edition } from '../helpers/edition.js';
import { playerOf } from '../helpers/player.js';
import { highlighted, listenTo } from '../helpers/speech.js';
import { LISTENING_KEY, startEachTestAfresh } from '../helpers/storage.js';
import { nextStorageWrite, voicesListed } from '../helpers/waiting.js';
import { LISTENING_POSITION_KEY } from '../../src/preferences/storage-keys.js';

async function scriptOf(edition: Edition): Promise<SpokenScript> {
  const lexicon = Lexicon.fromJson(JSON.parse(edition.doc.getElementById('pronunciation-lexicon')!.textContent!));
  return buildScript(edition.doc.querySelector('article')!, lexicon);
}

const written = (script: SpokenScript, index: number) => {
  const s = script.segments[index];
  return s.block.textContent!.slice(s.start, s.end);
};

/** What the engine is handed, in order: each sentence whole, or in clause-sized parts when long. */
const utterances = (script: SpokenScript) =>
  script.segments.flatMap((s) =>
    partsWithPassages(s.spoken, s.passages).map((p) => ({ text: s.spoken.slice(p.start, p.end), segment: s.index })),
  );

/** The first utterance of a sentence. */
const firstPart = (script: SpokenScript, index: number) => utterances(script).find((u) => u.segment === index)!.text;

/** The sentence an utterance belongs to. */
const sentenceOf = (script: SpokenScript, text: string) => utterances(script).find((u) => u.text === text)?.segment;

async function openWithVoices() {
  const edition = await openEdition();
  // The engine's voice list arrives after a moment; the player waits for it too.
  await voicesListed(edition.win);
  return edition;
}

/** The listening position the player keeps (src/components/read-aloud-player/listening-position-store.ts). */
interface SavedPosition {
  index: number;
  sentence: string;
  section: string;
}

/**
 * How long a few sentences take at a listener's pace: the engine speaks in real time, and
 * WebKit's (Flite) synthesizes each sentence before it starts, slowly on a busy machine.
 */
const SENTENCES_MS = 120_000;

const savedPosition = (value = localStorage.getItem(LISTENING_POSITION_KEY)) =>
  JSON.parse(value ?? 'null') as SavedPosition | null;

describe('read aloud with a real speech engine', () => {
  startEachTestAfresh();

  it('speaks the article sentence by sentence in document order, the highlight moving with it', async function () {
    this.timeout(SENTENCES_MS + 60_000);
    const edition = await openWithVoices();
    const ear = listenTo(edition);
    const player = playerOf(edition);
    const script = await scriptOf(edition);
    const expected = utterances(script).slice(0, 8);
    const eighth = ear.nextStart(expected[7].text, SENTENCES_MS);
    player.listen()!.click();
    await eighth;
    const heard = ear.heard;
    expect(heard.slice(0, 8).map((h) => h.text)).to.deep.equal(expected.map((u) => u.text));
    // Each sentence was highlighted as the engine began it (all its parts), and each utterance
    // finished before the next began.
    heard
      .slice(0, 8)
      .forEach((h, i) => expect(h.highlighted, `utterance ${i}`).to.equal(written(script, expected[i].segment)));
    for (let i = 0; i < 7; i++) expect(heard[i].ended, `sentence ${i} ended`).to.be.at.most(heard[i + 1].started!);
    expect(player.where()).to.match(/^Section \d+ of 13/);
  });

  it('pauses and resumes the sentence it was on', async () => {
    const edition = await openWithVoices();
    const script = await scriptOf(edition);
    const ear = listenTo(edition);
    const player = playerOf(edition);
    const third = ear.nextStart(utterances(script)[2].text);
    player.listen()!.click();
    await third;
    player.button('play')!.click();
    // The pause cuts the utterance the engine was given last: nothing is handed over after it.
    const cut = ear.handed.at(-1)!;
    const handed = ear.handed.length;
    await player.rendered();
    // The sentence current at the pause (the engine may have finished the last one heard).
    const sentence = highlighted(edition);
    expect(player.button('play')!.textContent).to.contain('Play');
    // When the engine is done with the cut utterance is when a player that had not paused
    // would hand it the next one (it answers that event before this test hears of it).
    await ear.settled(cut);
    expect(
      ear.handed.slice(handed).map((h) => h.text),
      'nothing handed to the engine while paused',
    ).to.deep.equal([]);
    expect(edition.win.speechSynthesis.speaking).to.equal(false);
    const resumed = ear.nextStart();
    player.button('play')!.click();
    // No word boundaries from this engine: the paused sentence starts again from its beginning.
    expect((await resumed).highlighted).to.equal(sentence);
  });

  it('moves by sentence and by section, and changes speed mid-sentence', async () => {
    const edition = await openWithVoices();
    const script = await scriptOf(edition);
    const ear = listenTo(edition);
    const player = playerOf(edition);
    const first = ear.nextStart();
    player.listen()!.click();
    await first;
    player.button('play')!.click(); // pause
    await player.rendered();
    player.button('nextSection')!.click();
    player.button('nextSection')!.click();
    await player.rendered();
    const second = script.sections[2];
    expect(player.where()).to.contain(`Section 3 of 13: ${second.title}`);
    expect(highlighted(edition)).to.equal(written(script, second.first));
    player.button('next')!.click();
    player.button('next')!.click();
    player.button('previous')!.click();
    await player.rendered();
    expect(highlighted(edition)).to.equal(written(script, second.first + 1));
    player.button('previousSection')!.click();
    await player.rendered();
    expect(highlighted(edition)).to.equal(written(script, second.first));

    const resumed = ear.nextStart();
    player.button('play')!.click();
    expect((await resumed).text).to.equal(firstPart(script, second.first));
    const rate = player.rate()!;
    const faster = ear.nextStart((h) => h.rate === 2);
    rate.value = '2';
    rate.dispatchEvent(new Event('change'));
    const fast = await faster;
    // The speed applies at once, from the sentence being read.
    expect(sentenceOf(script, fast.text)).to.be.within(second.first, second.first + 1);
    expect(JSON.parse(localStorage.getItem(LISTENING_KEY)!).rate).to.equal(2);
  });

  it('listens from a FAQ question', async () => {
    const edition = await openWithVoices();
    const ear = listenTo(edition);
    const question = edition.doc.querySelector('.faq h3')!;
    const button = question.nextElementSibling!.shadowRoot!.querySelector('button')!;
    expect(button.getAttribute('aria-label')).to.equal(`Listen from here: ${question.textContent}`);
    const answer = ear.nextStart(/^The intervention combined/);
    button.click();
    await answer;
    const heard = ear.heard;
    expect(heard[0].text).to.equal(
      'Question: What exactly was different about the treatment that helped this patient?',
    );
    expect(heard[1].text).to.match(/^The intervention combined/);
  });

  it('resumes from the remembered position after a reload', async function () {
    this.timeout(SENTENCES_MS + 60_000);
    let edition = await openWithVoices();
    let ear = listenTo(edition);
    // The player keeps its position as it moves to each sentence: stop once it has kept a
    // sentence well into the article, wherever the engine has got to by the time Stop acts.
    const kept = nextStorageWrite(
      edition.win,
      LISTENING_POSITION_KEY,
      (value) => (savedPosition(value)?.index ?? 0) >= 4,
      'the player to keep its position at the fifth sentence',
      SENTENCES_MS,
    );
    playerOf(edition).listen()!.click();
    await kept;
    playerOf(edition).button('stop')!.click();
    // Stop acts at once: what is kept now is where listening stopped.
    const saved = savedPosition()!;
    expect(saved.index, 'a position past the start').to.be.at.least(4);
    closeEditions();

    edition = await openWithVoices();
    ear = listenTo(edition);
    const script = await scriptOf(edition);
    expect(script.segments[saved.index].spoken, 'the kept sentence, by its number').to.equal(saved.sentence);
    expect(script.sections[script.segments[saved.index].section].title).to.equal(saved.section);
    const player = playerOf(edition);
    await player.rendered();
    expect(player.listen()!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      `Resume listening from “${saved.section}”`,
    );
    const first = ear.nextStart();
    player.listen()!.click();
    // From the start of the sentence the player kept.
    expect((await first).text).to.equal(firstPart(script, saved.index));
  });

  it('has no axe violations with the player idle, playing and paused', async () => {
    const edition = await openWithVoices();
    const ear = listenTo(edition);
    const player = playerOf(edition);
    let violations = await axeViolations(edition);
    expect(violations, `idle:\n${violations}`).to.equal('');
    const first = ear.nextStart();
    player.listen()!.click();
    await first;
    violations = await axeViolations(edition);
    expect(violations, `playing:\n${violations}`).to.equal('');
    player.button('play')!.click();
    await player.rendered();
    player.button('more')!.click();
    await player.rendered();
    violations = await axeViolations(edition);
    expect(violations, `paused, options open:\n${violations}`).to.equal('');
  });
});
