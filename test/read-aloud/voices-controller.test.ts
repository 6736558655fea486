// VoicesController on a tiny host with a fake engine: the list follows the engine's changes,
// a wait for voices ends when the first arrive or when it times out, and without speech
// synthesis nothing waits.
import { expect } from 'chai';
import { LitElement } from 'lit';
import { VoicesController } from '../../src/components/read-aloud-player/voices-controller.js';
import type { SpeechEngine, Voice } from '../../src/speech/speech-engine.js';
import { testHost } from '../helpers/test-host.js';

/** An engine whose voices arrive when the test says. */
class FakeEngine implements Pick<SpeechEngine, 'supported' | 'voices' | 'onVoicesChanged'> {
  list: Voice[] = [];
  listeners = new Set<() => void>();
  constructor(readonly supported = true) {}
  voices() {
    return this.list;
  }
  onVoicesChanged(callback: () => void) {
    this.listeners.add(callback);
    return () => this.listeners.delete(callback);
  }
  arrive(...voices: Voice[]) {
    this.list = voices;
    for (const listener of this.listeners) listener();
  }
}

const voice = (name: string): Voice => ({ id: name, name, lang: 'en-GB', local: true, default: false });

let engine: FakeEngine;
let waitMs = 60_000;

class VoicesHost extends LitElement {
  readonly list = new VoicesController(this, engine as unknown as SpeechEngine, waitMs);
  updates = 0;
  override updated() {
    this.updates++;
  }
}
const hosts = testHost('voices-host', VoicesHost);

function mount() {
  const host = new VoicesHost();
  document.body.append(host);
  return host;
}

describe('VoicesController', () => {
  afterEach(() => {
    hosts.removeAll();
    waitMs = 60_000;
  });

  it('keeps the list current and re-renders its host as voices arrive', async () => {
    engine = new FakeEngine();
    engine.list = [voice('Daniel')];
    const host = mount();
    await host.updateComplete;
    expect(host.list.voices.map((v) => v.name)).to.deep.equal(['Daniel']);
    const before = host.updates;
    engine.arrive(voice('Daniel'), voice('Karen'));
    await host.updateComplete;
    expect(host.list.voices.map((v) => v.name)).to.deep.equal(['Daniel', 'Karen']);
    expect(host.updates).to.be.greaterThan(before);
  });

  it('ends a wait when the first voices arrive', async () => {
    engine = new FakeEngine();
    const host = mount();
    let waited = false;
    const wait = host.list.loaded().then(() => (waited = true));
    await Promise.resolve();
    expect(waited, 'still waiting with no voices').to.equal(false);
    engine.arrive(voice('Daniel'));
    await wait;
    expect(waited).to.equal(true);
  });

  it('ends a wait after its limit when no voice ever comes, so Play speaks anyway', async () => {
    engine = new FakeEngine();
    waitMs = 10;
    const host = mount();
    await host.list.loaded();
    expect(host.list.voices).to.deep.equal([]);
  });

  it('waits for nothing where there are voices already, or no speech synthesis at all', async () => {
    engine = new FakeEngine();
    engine.list = [voice('Daniel')];
    await mount().list.loaded();
    document.querySelector('voices-host')!.remove();
    engine = new FakeEngine(false);
    const host = mount();
    await host.list.loaded();
    expect(engine.listeners.size, 'no engine to watch').to.equal(0);
  });

  it('stops watching when its host leaves the page, and lets a waiting press go', async () => {
    engine = new FakeEngine();
    const host = mount();
    expect(engine.listeners.size).to.equal(1);
    const wait = host.list.loaded();
    host.remove();
    await wait;
    expect(engine.listeners.size).to.equal(0);
  });
});
