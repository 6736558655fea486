// The listening preferences' stored form: each field checked on its own, the source and how much is said among them.
import { expect } from 'chai';
import { DEFAULT_LISTENING, parseListening } from '../../src/preferences/listening-preferences.js';

describe('listening preferences', () => {
  it('let the audio edition or the device voice be chosen, "auto" until then', () => {
    expect(DEFAULT_LISTENING.source).to.equal('auto');
    for (const source of ['auto', 'device', 'recorded']) {
      expect(parseListening(JSON.stringify({ source })).value.source).to.equal(source);
    }
  });

  it('fall back to "auto" for a source they do not know, keeping the other fields', () => {
    const { value, rejected } = parseListening(JSON.stringify({ source: 'cloud', rate: 2 }));
    expect(value.source).to.equal('auto');
    expect(value.rate).to.equal(2);
    expect(rejected).to.deep.equal(['source']);
  });

  it('read at the standard level until another is chosen, and keep only the kinds and choices they know', () => {
    expect(DEFAULT_LISTENING.level).to.equal('standard');
    expect(DEFAULT_LISTENING.said).to.deep.equal({});
    const { value, rejected } = parseListening(
      JSON.stringify({ level: 'loud', said: { headings: 'title', images: 'shouted', colours: 'on', code: 3 } }),
    );
    expect(value.level).to.equal('standard');
    expect(value.said).to.deep.equal({ headings: 'title' });
    expect(rejected).to.deep.equal(['level']);
    expect(parseListening(JSON.stringify({ level: 'brief', said: 'all' })).value).to.deep.include({
      level: 'brief',
      said: {},
    });
  });
});
