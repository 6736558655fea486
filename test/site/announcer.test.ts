// The page's announcer alone: one speaker's messages at once are heard as its latest, different
// speakers' are heard together, and the same words twice are heard twice.
import { expect } from 'chai';
import { Announcer } from '../../src/announcer.js';
import { listenToAnnouncer } from '../helpers/announcer.js';

/**
 * What the region said, as a screen reader hears it, while each step spoke through a new
 * announcer: after each step the region is written once, a moment later (NEW_REGION_DELAY_MS
 * in src/announcer.ts, for a new region), with all the step said, and nothing is left to say.
 */
async function heard(...steps: ((announcer: Announcer) => void)[]) {
  const listener = listenToAnnouncer({ doc: document });
  const announcer = new Announcer();
  for (const step of steps) {
    const said = listener.next();
    step(announcer);
    await said;
  }
  listener.stop();
  return listener.heard;
}

describe('the announcer', () => {
  afterEach(() => document.querySelectorAll('[data-edition-announcer]').forEach((region) => region.remove()));

  it("says a speaker's latest message when it says several at once", async () => {
    const said = await heard((a) => {
      a.announce('Paused.', 'read-aloud');
      a.announce('Stopped.', 'read-aloud');
    });
    expect(said).to.deep.equal(['Stopped.']);
  });

  it('says together what different speakers say at once, first said first', async () => {
    const said = await heard((a) => {
      a.announce('Available offline.', 'offline');
      a.announce('Loading voices…', 'read-aloud');
      a.announce('Playing.', 'read-aloud');
    });
    expect(said).to.deep.equal(['Available offline. Playing.']);
  });

  it('says the same words again when they are said again', async () => {
    const again = (a: Announcer) => a.announce('Text size 120%.', 'reading-settings');
    expect(await heard(again, again)).to.deep.equal(['Text size 120%.', 'Text size 120%.']);
    expect(document.querySelectorAll('[data-edition-announcer]')).to.have.length(1);
  });
});
