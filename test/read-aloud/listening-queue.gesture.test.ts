// The listening queue going on with the device's voice, against a real engine (Chromium →
// speech-dispatcher → espeak-ng) WITHOUT the autoplay flag: Chromium then refuses to speak
// before a real gesture, as it does for readers. Only Chromium has a real engine here (Firefox
// ESR on this machine has none), so this group is Chromium's; the recording's test, in
// Chromium, Firefox and WebKit, is listening-queue.test.ts.
import { expect } from 'chai';
import { sendKeys } from '../helpers/keyboard.js';
import { openEdition, type Edition } from '../helpers/edition.js';
import { playerOf } from '../helpers/player.js';
import { listenTo } from '../helpers/speech.js';
import { LISTENING_KEY, startEachTestAfresh } from '../helpers/storage.js';
import { nextEvent, voicesListed } from '../helpers/waiting.js';
import { LISTENING_QUEUE_KEY } from '../../src/preferences/storage-keys.js';
import { parseQueue } from '../../src/preferences/listening-queue.js';
import type { SpeechPlayer } from '../../src/speech/read-aloud.js';
import type { QueueContinuation } from '../../src/components/read-aloud-player/queue-continuation.js';

const SITE = '/queue-site/';
const SECOND = { href: `${SITE}second-stop.html`, title: 'The second stop', lang: 'en-US' };
const THIRD = { href: `${SITE}third-stop.html`, title: 'The third stop', lang: 'en-US' };

/** The player's private parts, read only to see which article it reads. */
const internals = (edition: Edition) =>
  playerOf(edition).host as unknown as { player?: SpeechPlayer; queue?: QueueContinuation };

/** Sentences are spoken in real time: a few of them, on a busy machine. */
const SPEECH_MS = 90_000;

describe('the listening queue with the device’s voice, no autoplay flag', () => {
  startEachTestAfresh();

  it('goes on to the next article without a new gesture', async function () {
    this.timeout(SPEECH_MS * 2);
    localStorage.setItem(LISTENING_KEY, JSON.stringify({ source: 'device' }));
    localStorage.setItem(LISTENING_QUEUE_KEY, JSON.stringify({ articles: [SECOND, THIRD] }));
    const edition = await openEdition({ path: `${SITE}first-stop.html`, width: 1024, height: 768 });
    const voices = await voicesListed(edition.win);

    // The control: before any gesture, the engine refuses to speak.
    const probe = new edition.win.SpeechSynthesisUtterance('Not yet.');
    probe.voice = voices.find((v) => v.lang.startsWith('en')) ?? null;
    const refused = nextEvent<SpeechSynthesisErrorEvent>(probe, 'error', () => true, 'speech to be refused', SPEECH_MS);
    const started = nextEvent(probe, 'start', () => true, 'the probe to start', SPEECH_MS).then(() => 'spoke');
    edition.win.speechSynthesis.speak(probe);
    expect(await Promise.race([refused.then((e) => e.error), started]), 'speak() without a gesture').to.equal(
      'not-allowed',
    );

    // The one gesture: Listen, pressed on the real keyboard.
    const ear = listenTo(edition);
    const player = playerOf(edition);
    await player.rendered();
    player.listen()!.focus();
    const firstSentence = ear.nextStart(undefined, SPEECH_MS);
    await sendKeys({ press: 'Enter' });
    await firstSentence;
    const host = internals(edition);
    const first = host.player!;
    expect(first.script.segments[0].block.closest('article')).to.equal(edition.doc.querySelector('article'));

    // Near its end (its last sentence): the second article follows, spoken by the engine.
    const last = first.script.segments.length - 1;
    const second = ear.nextStart((heard) => heard.text.includes('second piece'), SPEECH_MS);
    // Focus stays on Play/Pause through the change of article: it never goes to Listen and back.
    const focused: string[] = [];
    const onFocus = (event: Event) => focused.push((event.target as Element).className);
    player.root.addEventListener('focusin', onFocus);
    first.play(last);
    const heard = await second;
    player.root.removeEventListener('focusin', onFocus);
    expect(focused, 'focus moves between the articles').to.deep.equal([]);
    expect(host.queue?.away?.entry.title).to.equal(SECOND.title);
    expect(host.player).to.not.equal(first);
    expect(host.player!.state).to.equal('playing');
    expect(heard.error).to.equal(undefined);
    expect(player.root.querySelector('.now-playing a')?.textContent?.trim()).to.equal(SECOND.title);
    // Focus stayed on Play/Pause, where the gesture left it, through the change of article.
    expect(player.root.activeElement, 'focus').to.equal(player.button('play'));
    // Only the page's own article is marked: nothing is, while another is read.
    expect(heard.highlighted).to.equal('');
    // The first article left the queue; the second stays there until it ends.
    expect(parseQueue(localStorage.getItem(LISTENING_QUEUE_KEY)).value.articles.map((a) => a.title)).to.deep.equal([
      SECOND.title,
      THIRD.title,
    ]);
  });
});
