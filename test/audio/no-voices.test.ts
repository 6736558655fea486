// Listen on a device with no speech voice, over the REAL audio edition (see recorded-player.test.ts):
// the recording, which needs no voice, starts without waiting for voices, from a tap and from the
// keyboard; a device whose voices come late still waits for them before its voice speaks. The
// wait's limit (VOICE_WAIT_MS) is held back in these pages, so whatever starts did not wait on it.
import { expect } from 'chai';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { VOICE_WAIT_MS } from '../../src/components/read-aloud-player/voices-controller.js';
import type { SpeechPlayer } from '../../src/speech/read-aloud.js';
import type { RecordedReadAloud } from '../../src/speech/recorded-read-aloud.js';
import { listenToAnnouncer } from '../helpers/announcer.js';
import { openEdition, type Edition } from '../helpers/edition.js';
import { playerOf } from '../helpers/player.js';
import { chooseSource, fakeSpeech, fakeVoice } from '../helpers/speech.js';
import { startEachTestAfresh } from '../helpers/storage.js';
import { events, until } from '../helpers/waiting.js';

const PAGE = '/audio-site/index.html';
/** Said alone, or as one sentence of the page's message of the same moment. */
const LOADING = /(^| )Loading voices…( |$)/;

/** The player reading now (a private field, read only to reach the media element's clock). */
const reading = (edition: Edition) => (playerOf(edition).host as unknown as { player?: SpeechPlayer }).player;

/** Holds back every timer the page sets for the voice wait's limit, and counts them. */
function holdVoiceWaitLimit(edition: Edition) {
  const held = { count: 0 };
  const setTimeout = edition.win.setTimeout.bind(edition.win);
  edition.win.setTimeout = ((handler: TimerHandler, ms?: number, ...rest: unknown[]) => {
    if (ms !== VOICE_WAIT_MS) return setTimeout(handler, ms, ...rest);
    held.count++;
    return 0;
  }) as typeof edition.win.setTimeout;
  return held;
}

/**
 * The audio edition's page with no voice on the device and nothing chosen (the default, "auto"),
 * as on a browser without a speech engine behind its API.
 */
async function openWithoutVoices() {
  const edition = await openEdition({ path: PAGE, width: 1024, height: 768 });
  const speech = fakeSpeech(edition, []);
  chooseSource(edition, 'auto');
  const held = holdVoiceWaitLimit(edition);
  const announcer = listenToAnnouncer(edition);
  const player = playerOf(edition);
  await player.rendered();
  return { edition, speech, held, announcer, player };
}

/** Resolves once the recording is heard: its media element playing with its clock moving. */
async function recordingPlays(edition: Edition) {
  const player = playerOf(edition);
  await until(
    () => (reading(edition) as RecordedReadAloud | undefined)?.media !== undefined,
    'the recorded player',
    player.renders,
  );
  const media = (reading(edition) as RecordedReadAloud).media;
  await until(
    () => !media.paused && media.currentTime > 0,
    'the recording to play',
    events(media, 'playing', 'timeupdate'),
  );
  return media;
}

/** The recording played with no wait for voices begun, none announced, and nothing handed to the engine. */
function expectNoVoiceWait(heard: string[], held: { count: number }, spoken: string[]) {
  expect(
    heard.filter((message) => LOADING.test(message)),
    'said before the recording played',
  ).to.deep.equal([]);
  expect(held.count, 'voice waits begun').to.equal(0);
  expect(spoken, 'handed to the speech engine').to.deep.equal([]);
}

describe('Listen with no device voice', () => {
  startEachTestAfresh();

  it('plays the recording from a tap without waiting for voices', async () => {
    const { edition, speech, held, announcer, player } = await openWithoutVoices();
    const frame = edition.frame.getBoundingClientRect();
    const listen = player.listen()!.getBoundingClientRect();
    await sendMouse({
      type: 'click',
      position: [
        Math.round(frame.left + listen.left + listen.width / 2),
        Math.round(frame.top + listen.top + listen.height / 2),
      ],
    });
    await recordingPlays(edition);
    await announcer.said(/(^| )Playing\.( |$)/);
    expectNoVoiceWait(announcer.heard, held, speech.texts());
  });

  it('plays the recording from the keyboard after its quiet moment only', async () => {
    const { edition, speech, held, announcer, player } = await openWithoutVoices();
    player.listen()!.focus();
    await sendKeys({ press: 'Enter' });
    await recordingPlays(edition);
    expectNoVoiceWait(announcer.heard, held, speech.texts());
  });

  it('waits for voices that come late when the device’s voice reads, and speaks once they have come', async () => {
    const { edition, speech, held, announcer, player } = await openWithoutVoices();
    chooseSource(edition, 'device');
    // A double tap: the second press, while the first is still starting, changes nothing.
    player.listen()!.click();
    player.listen()!.click();
    await announcer.said(LOADING);
    expect(held.count, 'voice waits begun').to.equal(1);
    expect(speech.texts(), 'handed to the engine before any voice').to.deep.equal([]);
    // The engine is handed the first sentence once the voices have come, not before.
    const first = speech.nextStart();
    speech.setVoices([fakeVoice('Late English', 'en-GB', { default: true })]);
    await first;
    expect(speech.texts()).to.have.length(1);
    expect(held.count, 'voice waits begun').to.equal(1);
    expect(announcer.heard.filter((message) => LOADING.test(message))).to.have.length(1);
  });
});
