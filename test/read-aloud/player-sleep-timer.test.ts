// The sleep timer in the player, with the device's voice (a fake engine the test ends sentence
// by sentence) and a clock the test moves, in every engine the suite runs; on a wide bar and on
// a narrow one, where it is in More options. The recording's is in
// test/audio/recorded-player.test.ts. The timer's clock is handed over through the player's
// private field: the page has no other way in, and the test waits on nothing but its own moves.
import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import { sectionEnd, type SleepTimer } from '../../src/components/read-aloud-player/sleep-timer.js';
import type { SpeechPlayer } from '../../src/speech/read-aloud.js';
import { axeViolations } from '../helpers/axe.js';
import { announcement } from '../helpers/announcer.js';
import { openEdition, type Edition } from '../helpers/edition.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { layoutProblems } from '../helpers/layout.js';
import { playerOf } from '../helpers/player.js';
import { startPlaying } from '../helpers/speech.js';
import { startEachTestAfresh } from '../helpers/storage.js';

async function listening(width = 1280) {
  const edition = await openEdition({ width, height: 700 });
  const speech = await startPlaying(edition);
  const player = playerOf(edition);
  const host = player.host as unknown as { player: SpeechPlayer; sleep: SleepTimer };
  const clock = new FakeClock();
  host.sleep.clock = clock;
  const menu = () => player.root.querySelector<HTMLSelectElement>('select.sleep')!;
  const left = () => player.root.querySelector('#sleep-left')?.textContent?.trim();
  /** Chooses from the menu, focused as a listener leaves it (the change is made as a keyboard's would be). */
  const choose = async (label: string) => {
    // Where the bar is narrow (a phone), the menu is in More options.
    if (!menu()) {
      player.root.querySelector<HTMLButtonElement>('.more')!.click();
      await player.rendered();
    }
    menu().focus();
    const option = [...menu().options].find((o) => o.textContent!.trim() === label)!;
    menu().value = option.value;
    menu().dispatchEvent(new Event('change'));
    await player.rendered();
  };
  return { edition, speech, player, reading: () => host.player, clock, menu, left, choose };
}

const noAxe = async (edition: Edition) => expect(await axeViolations(edition)).to.equal('');

describe('sleep timer in the player, device voice', () => {
  startEachTestAfresh();

  it('at the end of this section: the voice pauses after its last sentence, and the timer is off again', async () => {
    const { edition, speech, player, reading, menu, left, choose } = await listening();
    expect(menu().labels[0].textContent).to.contain('Sleep timer');
    expect([...menu().options].map((o) => o.textContent!.trim())).to.deep.equal([
      'Off',
      'End of this section',
      'End of the article',
      '15 minutes',
      '30 minutes',
      '45 minutes',
      '60 minutes',
    ]);
    await choose('End of this section');
    const last = sectionEnd(reading());
    expect(left()).to.match(/^Stops in about \d+ min$/);
    expect(menu().getAttribute('aria-describedby')).to.equal('sleep-left');
    expect(
      player.root.querySelector('#sleep-left')!.closest('[aria-live], [role="status"]'),
      'never a live region',
    ).to.equal(null);
    await noAxe(edition);
    while (reading().index < last) {
      const next = speech.nextStart();
      speech.end();
      await next;
    }
    const said = speech.spoken.length;
    speech.end();
    await announcement(edition, 'Paused.');
    expect(reading().index, 'at the next section').to.equal(last + 1);
    expect(speech.spoken.length, 'nothing said after the section').to.equal(said);
    await player.rendered();
    expect(menu().value).to.equal('off');
    expect(left()).to.equal(undefined);
  });

  it('after 15 minutes on a clock the test moves: the time left shown, then the sentence ends and it pauses', async () => {
    const { edition, speech, player, reading, clock, menu, left, choose } = await listening(320);
    // At 320 px the bar keeps to its buttons: Speed and the sleep timer are in More options, the
    // time left beside the time (the bar stays small enough to dock on a phone).
    expect(menu(), 'the sleep timer on the bar').to.equal(null);
    expect(player.root.querySelector('.controls select'), 'a menu on the bar').to.equal(null);
    await choose('15 minutes');
    expect(menu().closest('.options'), 'the sleep timer in More options').to.not.equal(null);
    expect(player.root.querySelector('.options select.rate'), 'Speed in More options').to.not.equal(null);
    expect(player.root.querySelector('#sleep-left')!.closest('.where'), 'the time left beside the time').to.not.equal(
      null,
    );
    expect(menu().getAttribute('aria-describedby')).to.equal('sleep-left');
    expect(left()).to.equal('Stops in 15 min');
    clock.advance(14 * 60_000);
    await player.rendered();
    expect(left()).to.equal('Stops in 1 min');
    clock.advance(59_999);
    const index = reading().index;
    clock.advance(1);
    await player.rendered();
    expect(left()).to.equal('Stops at the end of this sentence');
    expect(reading().state).to.equal('playing');
    await noAxe(edition);
    expect(layoutProblems(edition), 'reflows at 320 px').to.deep.equal([]);
    const said = speech.spoken.length;
    speech.end();
    await announcement(edition, 'Paused.');
    expect(reading().index).to.equal(index + 1);
    expect(speech.spoken.length).to.equal(said);
    // Play goes on from the next sentence, with no timer.
    const next = speech.nextStart();
    player.button('play')!.focus();
    await sendKeys({ press: 'k' });
    await next;
    expect(reading().state).to.equal('playing');
    await player.rendered();
    expect(left()).to.equal(undefined);
  });
});
