// PlayerSources.choose: who reads, from the listener's choice, the device and the page.
import { expect } from 'chai';
import { Lexicon } from '../../src/speech/lexicon.js';
import { ReadAloud } from '../../src/speech/read-aloud.js';
import { PlayerSources } from '../../src/speech/player-sources.js';
import type { PageAudio } from '../../src/speech/recorded-session.js';
import { buildScript } from '../../src/speech/spoken-script.js';
import { FakeEngine, FakeTimers } from '../helpers/fake-engine.js';

const AUDIO: PageAudio = {
  src: './a.mp3',
  type: 'audio/mpeg',
  bytes: 1,
  seconds: 1,
  cues: './a.vtt',
  chapters: './c.vtt',
  voice: 'slt',
};

function sources({ withAudio = true, speech = true } = {}) {
  const article = document.createElement('article');
  article.innerHTML = '<h1>Title</h1><p>One. Two.</p>';
  const device = new ReadAloud({
    engine: new FakeEngine(),
    script: buildScript(article, new Lexicon(), 'en'),
    rate: () => 1,
    voice: () => undefined,
    timers: new FakeTimers(),
  });
  return new PlayerSources({
    device,
    audio: withAudio ? AUDIO : undefined,
    speech,
    rate: () => 1,
    standard: () => device.script,
    failed: () => {},
  });
}

describe('PlayerSources.choose', () => {
  it('follows the listener’s choice', () => {
    expect(sources().choose('recorded', () => false)).to.equal('recorded');
    expect(sources().choose('device', () => true)).to.equal('device');
  });

  it('decides "auto" once, so the reader never changes mid-article', () => {
    const s = sources();
    let recorded = true;
    expect(s.choose('auto', () => recorded)).to.equal('recorded');
    recorded = false;
    expect(s.choose('auto', () => recorded)).to.equal('recorded');
    expect(sources().choose('auto', () => false)).to.equal('device');
  });

  it('reads with the device where there is no audio edition, or it failed; with the recording where there is no speech engine', () => {
    expect(sources({ withAudio: false }).choose('recorded', () => true)).to.equal('device');
    const failed = sources();
    failed.problem = { code: 'audio-unavailable' };
    expect(failed.choose('recorded', () => true)).to.equal('device');
    expect(sources({ speech: false }).choose('device', () => false)).to.equal('recorded');
  });

  it('keeps the device player active until another source is used', async () => {
    const s = sources();
    expect(s.active).to.equal(s.device);
    expect(await s.use('device')).to.equal(false);
  });
});
