import { expect } from 'chai';
import { Lexicon } from '../../src/speech/lexicon.js';
import { MAX_PART_WORDS, partsOf, partsWithPassages } from '../../src/speech/clauses.js';
import { QUIET_MS, ReadAloud, START_TIMEOUT_MS } from '../../src/speech/read-aloud.js';
import { buildScript } from '../../src/speech/spoken-script.js';
import { FakeEngine, FakeTimers, voice } from '../helpers/fake-engine.js';
import { smallArticleScript } from '../helpers/small-article.js';

/** The small article (../helpers/small-article.ts), with a word the lexicon respells. */
const fixture = () =>
  smallArticleScript({ betaOne: 'Beta one PhD.', lexicon: new Lexicon([{ written: 'PhD', spoken: 'P H D' }]) });

/** A sentence of 44 words with clauses: three parts of at most 20 words. */
const LONG =
  'When the trial began, nobody in the small team expected much, because the patient had tried every pill, every therapy and every ' +
  'clinic in the region over three decades; yet within a week she laughed again, and her family noticed first.';

function longFixture() {
  const article = document.createElement('article');
  article.lang = 'en';
  article.innerHTML = `<h1>Title</h1><p>${LONG} Short one.</p>`;
  return buildScript(article, new Lexicon());
}

function setup(rate = 1, script = fixture()) {
  const engine = new FakeEngine();
  const timers = new FakeTimers();
  const player = new ReadAloud({ engine, script, rate: () => rate, voice: () => undefined, timers });
  return { engine, timers, player };
}

/** The pending timers' delays, in ms. */
const delays = (timers: FakeTimers) => [...timers.pending.values()].map((t) => t.ms);

/** Lets the current utterance start and end. */
function finish(engine: FakeEngine) {
  engine.last.events.start();
  engine.last.events.end();
}

describe('read-aloud state machine', () => {
  it('speaks one utterance per sentence, in document order, then stops at the start', () => {
    const { engine, player } = setup();
    const finished: string[] = [];
    player.addEventListener('finished', () => finished.push('done'));
    player.play();
    expect(player.state).to.equal('playing');
    for (let i = 0; i < player.script.segments.length; i++) finish(engine);
    expect(engine.texts()).to.deep.equal([
      'Title',
      'Intro one.',
      'Intro two.',
      'Section: First',
      'Alpha one.',
      'Alpha two.',
      'Section: Second',
      'Beta one P H D.',
      'Beta two.',
    ]);
    expect(player.state).to.equal('idle');
    expect(player.index).to.equal(0);
    expect(finished).to.deep.equal(['done']);
  });

  it('pauses by cancelling and resumes from the last word heard', () => {
    const { engine, player } = setup();
    player.play(7);
    engine.last.events.start();
    engine.last.events.boundary(5, 3); // "one"
    player.pause();
    expect(player.state).to.equal('paused');
    expect(engine.cancels).to.equal(1);
    // The cancelled utterance's late events change nothing.
    engine.last.events.error('interrupted');
    engine.last.events.end();
    expect(player.state).to.equal('paused');
    expect(player.index).to.equal(7);
    player.resume();
    expect(engine.last.request.text).to.equal('one P H D.');
    expect(player.state).to.equal('playing');
  });

  it('marks the written word being spoken, whole, even where the lexicon changed it', () => {
    const { engine, player } = setup();
    player.play(7);
    engine.last.events.start();
    engine.last.events.boundary(9, 0); // "P H D" in "Beta one P H D."
    const text = player.segment!.block.textContent!;
    expect(text.slice(player.word!.start, player.word!.end)).to.equal('PhD');
    engine.last.events.boundary(0, 0);
    expect(text.slice(player.word!.start, player.word!.end)).to.equal('Beta');
  });

  it('moves by sentence and by section while playing and while paused', () => {
    const { engine, player } = setup();
    player.play(4);
    player.next();
    expect(engine.last.request.text).to.equal('Alpha two.');
    player.previous();
    player.previous();
    expect(engine.last.request.text).to.equal('Section: First');
    player.nextSection();
    expect(engine.last.request.text).to.equal('Section: Second');
    player.next();
    player.previousSection();
    expect(player.index).to.equal(6);
    player.previousSection();
    expect(player.index).to.equal(3);
    player.pause();
    const spokenBefore = engine.spoken.length;
    player.nextSection();
    expect(player.index).to.equal(6);
    expect(engine.spoken.length, 'no speech while paused').to.equal(spokenBefore);
  });

  it('skips back 15 s and forward 30 s in whole sentences, estimated at 1× from their words', () => {
    // Sentences of 16 words: about 5.6 s each at 170 words a minute.
    const article = document.createElement('article');
    article.lang = 'en';
    const sentences = Array.from({ length: 12 }, (_, i) => `Sentence ${i} ${'word '.repeat(13)}end.`);
    article.innerHTML = `<h1>Title</h1><p>${sentences.join(' ')}</p>`;
    const { engine, player } = setup(2, buildScript(article, new Lexicon()));
    expect(player.script.segments[1].words).to.equal(16);
    player.play(1);
    player.skipForward();
    // 5 sentences are 28 s, 6 are 34 s: the nearer, whatever the speed.
    expect(player.index).to.equal(6);
    expect(engine.last.request.text).to.match(/^Sentence 5 /);
    player.skipBack();
    // 2 sentences are 11 s, 3 are 17 s.
    expect(player.index).to.equal(3);
    player.pause();
    player.skipBack();
    expect(player.index, 'while paused too').to.equal(0);
    expect(player.state).to.equal('paused');
  });

  it('pauses after a sentence for the sleep timer, at the start of the next', () => {
    const { engine, player } = setup();
    const slept: number[] = [];
    player.addEventListener('slept', () => slept.push(player.index));
    player.play(4);
    player.pauseAfter(5);
    finish(engine);
    expect(engine.last.request.text).to.equal('Alpha two.');
    const said = engine.spoken.length;
    finish(engine);
    expect([player.state, player.index, slept]).to.deep.equal(['paused', 6, [6]]);
    expect(engine.spoken.length).to.equal(said);
    player.resume();
    expect(engine.last.request.text).to.equal('Section: Second');
    player.fadeOut();
    finish(engine);
    expect([player.state, player.index], 'a voice fades by ending its sentence').to.deep.equal(['paused', 7]);
  });

  it('applies a new speed mid-sentence from the last word heard', () => {
    let rate = 1;
    const engine = new FakeEngine();
    const player = new ReadAloud({
      engine,
      script: fixture(),
      rate: () => rate,
      voice: () => undefined,
      timers: new FakeTimers(),
    });
    player.play(4);
    engine.last.events.start();
    engine.last.events.boundary(6, 3);
    rate = 2;
    player.restartUtterance();
    expect(engine.last.request).to.include({ text: 'one.', rate: 2 });
  });

  it('retries a failed sentence once, then pauses with a message instead of staying "playing"', () => {
    const { engine, player } = setup();
    player.play(1);
    engine.last.events.error('synthesis-failed');
    expect(player.state).to.equal('playing');
    expect(engine.last.request.text).to.equal('Intro one.');
    engine.last.events.error('synthesis-failed');
    expect(player.state).to.equal('paused');
    expect(player.problem).to.deep.equal({ code: 'speech-stopped', error: 'synthesis-failed' });
    // Play clears the message and tries again.
    player.resume();
    expect(player.problem).to.equal(undefined);
    expect(engine.last.request.text).to.equal('Intro one.');
  });

  it('says a sentence cut by someone else again, whole, after a quiet moment, and never counts it a failure', () => {
    const { engine, timers, player } = setup();
    player.play(1);
    engine.last.events.start();
    engine.last.events.boundary(6, 3);
    for (const code of [
      'interrupted',
      'canceled',
      'interrupted',
      'canceled',
      'interrupted',
      'interrupted',
      'canceled',
      'interrupted',
    ]) {
      const spoken = engine.spoken.length;
      const cancels = engine.cancels;
      engine.last.events.error(code);
      // The engine is reset: Chromium starts nothing after an outside cancel until the page cancels.
      expect(engine.cancels, code).to.equal(cancels + 1);
      expect(player.state, code).to.equal('playing');
      expect(player.problem, code).to.equal(undefined);
      expect(engine.spoken.length, 'quiet until the moment has passed').to.equal(spoken);
      timers.fireAll();
      // From the start of the sentence, not from the last word heard.
      expect(engine.last.request.text).to.equal('Intro one.');
      engine.last.events.start();
    }
    finish(engine);
    expect(engine.last.request.text).to.equal('Intro two.');
  });

  it('waits longer each time others keep cutting in, and starts afresh once a part is heard', () => {
    const { engine, timers, player } = setup();
    player.play(1);
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      engine.last.events.start();
      engine.last.events.error('interrupted');
      waits.push(...delays(timers));
      timers.fireAll();
    }
    expect(waits).to.deep.equal([QUIET_MS, QUIET_MS * 2, QUIET_MS * 4, 8000, 8000]);
    finish(engine);
    engine.last.events.start();
    engine.last.events.error('interrupted');
    expect(delays(timers)).to.deep.equal([QUIET_MS]);
  });

  it('gives up only when the engine cuts every attempt before it even starts', () => {
    const { engine, timers, player } = setup();
    player.play(1);
    for (let i = 0; i < 5; i++) {
      engine.last.events.error('canceled');
      expect(player.state, `cut ${i + 1}`).to.equal('playing');
      timers.fireAll();
    }
    engine.last.events.error('canceled');
    expect(player.state).to.equal('paused');
    expect(player.problem).to.deep.equal({ code: 'interrupted' });
  });

  it('pauses at once, with a plain message, when the browser blocks speech', () => {
    const { engine, player } = setup();
    player.play();
    engine.last.events.error('not-allowed');
    expect(player.state).to.equal('paused');
    expect(player.problem).to.deep.equal({ code: 'not-allowed' });
  });

  it('gives up on an engine that never starts, and never waits for ever for an end', () => {
    const { engine, timers, player } = setup();
    player.play(1);
    expect([...timers.pending.values()].map((t) => t.ms)).to.deep.equal([START_TIMEOUT_MS]);
    timers.fireAll();
    expect(player.state, 'retried once').to.equal('playing');
    timers.fireAll();
    expect(player.state).to.equal('paused');
    expect(player.problem).to.deep.equal({ code: 'no-start' });
    // An utterance that started but never ends moves on when its watchdog fires.
    player.resume();
    engine.last.events.start();
    timers.fireAll();
    expect(player.index).to.equal(2);
    expect(engine.last.request.text).to.equal('Intro two.');
  });

  it('stops speech and keeps its place', () => {
    const { engine, player } = setup();
    player.play(5);
    engine.last.events.start();
    player.stop();
    expect(player.state).to.equal('idle');
    expect(player.index).to.equal(5);
    expect(engine.cancels).to.equal(1);
    player.resume();
    expect(engine.last.request.text).to.equal('Alpha two.');
  });

  it('ducks while the listener works the player: quiet at once, the part again from its start once keys stop', () => {
    const { engine, timers, player } = setup();
    player.play(4);
    engine.last.events.start();
    engine.last.events.boundary(6, 3);
    player.duck();
    expect(engine.cancels).to.equal(1);
    expect(player.state).to.equal('playing');
    expect(delays(timers)).to.deep.equal([QUIET_MS]);
    player.duck();
    expect(delays(timers), 'each key starts the quiet moment again').to.deep.equal([QUIET_MS]);
    const spoken = engine.spoken.length;
    timers.fireAll();
    expect(engine.spoken.length).to.equal(spoken + 1);
    expect(engine.last.request.text).to.equal('Alpha one.');
    // A move while quiet speaks the new sentence at once, and the old one is not said after it.
    player.duck();
    player.next();
    expect(engine.last.request.text).to.equal('Alpha two.');
    expect(delays(timers)).to.deep.equal([START_TIMEOUT_MS]);
    // Paused or stopped, ducking does nothing.
    player.pause();
    const cancels = engine.cancels;
    player.duck();
    expect(engine.cancels).to.equal(cancels);
  });

  it('started from the keyboard, waits a quiet moment so the screen reader speaks first', () => {
    const { engine, timers, player } = setup();
    player.play(4, { quietFirst: true });
    expect(player.state).to.equal('playing');
    expect(engine.spoken).to.have.length(0);
    expect(delays(timers)).to.deep.equal([QUIET_MS]);
    timers.fireAll();
    expect(engine.last.request.text).to.equal('Alpha one.');
    engine.last.events.start();
    engine.last.events.boundary(6, 3);
    player.pause();
    player.resume({ quietFirst: true });
    expect(engine.spoken).to.have.length(1);
    timers.fireAll();
    // The part again from its start, not from the last word heard.
    expect(engine.last.request.text).to.equal('Alpha one.');
  });

  it('hands a long sentence to the engine in clause-sized parts, keeping the sentence as the unit', () => {
    const { engine, player } = setup(1, longFixture());
    const positions: number[] = [];
    player.addEventListener('change', () => positions.push(player.index));
    player.play(1);
    const texts: string[] = [];
    while (player.index === 1 && player.state === 'playing') {
      texts.push(engine.last.request.text);
      finish(engine);
    }
    expect(texts.join(' ')).to.equal(LONG);
    expect(texts.length).to.be.at.least(3);
    for (const text of texts) expect(text.split(/\s+/).length, text).to.be.at.most(MAX_PART_WORDS);
    // Each part ends where a clause does, the semicolon preferred to a comma.
    for (const text of texts) expect(text, text).to.match(/[,;.]$/);
    expect(texts[1]).to.match(/three decades;$/);
    // Position and highlight move by sentence, never by part.
    expect(new Set(positions)).to.deep.equal(new Set([1, 2]));
    expect(engine.last.request.text).to.equal('Short one.');
  });

  it('resumes a cut part, not the whole sentence, and a yield resumes that part from its start', () => {
    const { engine, timers, player } = setup(1, longFixture());
    player.play(1);
    finish(engine);
    const second = engine.last.request.text;
    engine.last.events.start();
    engine.last.events.error('interrupted');
    timers.fireAll();
    expect(engine.last.request.text).to.equal(second);
    engine.last.events.start();
    engine.last.events.boundary(10, 4);
    player.pause('part');
    player.resume();
    expect(engine.last.request.text).to.equal(second);
    // A plain pause resumes from the last word heard, within the part.
    engine.last.events.start();
    engine.last.events.boundary(second.indexOf(' ') + 1, 4);
    player.pause();
    player.resume();
    expect(engine.last.request.text).to.equal(second.slice(second.indexOf(' ') + 1));
  });
});

describe('clause-sized parts', () => {
  const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
  const texts = (text: string, max?: number) => partsOf(text, max).map((p) => text.slice(p.start, p.end).trim());

  it('leaves a sentence of up to twenty words whole', () => {
    const sentence = 'She was exhausted, curious, and, for the first time in years, hopeful about what came next.';
    expect(texts(sentence)).to.deep.equal([sentence]);
  });

  it('splits at clause ends, a semicolon, colon or dash before a comma', () => {
    const sentence =
      'One two, three four five six; seven eight nine ten eleven, twelve thirteen fourteen — fifteen sixteen seventeen eighteen';
    expect(texts(sentence, 8)).to.deep.equal([
      'One two, three four five six;',
      'seven eight nine ten eleven, twelve thirteen fourteen',
      '— fifteen sixteen seventeen eighteen',
    ]);
  });

  it('never leaves a clause of fewer than four words when another boundary will do', () => {
    const sentence = 'Alpha beta gamma delta epsilon zeta eta theta, iota kappa, lambda mu nu xi omicron pi';
    const parts = texts(sentence, 10);
    for (const part of parts) expect(words(part), part).to.be.within(4, 10);
    expect(parts.join(' ')).to.equal(sentence);
  });

  it('cuts a long run without clause ends into equal runs of words', () => {
    const sentence = Array.from({ length: 45 }, (_, i) => `w${i}`).join(' ');
    expect(texts(sentence).map(words)).to.deep.equal([15, 15, 15]);
  });

  it('covers the whole text, in order, without overlap', () => {
    const parts = partsOf(LONG);
    expect(parts[0].start).to.equal(0);
    expect(parts.at(-1)!.end).to.equal(LONG.length);
    for (let i = 1; i < parts.length; i++) expect(parts[i].start).to.be.above(parts[i - 1].end - 1);
  });
});

describe('a voice per language', () => {
  const ENGLISH = voice('Article voice', 'en-GB');
  const FRENCH = voice('Voix française', 'fr-FR');

  /** An English article whose second sentence quotes French in its middle. */
  function setupFrench(voices: Record<string, typeof FRENCH> = { fr: FRENCH }) {
    const article = document.createElement('article');
    article.lang = 'en';
    article.innerHTML =
      '<h1>Title</h1><p>She said <q lang="fr">je ne regrette rien</q> and smiled at us. Then she left.</p>';
    const engine = new FakeEngine();
    const player = new ReadAloud({
      engine,
      script: buildScript(article, new Lexicon()),
      rate: () => 1,
      voice: () => ENGLISH,
      voiceFor: (lang) => voices[lang.split('-')[0]],
      timers: new FakeTimers(),
    });
    return { engine, player };
  }

  /** Plays the second sentence to its end, noting which sentence was current as each utterance began. */
  function playQuoting(player: ReadAloud, engine: FakeEngine) {
    const current: number[] = [];
    player.play(1);
    while (engine.spoken.length < 4) {
      current.push(player.index);
      finish(engine);
    }
    return current;
  }

  it('speaks a passage inside a sentence as its own utterance, in a voice for its language', () => {
    const { engine, player } = setupFrench();
    const current = playQuoting(player, engine);
    expect(engine.spoken.map(({ request: r }) => [r.text, r.lang, r.voice?.name])).to.deep.equal([
      ['She said ', 'en', 'Article voice'],
      ['je ne regrette rien', 'fr', 'Voix française'],
      [' and smiled at us.', 'en', 'Article voice'],
      ['Then she left.', 'en', 'Article voice'],
    ]);
    // The sentence stays the one being read (and highlighted) while each of its parts is spoken.
    expect(current).to.deep.equal([1, 1, 1]);
    expect(player.index).to.equal(2);
  });

  it('falls back to the article’s voice where the device has none for the language', () => {
    const { engine, player } = setupFrench({});
    playQuoting(player, engine);
    expect(engine.spoken.map(({ request: r }) => [r.text, r.lang, r.voice?.name])).to.deep.equal([
      ['She said ', 'en', 'Article voice'],
      ['je ne regrette rien', 'en', 'Article voice'],
      [' and smiled at us.', 'en', 'Article voice'],
      ['Then she left.', 'en', 'Article voice'],
    ]);
  });

  it('pauses and resumes within the passage in its voice', () => {
    const { engine, player } = setupFrench();
    player.play(1);
    finish(engine);
    engine.last.events.start();
    player.pause();
    player.resume();
    expect(engine.last.request.text).to.equal('je ne regrette rien');
    expect(engine.last.request.voice).to.equal(FRENCH);
  });

  it('splits a sentence at passage boundaries, keeps a stretch without words with the part before it, and still splits long stretches', () => {
    const text = '« Bonjour » , he said.';
    expect(partsWithPassages(text, [{ start: 2, end: 9, lang: 'fr' }])).to.deep.equal([
      { start: 0, end: 9, words: 2, lang: 'fr' },
      { start: 9, end: text.length, words: 4 },
    ]);
    const parts = partsWithPassages(`${LONG} Oui.`, [{ start: LONG.length + 1, end: LONG.length + 5, lang: 'fr' }]);
    expect(parts.map((p) => p.lang)).to.deep.equal([undefined, undefined, undefined, 'fr']);
  });
});
