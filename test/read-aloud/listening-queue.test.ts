// The listening queue over a real site of three articles with audio (test/fixtures/articles/queue,
// built by test/plugins/fixture-site-plugin.ts): when the first ends, the second begins in the
// same page without another gesture, in the same audio element. Chromium runs this group
// WITHOUT --autoplay-policy=no-user-gesture-required: the first test proves, before its one
// real gesture (a key pressed through the test runner), that the page cannot play without one.
// The device's voice going on is tested against a real engine in listening-queue.gesture.test.ts.
import { expect } from 'chai';
import { sendKeys } from '../helpers/keyboard.js';
import { axeViolations } from '../helpers/axe.js';
import { openEdition, type Edition } from '../helpers/edition.js';
import { listenToAnnouncer } from '../helpers/announcer.js';
import { watchMediaSession } from '../helpers/media-session.js';
import { playerOf } from '../helpers/player.js';
import { LISTENING_KEY, startEachTestAfresh } from '../helpers/storage.js';
import { events, mutations, until } from '../helpers/waiting.js';
import { LISTENING_QUEUE_KEY } from '../../src/preferences/storage-keys.js';
import { parseQueue, type QueuedArticle } from '../../src/preferences/listening-queue.js';
import type { RecordedReadAloud } from '../../src/speech/recorded-read-aloud.js';
import type { SpeechPlayer } from '../../src/speech/read-aloud.js';
import type { QueueContinuation } from '../../src/components/read-aloud-player/queue-continuation.js';

const SITE = '/queue-site/';
const entry = (slug: string, title: string): QueuedArticle => ({ href: `${SITE}${slug}.html`, title, lang: 'en-US' });
const SECOND = entry('second-stop', 'The second stop');
const THIRD = entry('third-stop', 'The third stop');

/** The player's private parts, read only to see its media element and which article it reads. */
const internals = (edition: Edition) =>
  playerOf(edition).host as unknown as { player?: SpeechPlayer; queue?: QueueContinuation };

const storedQueue = () => parseQueue(localStorage.getItem(LISTENING_QUEUE_KEY)).value.articles;

/** The queue list's shadow root, and its controls. */
function queueOf(edition: Edition) {
  const host = edition.doc.querySelector('listening-queue')!;
  const root = host.shadowRoot!;
  return {
    host,
    root,
    titles: () => [...root.querySelectorAll('li a')].map((a) => a.textContent!.trim()),
    buttons: (kind: string) => [...root.querySelectorAll<HTMLButtonElement>(`button.${kind}`)],
    rendered: () => (host as unknown as { updateComplete: Promise<unknown> }).updateComplete,
  };
}

/** The element focused inside the page, through shadow roots. */
function focusedIn(edition: Edition): Element | null {
  let focused = edition.doc.activeElement;
  while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
  return focused;
}

/** Opens an article choosing the recording, and presses Listen on the real keyboard; resolves once its audio plays. */
async function listenRecorded(slug: string) {
  const edition = await openEdition({ path: `${SITE}${slug}.html`, width: 1024, height: 768 });
  const handlers = watchMediaSession(edition);
  const player = playerOf(edition);
  await player.rendered();
  player.listen()!.focus();
  await sendKeys({ press: 'Enter' });
  const host = internals(edition);
  await until(() => host.player?.state === 'playing', 'the article to play', player.renders);
  const media = (host.player as RecordedReadAloud).media as HTMLAudioElement;
  await until(
    () => !media.paused && media.currentTime > 0 && Number.isFinite(media.duration),
    'the audio to play',
    events(media, 'playing', 'timeupdate'),
  );
  return { edition, player, host, handlers };
}

describe('the listening queue', () => {
  startEachTestAfresh();

  it('goes on to the next article in the same page and audio element, without a new gesture (the recording)', async () => {
    localStorage.setItem(LISTENING_KEY, JSON.stringify({ source: 'recorded' }));
    localStorage.setItem(LISTENING_QUEUE_KEY, JSON.stringify({ articles: [SECOND, THIRD] }));
    const edition = await openEdition({ path: `${SITE}first-stop.html`, width: 1024, height: 768 });

    // The control: before any gesture, this browser refuses to play the audio at all.
    const audio = JSON.parse(edition.doc.getElementById('audio-edition')!.textContent!) as { src: string };
    const probe = new edition.win.Audio(new URL(audio.src, edition.doc.baseURI).href);
    const refused = await probe.play().then(
      () => 'played',
      (error: DOMException) => error.name,
    );
    probe.pause();
    expect(refused, 'play() without a gesture').to.equal('NotAllowedError');

    // The one gesture: Listen, pressed on the real keyboard.
    const announcer = listenToAnnouncer(edition);
    const player = playerOf(edition);
    await player.rendered();
    player.listen()!.focus();
    await sendKeys({ press: 'Enter' });
    const host = internals(edition);
    await until(() => host.player?.state === 'playing', 'the first article to play', player.renders);
    const first = host.player as RecordedReadAloud;
    const media = first.media as HTMLAudioElement;
    await until(
      () => !media.paused && media.currentTime > 0,
      'the audio to play',
      events(media, 'playing', 'timeupdate'),
    );
    expect(media.src).to.contain('first-stop');

    // Near its end: the second article follows on its own.
    media.currentTime = Math.max(0, media.duration - 0.4);
    await until(
      () => host.queue?.away?.entry.title === SECOND.title && host.player?.state === 'playing',
      () =>
        `the second article to play (reading ${host.queue?.reading}, ${host.player?.state}, ${host.player?.problem?.code})`,
      player.renders,
    );
    const second = host.player as RecordedReadAloud;
    expect(second).to.not.equal(first);
    expect(second.media, 'the same audio element').to.equal(media);
    await until(
      () => media.src.includes('second-stop') && !media.paused && media.currentTime > 0,
      'its audio to play',
      events(media, 'playing', 'timeupdate'),
    );
    expect(second.index, 'from its start').to.equal(0);
    // The bar names it, with a link to its page; the page's own article is not marked.
    const now = player.root.querySelector('.now-playing a') as HTMLAnchorElement;
    expect(now.textContent!.trim()).to.equal(SECOND.title);
    expect(new URL(now.href).pathname).to.equal(SECOND.href);
    expect(player.root.activeElement, 'focus kept on Play/Pause').to.equal(player.button('play'));
    expect(await axeViolations(edition), 'the bar reading a queued article').to.equal('');
    await until(
      () => announcer.heard.some((m) => m.includes(`Next: ${SECOND.title}.`)),
      'the next article named',
      mutations(edition.doc.body),
    );
    expect(
      storedQueue().map((a) => a.title),
      'the first left the queue; the second stays until it ends',
    ).to.deep.equal([SECOND.title, THIRD.title]);

    // Stopped there, the page's own article is back; the queue is as it was, and a reload still holds it.
    player.button('stop')!.click();
    await until(() => host.queue?.away === undefined, 'the page’s own article back', player.renders);
    expect(storedQueue().map((a) => a.title)).to.deep.equal([SECOND.title, THIRD.title]);
    const reloaded = await openEdition({ path: `${SITE}third-stop.html` });
    expect(queueOf(reloaded).titles()).to.deep.equal([SECOND.title, THIRD.title]);
  });

  it('goes on from the lock screen: next track after the last section is the next article; previous stays in it', async () => {
    localStorage.setItem(LISTENING_KEY, JSON.stringify({ source: 'recorded' }));
    localStorage.setItem(LISTENING_QUEUE_KEY, JSON.stringify({ articles: [SECOND] }));
    const { edition, player, host, handlers } = await listenRecorded('first-stop');
    const first = host.player!;
    const press = (action: MediaSessionAction) => handlers.get(action)!({ action });
    press('nexttrack');
    expect(first.index, 'the next section').to.equal(first.script.sections[1].first);
    expect(host.queue?.away).to.equal(undefined);
    press('nexttrack');
    await until(
      () => host.queue?.away?.entry.title === SECOND.title && host.player?.state === 'playing',
      'the next article, after the last section',
      player.renders,
    );
    press('previoustrack');
    expect(host.queue?.away?.entry.title, 'still the same article').to.equal(SECOND.title);
    expect(host.player!.index).to.equal(0);
    expect(edition.win.navigator.mediaSession.metadata?.album).to.equal(SECOND.title);
  });

  it('leaves out a queued article whose page cannot be read, naming it, and goes on to the next', async () => {
    localStorage.setItem(LISTENING_KEY, JSON.stringify({ source: 'recorded' }));
    const gone = entry('gone', 'A removed article');
    localStorage.setItem(LISTENING_QUEUE_KEY, JSON.stringify({ articles: [gone, THIRD] }));
    const { edition, player, host } = await listenRecorded('first-stop');
    const announcer = listenToAnnouncer(edition);
    const media = (host.player as RecordedReadAloud).media as HTMLAudioElement;
    media.currentTime = Math.max(0, media.duration - 0.4);
    await until(
      () => host.queue?.away?.entry.title === THIRD.title && host.player?.state === 'playing',
      'the third article to play',
      player.renders,
    );
    await until(
      () => announcer.heard.some((m) => m.includes('Skipped, could not be loaded: A removed article.')),
      () => `the removed article named (heard: ${announcer.heard.join(' | ')})`,
      mutations(edition.doc.body),
    );
    expect(storedQueue(), 'the removed article left the queue; the third stays until it ends').to.deep.equal([THIRD]);
  });

  it('offline, leaves out an article not kept (the worker’s page that says so), naming it, and keeps it queued', async () => {
    localStorage.setItem(LISTENING_KEY, JSON.stringify({ source: 'recorded' }));
    localStorage.setItem(LISTENING_QUEUE_KEY, JSON.stringify({ articles: [SECOND, THIRD] }));
    const { edition, player, host } = await listenRecorded('first-stop');
    const announcer = listenToAnnouncer(edition);
    // Offline, with the second article not kept: the offline worker answers its address with
    // the page that says so (generator/page/page.ts renderNotKeptPage), which has no article.
    Object.defineProperty(edition.win.navigator, 'onLine', { get: () => false });
    const notKept = await (await fetch(`${SITE}offline.html`)).text();
    const fetchPage = edition.win.fetch.bind(edition.win);
    edition.win.fetch = (input, init) =>
      String(input).endsWith(SECOND.href)
        ? Promise.resolve(new Response(notKept, { headers: { 'Content-Type': 'text/html' } }))
        : fetchPage(input, init);
    const media = (host.player as RecordedReadAloud).media as HTMLAudioElement;
    media.currentTime = Math.max(0, media.duration - 0.4);
    await until(
      () => host.queue?.away?.entry.title === THIRD.title && host.player?.state === 'playing',
      'the third article, which is kept, to play',
      player.renders,
    );
    await until(
      () =>
        announcer.heard.some((m) =>
          m.includes(`Skipped, not kept for offline: ${SECOND.title}. Next: ${THIRD.title}. Playing.`),
        ),
      () => `the article left out named with the next (heard: ${announcer.heard.join(' | ')})`,
      mutations(edition.doc.body),
    );
    expect(
      storedQueue().map((a) => a.title),
      'the article left out kept queued for later, and the one playing',
    ).to.deep.equal([SECOND.title, THIRD.title]);
    // In text too, in the bar under the article now playing.
    expect(player.bar()!.textContent!.replace(/\s+/g, ' ')).to.contain(
      `Now playing: ${THIRD.title} Skipped, not kept for offline: ${SECOND.title}.`,
    );
  });

  it('is built with Listen next and Queue all, edited from the keyboard, and said politely; axe-clean in each state', async () => {
    const edition = await openEdition({ path: `${SITE}index.html` });
    const announcer = listenToAnnouncer(edition);
    const list = queueOf(edition);
    // Empty: only Queue all.
    expect(list.titles()).to.deep.equal([]);
    expect(await axeViolations(edition)).to.equal('');
    const listenNext = [...edition.doc.querySelectorAll('listen-next')].map((e) =>
      e.shadowRoot!.querySelector('button')!,
    );
    expect(listenNext.map((b) => b.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      'Listen next: The first stop',
      'Listen next: The second stop',
      'Listen next: The third stop',
    ]);
    // Listen next on the third, then the first, from the keyboard.
    for (const button of [listenNext[2], listenNext[0]]) {
      button.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => button.getAttribute('aria-pressed') === 'true', 'pressed', mutations(button));
    }
    await list.rendered();
    expect(list.titles()).to.deep.equal(['The third stop', 'The first stop']);
    await until(
      () => announcer.heard.some((m) => m.includes('Queued: The first stop.')),
      'said',
      mutations(edition.doc.body),
    );
    expect(storedQueue().map((a) => a.href)).to.deep.equal([THIRD.href, `${SITE}first-stop.html`]);
    expect(await axeViolations(edition)).to.equal('');

    // Move up: the first stop comes first, focus on its Remove (it has no Move up now).
    const up = list.buttons('up')[0];
    up.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => list.titles()[0] === 'The first stop', 'moved', mutations(list.root));
    await list.rendered();
    expect(focusedIn(edition)).to.equal(list.buttons('remove')[0]);
    expect(focusedIn(edition)!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Remove: The first stop');

    // Queue all adds the rest in the index's order.
    const all = list.root.querySelector<HTMLButtonElement>('button.all')!;
    all.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => list.titles().length === 3, 'all queued', mutations(list.root));
    expect(list.titles()).to.deep.equal(['The first stop', 'The third stop', 'The second stop']);

    // Remove: focus goes to the Remove that took its place.
    list.buttons('remove')[0].focus();
    await sendKeys({ press: 'Enter' });
    await until(() => list.titles().length === 2, 'removed', mutations(list.root));
    await list.rendered();
    expect(focusedIn(edition)).to.equal(list.buttons('remove')[0]);
    expect(listenNext[0].getAttribute('aria-pressed')).to.equal('false');
    await until(
      () => announcer.heard.some((m) => m.includes('Removed from the queue: The first stop.')),
      'said',
      mutations(edition.doc.body),
    );

    // Clear: the list says it is empty, and focus is on its heading.
    list.root.querySelector<HTMLButtonElement>('button.clear')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => list.titles().length === 0, 'cleared', mutations(list.root));
    await list.rendered();
    expect(focusedIn(edition)?.id).to.equal('queue-heading');
    expect(list.root.textContent).to.contain('The queue is empty.');
    expect(storedQueue()).to.deep.equal([]);
    expect(await axeViolations(edition)).to.equal('');
  });

  it('offers no button without script', async () => {
    const edition = await openEdition({ path: `${SITE}index.html`, scripts: false });
    expect(edition.doc.querySelectorAll('listen-next').length).to.equal(3);
    expect(edition.doc.querySelectorAll('button').length).to.equal(0);
  });

  it('reads what storage holds entry by entry, and works for the visit where storage is blocked', async () => {
    expect(parseQueue('not json').value.articles).to.deep.equal([]);
    expect(
      parseQueue(
        JSON.stringify({ articles: [SECOND, { href: 'elsewhere', title: 'x', lang: 'en' }, 7, SECOND, THIRD] }),
      ).value.articles,
    ).to.deep.equal([SECOND, THIRD]);
    const edition = await openEdition({ path: `${SITE}second-stop.html` });
    // Storage refusing every write (as in private modes): the queue works, and says it is not kept.
    Object.defineProperty(edition.win.Storage.prototype, 'setItem', {
      value() {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
    const button = edition.doc.querySelector('listen-next')!.shadowRoot!.querySelector('button')!;
    button.click();
    const list = queueOf(edition);
    await until(() => list.titles().length === 1, 'queued for the visit', mutations(list.root));
    expect(list.root.textContent).to.contain('does not keep the queue');
  });
});
