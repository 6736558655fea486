// What the real engine is given at each speed, read from speech-dispatcher's own log (see
// test/helpers/speech-dispatcher-log.ts): timed speech cannot show a speed here, as ALSA's null
// device runs as fast as it is fed. Chromium hands speech-dispatcher log₃ of the rate, so its
// fastest, 3×, is the engine's fastest, and 4× arrives as 3×: the player says so.
import { expect } from 'chai';
import { axeViolations } from '../helpers/axe.js';
import { openEdition } from '../helpers/edition.js';
import { playerOf } from '../helpers/player.js';
import { listenTo } from '../helpers/speech.js';
import { LISTENING_KEY, startEachTestAfresh } from '../helpers/storage.js';
import { voicesListed } from '../helpers/waiting.js';
import { dispatchedSince } from '../helpers/speech-dispatcher-log.js';

/** The rate speech-dispatcher had for the last message with this text. */
async function engineRate(text: string) {
  const spoken = await dispatchedSince(0);
  const message = spoken.findLast((s) => s.text === text);
  expect(message, `“${text}” in speech-dispatcher’s log`).to.not.equal(undefined);
  return message!.rate;
}

describe('speed, as the real engine gets it', () => {
  startEachTestAfresh();

  it('offers 0.5× to 4×, hands 4× to the engine as its fastest, and says the device voice stops at 3×', async () => {
    const edition = await openEdition();
    await voicesListed(edition.win);
    const ear = listenTo(edition);
    const player = playerOf(edition);
    const first = ear.nextStart();
    player.listen()!.click();
    await first;
    const rate = player.rate()!;
    expect([...rate.options].map((o) => o.value)).to.deep.equal([
      '0.5',
      '0.75',
      '0.9',
      '1',
      '1.1',
      '1.25',
      '1.5',
      '1.75',
      '2',
      '2.5',
      '3',
      '3.5',
      '4',
    ]);

    const heardAt = async (value: string) => {
      const at = ear.nextStart((h) => h.rate === Number(value));
      rate.value = value;
      rate.dispatchEvent(new Event('change'));
      const utterance = await at;
      // Once the engine starts the next, this one was queued and logged.
      await ear.nextStart((h) => h !== utterance);
      await player.rendered();
      return engineRate(utterance.text);
    };
    expect(await heardAt('2'), '2× is log₃(2) of the way to the top').to.equal(63);
    expect(player.root.querySelector('#speed-limit'), 'no word below the limit').to.equal(null);
    const fastest = await heardAt('3');
    expect(fastest, '3× is the top of speech-dispatcher’s scale').to.be.at.least(99);
    expect(await heardAt('4'), '4× reaches the engine as 3×').to.equal(fastest);
    expect(JSON.parse(localStorage.getItem(LISTENING_KEY)!).rate, 'remembered').to.equal(4);

    const hint = player.root.querySelector('#speed-limit');
    expect(hint?.textContent).to.equal('This device’s voice goes no faster than 3×, so it reads at 3×.');
    expect(rate.getAttribute('aria-describedby')).to.equal('speed-limit');
    expect(await axeViolations(edition)).to.equal('');
  });
});
