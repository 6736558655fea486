// Focus that stays with the reader, in both browsers: every action of the player that removes
// or hides the focused control puts focus somewhere deliberate first, so a screen reader
// announces where focus landed (Firefox's announces only the removal otherwise).
import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import { openEdition, type Edition } from '../helpers/edition.js';
import { deepActiveElement } from '../helpers/layout.js';
import { playerOf } from '../helpers/player.js';
import { fakeSpeech } from '../helpers/speech.js';
import { startEachTestAfresh } from '../helpers/storage.js';
import { mutations, until } from '../helpers/waiting.js';

/**
 * Resolves with whether `gone` was still on the page when focus reached the element matching
 * `selector` in the player (the order a screen reader needs: focus first, then removal).
 */
function watchFocus(edition: Edition, selector: string, gone: () => Element | null) {
  const root = playerOf(edition).root;
  return new Promise<{ goneWasThere: boolean }>((resolve) => {
    const onFocus = (event: Event) => {
      if (!(event.target as Element).matches?.(selector)) return;
      root.removeEventListener('focusin', onFocus);
      resolve({ goneWasThere: gone()?.isConnected ?? false });
    };
    root.addEventListener('focusin', onFocus);
  });
}

async function listening(edition: Edition) {
  const speech = fakeSpeech(edition);
  const player = playerOf(edition);
  await player.rendered();
  return { speech, player };
}

/** Listening started with Listen: its first sentence begun, the bar rendered. */
async function speaking(edition: Edition) {
  const { speech, player } = await listening(edition);
  const first = speech.nextStart();
  player.listen()!.click();
  await first;
  await player.rendered();
  return { speech, player };
}

describe('read-aloud player: where focus goes', () => {
  startEachTestAfresh();

  it('Listen gives focus to Pause, before the Listen button goes', async () => {
    const edition = await openEdition();
    const { speech, player } = await listening(edition);
    const listen = player.listen()!;
    listen.focus();
    const focused = watchFocus(edition, '.play', () => listen);
    const first = speech.nextStart();
    await sendKeys({ press: 'Enter' });
    expect((await focused).goneWasThere, 'Listen was still there when Pause took focus').to.equal(true);
    await first;
    // It goes once the move has reached screen readers, in a frame of its own.
    await until(() => !listen.isConnected, 'the Listen button to go', mutations(player.root));
    expect(deepActiveElement(edition.doc)).to.equal(player.button('play'));
    expect(player.button('play')!.textContent).to.contain('Pause');
  });

  it('Stop gives focus to Listen, before the bar goes', async () => {
    const edition = await openEdition();
    const { player } = await speaking(edition);
    const stop = player.button('stop')!;
    stop.focus();
    const bar = player.bar();
    const focused = watchFocus(edition, '.listen', () => bar);
    await sendKeys({ press: 'Enter' });
    expect((await focused).goneWasThere, 'the bar was still there when Listen took focus').to.equal(true);
    await until(() => player.bar() === null, 'the bar to go', mutations(player.root));
    expect(deepActiveElement(edition.doc)).to.equal(player.listen());
  });

  it('the end of the article gives focus back to Listen when it was in the bar', async () => {
    const edition = await openEdition();
    const { speech, player } = await speaking(edition);
    // To the last section, then let its sentences end.
    for (let i = 0; i < 13; i++) player.button('nextSection')!.click();
    await player.rendered();
    expect(player.where()).to.contain('Section 13 of 13');
    player.button('play')!.focus();
    // Each sentence ends once begun, until the end of one hands the engine no other.
    for (let last; speech.spoken.at(-1) !== last;) {
      last = speech.spoken.at(-1)!;
      await speech.startOf(last);
      await speech.end();
    }
    await until(() => player.bar() === null, 'the bar to go', mutations(player.root));
    expect(deepActiveElement(edition.doc)).to.equal(player.listen());
  });

  it('Listen from here gives focus to Pause in the bar, where the listener can go on', async () => {
    const edition = await openEdition();
    const { speech, player } = await listening(edition);
    const here = edition.doc.querySelector('#faq ~ listen-here')!.shadowRoot!.querySelector('button')!;
    here.focus();
    const first = speech.nextStart();
    await sendKeys({ press: 'Enter' });
    expect((await first).text).to.match(/^Section: F\.?A\.?Q\.?$/);
    await player.rendered();
    expect(deepActiveElement(edition.doc)).to.equal(player.button('play'));
  });

  it('Back to reading position gives focus to Play or Pause before it goes', async () => {
    const edition = await openEdition({ height: 600 });
    const { speech, player } = await listening(edition);
    const first = speech.nextStart();
    player.listen()!.click();
    await first;
    edition.win.dispatchEvent(new edition.win.WheelEvent('wheel', { deltaY: 400 }));
    await player.rendered();
    const back = player.button('back')!;
    back.focus();
    const focused = watchFocus(edition, '.play', () => back);
    await sendKeys({ press: 'Enter' });
    expect((await focused).goneWasThere).to.equal(true);
    await until(() => player.button('back') === null, 'the button to go', mutations(player.root));
    expect(deepActiveElement(edition.doc)).to.equal(player.button('play'));
  });

  it('More options and More voices keep focus on their own buttons as they open and close', async () => {
    const edition = await openEdition();
    const { speech, player } = await listening(edition);
    speech.setVoices(
      Array.from({ length: 8 }, (_, i) => ({
        voiceURI: `urn:v${i}`,
        name: `Voice ${i}`,
        lang: 'en-GB',
        localService: true,
        default: i === 0,
      })),
    );
    const first = speech.nextStart();
    player.listen()!.click();
    await first;
    await player.rendered();
    const more = player.button('more')!;
    more.focus();
    await sendKeys({ press: 'Enter' });
    await player.rendered();
    expect(more.getAttribute('aria-expanded')).to.equal('true');
    const voices = player.root.querySelector<HTMLButtonElement>('.more-voices')!;
    voices.focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' });
    await player.rendered();
    expect(deepActiveElement(edition.doc)).to.equal(voices);
    more.focus();
    await sendKeys({ press: 'Enter' });
    await player.rendered();
    expect(more.getAttribute('aria-expanded')).to.equal('false');
    expect(deepActiveElement(edition.doc)).to.equal(more);
  });
});
