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

  it('keep how much is said as the listener chose it, dropping only what is not text', () => {
    expect(DEFAULT_LISTENING.verbosity).to.deep.equal({});
    const { value, rejected } = parseListening(
      JSON.stringify({ verbosity: { level: 'brief', images: 'off', code: 3 } }),
    );
    expect(value.verbosity).to.deep.equal({ level: 'brief', images: 'off' });
    expect(rejected).to.deep.equal([]);
    expect(parseListening(JSON.stringify({ verbosity: 'all' })).value.verbosity).to.deep.equal({});
  });
});
