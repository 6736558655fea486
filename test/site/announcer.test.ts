// The page's announcer alone: one speaker's messages at once are heard as its latest, different
// speakers' are heard together, and the same words twice are heard twice.
import { expect } from 'chai';
import { Announcer, NEW_REGION_DELAY_MS } from '../../src/announcer.js';
import { listenToAnnouncer } from '../helpers/announcer.js';

const settle = () => new Promise((resolve) => setTimeout(resolve, NEW_REGION_DELAY_MS + 100));

/** What the region said, as a screen reader hears it, while each step spoke through a new announcer and settled. */
async function heard(...steps: ((announcer: Announcer) => void)[]) {
  const listener = listenToAnnouncer({ doc: document });
  const announcer = new Announcer();
  for (const step of steps) {
    step(announcer);
    await settle();
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
