// The player in recorded mode over a REAL audio edition (test/fixtures/articles/audio, built
// with its audio by test/plugins/fixture-site-plugin.ts), in Chromium and Firefox. Firefox
// plays media only through an audio server: the test runner starts PulseAudio's null sink.
// The player's internals are read only to see the media element's clock, which has no other window.
import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import { axeViolations } from '../helpers/axe.js';
import { openEdition, type Edition } from '../helpers/edition.js';
import { listenToAnnouncer } from '../helpers/announcer.js';
import { watchMediaSession } from '../helpers/media-session.js';
import { playerOf } from '../helpers/player.js';
import { chooseSource, fakeSpeech, highlighted } from '../helpers/speech.js';
import { LISTENING_KEY, startEachTestAfresh } from '../helpers/storage.js';
import { events, mutations, nextEvent, until, watch } from '../helpers/waiting.js';
import { parseCues, type Cue, type RecordedReadAloud } from '../../src/speech/recorded-read-aloud.js';
import type { PageAudio } from '../../src/speech/recorded-session.js';
import type { SpeechPlayer } from '../../src/speech/read-aloud.js';
import { sectionEnd, type SleepTimer } from '../../src/components/read-aloud-player/sleep-timer.js';
import { FakeClock } from '../helpers/fake-clock.js';

const PAGE = '/audio-site/index.html';

/** The cue a time is in (the last started). */
const cueIndexAt = (cues: Cue[], seconds: number) => cues.findLastIndex((cue) => cue.start <= seconds + 0.03);

/** The page's audio edition and its cues, with URLs resolved against the page. */
async function pageAudio(edition: Edition): Promise<{ audio: PageAudio; cues: Cue[] }> {
  const audio = JSON.parse(edition.doc.getElementById('audio-edition')!.textContent!) as PageAudio;
  const at = (url: string) => new URL(url, edition.doc.baseURI).href;
  const cues = parseCues(await (await fetch(at(audio.cues))).text());
  return { audio: { ...audio, src: at(audio.src), cues: at(audio.cues) }, cues };
}

/** The player reading now (a private field, read only here: see the note at the top). */
const reading = (edition: Edition) => (playerOf(edition).host as unknown as { player?: SpeechPlayer }).player;
const recorded = (edition: Edition) => reading(edition) as RecordedReadAloud | undefined;

/** Opens the page choosing recorded audio, and presses Listen from the keyboard (a real gesture, which media playback needs). */
async function listenRecorded() {
  localStorage.setItem(LISTENING_KEY, JSON.stringify({ source: 'recorded' }));
  const edition = await openEdition({ path: PAGE, width: 1024, height: 768 });
  const handlers = watchMediaSession(edition);
  const announcer = listenToAnnouncer(edition);
  const player = playerOf(edition);
  await player.rendered();
  player.listen()!.focus();
  await sendKeys({ press: 'Enter' });
  await until(() => recorded(edition)?.media !== undefined, 'the recorded player', player.renders);
  const media = recorded(edition)!.media as HTMLAudioElement;
  await until(
    () => !media.paused && media.currentTime > 0,
    'the audio to play',
    events(media, 'playing', 'timeupdate'),
  );
  return { edition, player, media, handlers, announcer, ...(await pageAudio(edition)) };
}

describe('recorded audio in the player', () => {
  startEachTestAfresh();

  it('decodes to the length of its last cue, within 100 ms', async () => {
    const edition = await openEdition({ path: PAGE });
    const { audio, cues } = await pageAudio(edition);
    const media = document.createElement('audio');
    media.preload = 'metadata';
    const ready = new Promise((resolve, reject) => {
      media.addEventListener('loadedmetadata', resolve, { once: true });
      media.addEventListener('error', () => reject(new Error(`${audio.src} did not load`)), { once: true });
    });
    media.src = audio.src;
    await ready;
    const last = cues[cues.length - 1].end;
    expect(
      Math.abs(media.duration - last),
      `<audio> says ${media.duration} s, the last cue ends at ${last} s`,
    ).to.be.below(0.1);
    const decoded = await new OfflineAudioContext(1, 1, 16000).decodeAudioData(
      await (await fetch(audio.src)).arrayBuffer(),
    );
    expect(Math.abs(decoded.duration - last), `decodeAudioData gives ${decoded.duration} s`).to.be.below(0.1);
  });

  it('plays, and the highlight follows the cues', async () => {
    const { edition, media, cues, announcer } = await listenRecorded();
    const player = recorded(edition)!;
    expect(player.state).to.equal('playing');
    expect(media.preservesPitch).to.equal(true);
    // Said alone, or as one sentence of the page's message of the same moment, in either order
    // (under load, the offline status's news can land in the same moment, before or after).
    expect(
      announcer.heard.some((message) => /(^| )Playing\.( |$)/.test(message)),
      announcer.heard.join(' | '),
    ).to.equal(true);
    // The first sentences are marked as their cues are heard.
    for (const i of [0, 1, 2]) {
      await until(() => media.currentTime > cues[i].start + 0.2, `cue ${i}`, events(media, 'timeupdate'));
      await until(() => player.index === i || media.currentTime > cues[i].end, `sentence ${i} to be the one read`, [
        events(player, 'change'),
        events(media, 'timeupdate'),
      ]);
      if (media.currentTime < cues[i].end) {
        expect(player.index).to.equal(i);
        expect(highlighted(edition).replace(/\s+/g, ' ').trim(), `sentence ${i} marked`).to.equal(
          player
            .segment!.block.textContent!.slice(player.segment!.start, player.segment!.end)
            .replace(/\s+/g, ' ')
            .trim(),
        );
      }
    }
  });

  it('moves to a section, changes speed in pitch, and pauses and resumes in place', async () => {
    const { edition, player: ui, media, cues } = await listenRecorded();
    const player = recorded(edition)!;
    ui.button('nextSection')!.click();
    const section = player.script.sections[1];
    expect(player.index).to.equal(section.first);
    await until(
      () => media.currentTime >= cues[section.first].start && !media.seeking,
      'the seek',
      events(media, 'seeked', 'timeupdate'),
    );
    expect(Math.abs(media.currentTime - cues[section.first].start)).to.be.below(0.5);
    expect(ui.where()).to.contain(section.title);

    const session = edition.win.navigator.mediaSession;
    const positions: MediaPositionState[] = [];
    const setPositionState = session.setPositionState.bind(session);
    session.setPositionState = (state) => {
      if (state) positions.push(state);
      setPositionState(state);
    };
    const rate = ui.rate()!;
    rate.value = '4';
    rate.dispatchEvent(new Event('change'));
    await ui.rendered();
    expect(media.playbackRate).to.equal(4);
    expect(media.preservesPitch).to.equal(true);
    expect(positions.at(-1)?.playbackRate, 'the lock screen told of the new speed at once').to.equal(4);
    expect(ui.root.querySelector('#speed-limit'), 'the recording has no limit to tell').to.equal(null);
    // The clock really runs at 4× (a real-time clock here: PulseAudio's null sink, or none), not only the
    // property; timed once the media has taken the new rate (Firefox restarts its audio output for it).
    const changed = media.currentTime;
    await until(() => media.currentTime > changed + 1, 'the clock at the new rate', events(media, 'timeupdate'));
    const wall = performance.now();
    const from = media.currentTime;
    await until(() => performance.now() - wall > 1500, 'a moment at 4×', events(media, 'timeupdate'));
    const pace = (media.currentTime - from) / ((performance.now() - wall) / 1000);
    expect(pace, `${media.currentTime - from} s of audio in ${performance.now() - wall} ms`).to.be.within(2.5, 5.5);

    await until(() => media.currentTime > cues[section.first].start + 0.3, 'playing on', events(media, 'timeupdate'));
    const paused = nextEvent(media, 'pause');
    ui.button('play')!.click();
    expect(player.state).to.equal('paused');
    // The media tells its last clock (timeupdate), then that it paused.
    await paused;
    const at = media.currentTime;
    const index = player.index;
    // Playing media tells its clock every quarter second at most: a while of none is a pause.
    const whilePaused = await watch(media, ['play', 'playing', 'timeupdate'], 400);
    expect(
      whilePaused.map((event) => event.type),
      'nothing plays while paused',
    ).to.deep.equal([]);
    expect(media.currentTime).to.equal(at);
    ui.button('play')!.click();
    await until(() => !media.paused && media.currentTime > at, 'the resume', events(media, 'playing', 'timeupdate'));
    expect(player.index, 'the same sentence').to.be.within(index, index + 1);
    expect(media.currentTime - at, 'from where it paused').to.be.below(2);
  });

  it('answers the lock screen: handlers set, chapter shown, seek to a time', async () => {
    const { edition, media, handlers, cues } = await listenRecorded();
    const player = recorded(edition)!;
    expect([...handlers.keys()]).to.include.members([
      'play',
      'pause',
      'previoustrack',
      'nexttrack',
      'seekbackward',
      'seekforward',
      'seekto',
    ]);
    const session = edition.win.navigator.mediaSession;
    expect(session.metadata?.album).to.equal('Listening on a walk');
    expect(session.metadata?.artist).to.equal('Ada Ferreira');
    expect(session.metadata?.artwork.length).to.be.above(0);
    handlers.get('nexttrack')!({ action: 'nexttrack' });
    await until(() => session.metadata?.title === player.script.sections[1].title, 'the chapter’s name', [
      events(player, 'change'),
      events(media, 'seeked', 'timeupdate'),
    ]);
    const target = cues[cues.length - 2].start + 0.2;
    handlers.get('seekto')!({ action: 'seekto', seekTime: target });
    expect(player.index).to.equal(cues.length - 2);
    await until(() => media.currentTime >= target, 'the scrubber’s time', events(media, 'seeked', 'timeupdate'));
    handlers.get('pause')!({ action: 'pause' });
    expect(player.state).to.equal('paused');
    expect(session.playbackState).to.equal('paused');
  });

  it('skips back 15 s and forward 30 s by its clock: buttons, J and L, and the lock screen’s seek buttons', async () => {
    const { edition, player: ui, media, handlers, cues } = await listenRecorded();
    const player = recorded(edition)!;
    // Paused, so the clock moves only by the skips.
    ui.button('play')!.click();
    expect(player.state).to.equal('paused');
    const duration = cues[cues.length - 1].end;
    expect(duration, 'long enough to skip 30 s').to.be.above(30);
    const skipped = async (press: () => unknown, to: number, what: string) => {
      await press();
      await until(() => !media.seeking, what, events(media, 'seeked'));
      expect(media.currentTime, what).to.be.closeTo(to, 0.05);
      expect(player.index, `${what}: the sentence follows`).to.equal(cueIndexAt(cues, to));
    };
    await skipped(() => (media.currentTime = 0), 0, 'back to the start');
    expect(ui.button('skipForward')!.getAttribute('aria-keyshortcuts')).to.equal('L');
    expect(ui.button('skipForward')!.textContent).to.contain('Forward 30 seconds');
    await skipped(() => ui.button('skipForward')!.click(), 30, 'Forward 30 seconds');
    ui.button('skipBack')!.focus();
    await skipped(() => sendKeys({ press: 'j' }), 15, 'J');
    await skipped(
      () => handlers.get('seekbackward')!({ action: 'seekbackward' }),
      0,
      'the lock screen’s seek backward',
    );
    await skipped(
      () => handlers.get('seekforward')!({ action: 'seekforward', seekOffset: 10 }),
      10,
      'seek forward by the offset asked',
    );
    await skipped(() => sendKeys({ press: 'j' }), 0, 'J, not before the start');
    await skipped(() => sendKeys({ press: 'l' }), 30, 'L');
    const at = media.currentTime;
    expect(player.state, 'skips keep a pause').to.equal('paused');
    ui.button('play')!.click();
    await until(
      () => !media.paused && media.currentTime > at,
      'playing on from there',
      events(media, 'playing', 'timeupdate'),
    );
  });

  it('sleep timer, end of this section: fades out over its last seconds, pauses at its end, and is off again', async () => {
    const { edition, player: ui, media, cues, announcer } = await listenRecorded();
    const player = recorded(edition)!;
    const last = sectionEnd(player);
    const volumes: number[] = [];
    media.addEventListener('volumechange', () => volumes.push(media.volume));
    const sleep = ui.root.querySelector<HTMLSelectElement>('select.sleep')!;
    sleep.value = 'section';
    sleep.dispatchEvent(new Event('change'));
    await ui.rendered();
    expect(ui.root.querySelector('#sleep-left')?.textContent).to.match(/^Stops in about \d+ min$/);
    await nextEvent(player, 'slept', undefined, 'the sleep timer’s pause', 60_000);
    expect(player.state).to.equal('paused');
    expect(media.paused).to.equal(true);
    expect(media.currentTime, 'at the next section, for the next Play').to.equal(cues[last + 1].start);
    expect(Math.min(...volumes), 'faded').to.be.below(0.5);
    expect(media.volume, 'the volume back').to.equal(1);
    await ui.rendered();
    expect(sleep.value).to.equal('off');
    await announcer.said(/(^| )Paused\.( |$)/);
  });

  it('sleep timer, 15 minutes on a clock the test moves: fades out when the time is up, then pauses', async () => {
    const { edition, player: ui, media } = await listenRecorded();
    const player = recorded(edition)!;
    const clock = new FakeClock();
    (ui.host as unknown as { sleep: SleepTimer }).sleep.clock = clock;
    const sleep = ui.root.querySelector<HTMLSelectElement>('select.sleep')!;
    sleep.value = '15';
    sleep.dispatchEvent(new Event('change'));
    await ui.rendered();
    expect(ui.root.querySelector('#sleep-left')?.textContent).to.equal('Stops in 15 min');
    clock.advance(15 * 60_000);
    await ui.rendered();
    expect(ui.root.querySelector('#sleep-left')?.textContent).to.equal('Fading out');
    const from = media.currentTime;
    await until(() => media.volume < 0.9, 'the fade', events(media, 'volumechange'));
    expect(player.state).to.equal('playing');
    await nextEvent(player, 'slept', undefined, 'the sleep timer’s pause', 30_000);
    // Six seconds heard at 1×, within the clock's few updates a second.
    expect(media.currentTime).to.be.at.most(from + 6 + 0.5);
    expect(media.paused).to.equal(true);
    expect(media.volume).to.equal(1);
  });

  it('offers the source by name and keyboard, and switching keeps the sentence', async () => {
    const { edition, player: ui, media } = await listenRecorded();
    ui.button('more')!.click();
    await ui.rendered();
    const group = ui.root.querySelector('fieldset.source')!;
    expect(group.querySelector('legend')!.textContent!.trim()).to.equal('Read by');
    const radios = [...group.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map((r) => r.closest('label')!.textContent!.trim())).to.deep.equal([
      'Device voice',
      'Recorded audio (slt voice)',
    ]);
    expect(radios[1].checked).to.equal(true);
    expect(await axeViolations(edition), 'the source choice shown, recorded audio playing').to.equal('');

    // Paused, so the sentence stays put while the keys are pressed (the machine may be slow).
    ui.button('play')!.click();
    await until(() => media.paused, 'the pause', events(media, 'pause'));
    const index = reading(edition)!.index;
    radios[1].focus();
    await sendKeys({ press: 'ArrowUp' });
    await until(
      () => reading(edition) !== undefined && !('media' in reading(edition)!),
      'the device voice to take over',
      ui.renders,
    );
    expect(JSON.parse(localStorage.getItem(LISTENING_KEY) ?? '{}').source).to.equal('device');
    expect(media.paused, 'the recording is silent').to.equal(true);
    expect(reading(edition)!.index).to.equal(index);
    expect(reading(edition)!.state, 'still paused, now with the device voice').to.equal('paused');
    // Back by keyboard, to the same sentence; focus stays on the choice.
    await ui.rendered();
    await sendKeys({ press: 'ArrowDown' });
    await until(
      () => reading(edition) === recorded(edition) && 'media' in reading(edition)!,
      'the recording to take over again',
      ui.renders,
    );
    expect(reading(edition)!.index).to.equal(index);
    expect(reading(edition)!.state).to.equal('paused');
    expect(ui.root.activeElement).to.equal(ui.root.querySelector('input[value="recorded"]'));
  });

  it('falls back to the device voice, saying why, when the audio says another version of the article', async () => {
    const edition = await openEdition({ path: PAGE });
    const speech = fakeSpeech(edition);
    chooseSource(edition, 'recorded');
    // The cues as an older render would have them: one sentence worded differently.
    const fetch = edition.win.fetch.bind(edition.win);
    edition.win.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await fetch(input, init);
      if (!String(input instanceof Request ? input.url : input).endsWith('.vtt')) return response;
      return new Response(
        (await response.text()).replace('A walk is a good time to listen.', 'A walk is a fine time to listen.'),
      );
    };
    const announcer = listenToAnnouncer(edition);
    // This test server has no worker, so the offline status says it could not save: once it has,
    // it cannot overwrite the player's message in the page's one status region.
    const status = edition.doc.querySelector('offline-status')!.shadowRoot!;
    const offline = () => status.querySelector('.status')?.textContent ?? '';
    await until(
      () => /Could not save/.test(offline()),
      'the offline status to say it could not save',
      mutations(status),
    );
    await announcer.said(offline().trim());
    const ui = playerOf(edition);
    await ui.rendered();
    const read = speech.nextStart();
    ui.listen()!.click();
    // The device voice reads.
    await read;
    // Said with the state, as the announcer says only its latest message (the offline status may speak too: no worker here).
    await announcer.said(
      'The recorded audio does not match this version of the article, so the device voice reads instead. Playing.',
    );
    expect(reading(edition)).to.not.have.property('media');
    ui.button('more')!.click();
    await ui.rendered();
    const group = ui.root.querySelector('fieldset.source')!;
    expect(group.querySelector<HTMLInputElement>('input[value="device"]')!.checked).to.equal(true);
    expect(ui.root.getElementById(group.getAttribute('aria-describedby')!)?.textContent).to.match(/does not match/);
    expect(await axeViolations(edition)).to.equal('');
  });

  it('links the MP3 for download and the podcast feed, named with size and length, without JavaScript', async () => {
    const edition = await openEdition({ path: PAGE, scripts: false });
    const links = [...edition.doc.querySelectorAll<HTMLAnchorElement>('.audio-links a')];
    const { audio } = await pageAudio(edition);
    // Under a megabyte, so in KB: "0.1 MB" said too little, and a few seconds' file was "0.0 MB".
    expect(audio.bytes).to.be.below(1e6);
    expect(links.map((a) => a.textContent)).to.deep.equal([
      `Download audio (MP3, ${Math.round(audio.bytes / 1e3)} KB, 1 min)`,
      'Podcast feed',
    ]);
    const [download, feed] = links;
    expect(download.getAttribute('download')).to.equal('listening-walks.mp3');
    expect(download.href).to.equal(audio.src);
    expect((await fetch(download.href)).status).to.equal(200);
    expect(new URL(feed.href).pathname).to.equal('/audio-site/feed.xml');
    // Plain links: in the tab order, each a full-size target.
    for (const link of links) {
      expect(link.tabIndex).to.equal(0);
      expect(link.getBoundingClientRect().height).to.be.at.least(44);
    }
  });
});
