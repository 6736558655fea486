// The page's announcer alone: one speaker's messages at once are heard as its latest, different
// speakers' are heard together, and the same words twice are heard twice.
import { expect } from '@esm-bundle/chai';
import { Announcer, NEW_REGION_DELAY_MS } from '../../src/announcer.js';

// The page's one status region, as a screen reader meets it: what it holds once each message
// has had its moment, recorded the way the region changes.
function recordRegion() {
  const said: string[] = [];
  const observer = new MutationObserver(() => {
    const region = document.querySelector('[data-edition-announcer]');
    const text = region?.textContent ?? '';
    if (text !== '') said.push(text);
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  return { said, stop: () => observer.disconnect() };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, NEW_REGION_DELAY_MS + 100));

describe('the announcer', () => {
  afterEach(() => document.querySelectorAll('[data-edition-announcer]').forEach((region) => region.remove()));

  it('says a speaker\'s latest message when it says several at once', async () => {
    const heard = recordRegion();
    const announcer = new Announcer();
    announcer.announce('Paused.', 'read-aloud');
    announcer.announce('Stopped.', 'read-aloud');
    await settle();
    heard.stop();
    expect(heard.said).to.deep.equal(['Stopped.']);
  });

  it('says together what different speakers say at once, first said first', async () => {
    const heard = recordRegion();
    const announcer = new Announcer();
    announcer.announce('Available offline.', 'offline');
    announcer.announce('Loading voices…', 'read-aloud');
    announcer.announce('Playing.', 'read-aloud');
    await settle();
    heard.stop();
    expect(heard.said).to.deep.equal(['Available offline. Playing.']);
  });

  it('says the same words again when they are said again', async () => {
    const heard = recordRegion();
    const announcer = new Announcer();
    announcer.announce('Text size 120%.', 'reading-settings');
    await settle();
    announcer.announce('Text size 120%.', 'reading-settings');
    await settle();
    heard.stop();
    expect(heard.said).to.deep.equal(['Text size 120%.', 'Text size 120%.']);
    expect(document.querySelectorAll('[data-edition-announcer]')).to.have.length(1);
  });
});
