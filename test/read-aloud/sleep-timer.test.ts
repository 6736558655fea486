// The sleep timer over the device's voice (a fake engine) and a clock the test moves: a duration
// counts only while playing, the time shown follows each minute, and when it is up the voice
// ends its sentence and pauses; "end of this section" pauses after the section's last sentence.
import { expect } from 'chai';
import { SleepTimer } from '../../src/components/read-aloud-player/sleep-timer.js';
import { PlayerSources } from '../../src/speech/player-sources.js';
import { ReadAloud } from '../../src/speech/read-aloud.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { FakeEngine, FakeTimers } from '../helpers/fake-engine.js';
import { smallArticleScript } from '../helpers/small-article.js';

function setup() {
  const engine = new FakeEngine();
  const device = new ReadAloud({
    engine,
    script: smallArticleScript(),
    rate: () => 1,
    voice: () => undefined,
    timers: new FakeTimers(),
  });
  const sources = new PlayerSources({
    device,
    speech: true,
    rate: () => 1,
    standard: () => device.script,
    failed: () => {},
  });
  let renders = 0;
  const sleep = new SleepTimer(sources, () => renders++);
  const clock = new FakeClock();
  sleep.clock = clock;
  const slept: number[] = [];
  sources.addEventListener('slept', () => slept.push(device.index));
  /** The engine finishes the utterance it is saying. */
  const finish = () => {
    engine.last.events.start();
    engine.last.events.end();
  };
  return { engine, device, sleep, clock, slept, finish, renders: () => renders };
}

describe('sleep timer', () => {
  it('counts a duration only while playing, shows each minute, then lets the sentence end and pauses', () => {
    const { engine, device, sleep, clock, slept, finish, renders } = setup();
    device.play(1);
    sleep.choose(15);
    expect(sleep.msLeft).to.equal(15 * 60_000);
    clock.advance(5 * 60_000);
    expect(sleep.msLeft).to.equal(10 * 60_000);
    const shown = renders();
    clock.advance(60_000);
    expect(renders(), 'a render each minute, so the time shown stays true').to.equal(shown + 1);
    device.pause();
    clock.advance(60 * 60_000);
    expect(sleep.msLeft, 'paused: not counted').to.equal(9 * 60_000);
    device.resume();
    clock.advance(9 * 60_000 - 1);
    expect(sleep.stopping).to.equal(false);
    const said = engine.spoken.length;
    clock.advance(1);
    expect(sleep.stopping).to.equal(true);
    expect(device.state, 'the sentence goes on').to.equal('playing');
    expect(engine.spoken.length).to.equal(said);
    finish();
    expect(device.state).to.equal('paused');
    expect(slept).to.deep.equal([2]);
    expect(engine.spoken.length, 'nothing said after it').to.equal(said);
    expect(sleep.choice, 'done: off again').to.equal('off');
    device.resume();
    expect(engine.last.request.text, 'Play goes on from the next sentence').to.equal('Intro two.');
  });

  it('pauses at the end of this section, or of the one the listener moved on to', () => {
    const { engine, device, sleep, slept, finish } = setup();
    device.play(4); // Alpha one, in the first section
    sleep.choose('section');
    finish();
    expect(engine.last.request.text).to.equal('Alpha two.');
    finish();
    expect(device.state).to.equal('paused');
    expect(slept).to.deep.equal([6]);
    expect(sleep.choice).to.equal('off');

    device.play(1);
    sleep.choose('section');
    device.nextSection(); // to "Section: First": its end now
    finish();
    finish();
    finish();
    expect(slept).to.deep.equal([6, 6]);
  });

  it('is called off by Stop, and by choosing Off', () => {
    const { device, sleep, clock, slept, finish } = setup();
    device.play(4);
    sleep.choose('section');
    sleep.choose('off');
    finish();
    finish();
    expect(device.state, 'read on past the section').to.equal('playing');
    sleep.choose(15);
    device.stop();
    expect(sleep.choice).to.equal('off');
    clock.advance(20 * 60_000);
    expect(slept).to.deep.equal([]);
  });
});
