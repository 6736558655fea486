// The player shares the speech channel with screen readers, in both browsers: while it speaks
// the page says nothing of its own but what the listener asked for, it gives way when the
// listener turns to the rest of the page, and it goes quiet while they work its controls.
import { expect } from 'chai';
import { sendMouse } from '@web/test-runner-commands';
import { sendKeys } from '../helpers/keyboard.js';
import { announcement, statusRegions } from '../helpers/announcer.js';
import { openEdition, type Edition } from '../helpers/edition.js';
import { deepActiveElement, scrollSettled } from '../helpers/layout.js';
import { playerOf } from '../helpers/player.js';
import { fakeSpeech } from '../helpers/speech.js';
import { startEachTestAfresh } from '../helpers/storage.js';

async function playing(edition: Edition) {
  const speech = fakeSpeech(edition);
  const player = playerOf(edition);
  await player.rendered();
  player.listen()!.focus();
  const first = speech.nextStart();
  await sendKeys({ press: 'Enter' });
  await first;
  await player.rendered();
  await announcement(edition, 'Playing.');
  return { speech, player };
}

describe('read-aloud player: sharing speech with a screen reader', () => {
  startEachTestAfresh();

  it('keeps its progress out of the accessibility tree and has no live region of its own', async () => {
    const edition = await openEdition();
    const { player } = await playing(edition);
    const progress = player.root.querySelector('progress')!;
    expect(progress.getAttribute('aria-hidden')).to.equal('true');
    // Where reading is, in text that changes nothing a screen reader announces.
    expect(player.where()).to.match(/^Section 1 of 13: Opening/);
    // The only status region on the page is the page's announcer.
    expect(statusRegions(edition).map((el) => el.hasAttribute('data-edition-announcer'))).to.deep.equal([true]);
  });

  it('pauses when focus leaves it by keyboard, and says the cut sentence whole on Play', async () => {
    const edition = await openEdition();
    const { speech, player } = await playing(edition);
    const second = speech.nextStart();
    await speech.end();
    const cut = (await second).text;
    player.button('more')!.focus();
    const cancels = speech.cancels();
    // From the player's last control, Tab leaves it for the settings toggle.
    await sendKeys({ press: 'Tab' });
    await player.rendered();
    expect(player.root.contains(deepActiveElement(edition.doc))).to.equal(false);
    expect(speech.cancels()).to.be.greaterThan(cancels);
    expect(player.button('play')!.textContent).to.contain('Play');
    await announcement(edition, 'Paused.');
    const again = speech.nextStart();
    player.button('play')!.click();
    expect((await again).text).to.equal(cut);
  });

  it('pauses when a key is pressed on a control elsewhere on the page', async () => {
    const edition = await openEdition();
    const speech = fakeSpeech(edition);
    const player = playerOf(edition);
    await player.rendered();
    const settings = edition.doc
      .querySelector('reading-settings-panel')!
      .shadowRoot!.querySelector<HTMLButtonElement>('.toggle')!;
    settings.focus();
    // Started without moving focus (as a headset button would), so only the key can tell.
    const first = speech.nextStart();
    player.listen()!.click();
    await first;
    await player.rendered();
    expect(deepActiveElement(edition.doc)).to.equal(settings);
    await sendKeys({ press: 'Enter' });
    await player.rendered();
    expect(player.button('play')!.textContent).to.contain('Play');
  });

  it('goes quiet while the listener tabs through its controls, then says the cut sentence again whole', async () => {
    const edition = await openEdition();
    const { speech, player } = await playing(edition);
    const sentence = speech.texts()[0];
    const cancels = speech.cancels();
    const again = speech.nextStart();
    await sendKeys({ press: 'Tab' });
    // From Pause to the control after it.
    expect(deepActiveElement(edition.doc)).to.equal(player.button('skipForward'));
    expect(speech.cancels(), 'quiet at once, for the screen reader’s answer').to.be.greaterThan(cancels);
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    // The sentence again, after a quiet moment.
    expect((await again).text).to.equal(sentence);
    expect(player.button('play')!.textContent).to.contain('Pause');
  });

  it('keeps playing when the reader clicks a sentence with a pointer, and reads from there', async () => {
    const edition = await openEdition();
    const { speech, player } = await playing(edition);
    const paragraph = edition.doc.querySelector('#joy-is-not-a-binary-outcome ~ p')!;
    // Centred, so its first line is on screen in the test's window too, whatever that window's height.
    paragraph.scrollIntoView({ block: 'center' });
    await scrollSettled(edition);
    const frame = edition.frame.getBoundingClientRect();
    const rect = paragraph.getBoundingClientRect();
    const clicked = speech.nextStart(/^After treatment she did not pop out/);
    await sendMouse({
      type: 'click',
      position: [Math.round(frame.left + rect.left + 5), Math.round(frame.top + rect.top + 5)],
    });
    await clicked;
    await player.rendered();
    expect(player.button('play')!.textContent).to.contain('Pause');
  });
});
