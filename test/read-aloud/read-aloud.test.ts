import { expect } from '@esm-bundle/chai';
import { Lexicon } from '../../src/speech/lexicon.js';
import { ReadAloud, START_TIMEOUT_MS } from '../../src/speech/read-aloud.js';
import { buildScript } from '../../src/speech/spoken-script.js';
import { FakeEngine, FakeTimers } from '../helpers/fake-engine.js';

/** A small article: a title and intro, two sections of two sentences each. */
function fixture() {
  const article = document.createElement('article');
  article.lang = 'en';
  article.innerHTML = `
    <h1>Title</h1><p>Intro one. Intro two.</p>
    <section><h2>First</h2><p>Alpha one. Alpha two.</p></section>
    <section><h2>Second</h2><p>Beta one PhD. Beta two.</p></section>`;
  return buildScript(article, new Lexicon([{ written: 'PhD', spoken: 'P H D' }]));
}

function setup(rate = 1) {
  const engine = new FakeEngine();
  const timers = new FakeTimers();
  const player = new ReadAloud({ engine, script: fixture(), rate: () => rate, voice: () => undefined, timers });
  return { engine, timers, player };
}

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
      'Title', 'Intro one.', 'Intro two.',
      'Section: First', 'Alpha one.', 'Alpha two.',
      'Section: Second', 'Beta one P H D.', 'Beta two.',
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

  it('applies a new speed mid-sentence from the last word heard', () => {
    let rate = 1;
    const engine = new FakeEngine();
    const player = new ReadAloud({ engine, script: fixture(), rate: () => rate, voice: () => undefined, timers: new FakeTimers() });
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
    expect(player.problem).to.contain('Speech stopped (synthesis-failed)');
    // Play clears the message and tries again.
    player.resume();
    expect(player.problem).to.equal(undefined);
    expect(engine.last.request.text).to.equal('Intro one.');
  });

  it('recovers when something else interrupts the sentence being spoken', () => {
    const { engine, player } = setup();
    player.play(1);
    engine.last.events.start();
    engine.last.events.error('interrupted');
    expect(player.state).to.equal('playing');
    finish(engine);
    expect(engine.last.request.text).to.equal('Intro two.');
  });

  it('pauses at once, with a plain message, when the browser blocks speech', () => {
    const { engine, player } = setup();
    player.play();
    engine.last.events.error('not-allowed');
    expect(player.state).to.equal('paused');
    expect(player.problem).to.equal('The browser blocked speech. Press Play to start it.');
  });

  it('gives up on an engine that never starts, and never waits for ever for an end', () => {
    const { engine, timers, player } = setup();
    player.play(1);
    expect([...timers.pending.values()].map((t) => t.ms)).to.deep.equal([START_TIMEOUT_MS]);
    timers.fireAll();
    expect(player.state, 'retried once').to.equal('playing');
    timers.fireAll();
    expect(player.state).to.equal('paused');
    expect(player.problem).to.equal('The speech engine did not respond.');
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
});
