import { expect } from 'chai';
import { closeEditions, openEdition } from '../helpers/edition.js';
import { savedForOffline } from '../helpers/states.js';
import { buildScript } from '../../src/speech/spoken-script.js';
import { Lexicon } from '../../src/speech/lexicon.js';
import type { PageAudio } from '../../src/speech/recorded-session.js';

// The built audio edition as browsers decode it. `npm test` builds dist/ first; the audio is
// rendered at build time from the same script the player speaks, and these check that claim
// against the live page, and the cue times against what the browser's own MP3 decoder gives.

/** The page's audio edition data, with URLs resolved against the built page. */
async function builtAudio(): Promise<PageAudio> {
  const html = await (await fetch('/dist/index.html')).text();
  const page = new DOMParser().parseFromString(html, 'text/html');
  const data = page.getElementById('audio-edition')?.textContent;
  expect(data, 'the built page names its audio edition').to.be.a('string');
  const audio = JSON.parse(data!) as PageAudio;
  const at = (url: string) => new URL(url, new URL('/dist/index.html', location.href)).href;
  return { ...audio, src: at(audio.src), cues: at(audio.cues), chapters: at(audio.chapters) };
}

/** A WebVTT file's cues, parsed by the browser itself through a hidden track. */
async function trackCues(
  src: string,
  kind: 'metadata' | 'chapters',
): Promise<{ id: string; start: number; end: number; text: string }[]> {
  const media = document.createElement('audio');
  const track = document.createElement('track');
  track.kind = kind;
  track.src = src;
  media.append(track);
  document.body.append(media);
  try {
    const loaded = new Promise((resolve, reject) => {
      track.addEventListener('load', resolve, { once: true });
      track.addEventListener('error', () => reject(new Error(`${src} did not load as a ${kind} track`)), {
        once: true,
      });
    });
    track.track.mode = 'hidden';
    await loaded;
    return [...(track.track.cues ?? [])].map((cue) => ({
      id: cue.id,
      start: cue.startTime,
      end: cue.endTime,
      text: (cue as VTTCue).text,
    }));
  } finally {
    media.remove();
  }
}

/** The duration an <audio> element reports once it has read the file's header. */
async function mediaDuration(src: string) {
  const media = document.createElement('audio');
  media.preload = 'metadata';
  const ready = new Promise((resolve, reject) => {
    media.addEventListener('loadedmetadata', resolve, { once: true });
    media.addEventListener('error', () => reject(new Error(`${src} did not load: ${media.error?.message}`)), {
      once: true,
    });
  });
  media.src = src;
  await ready;
  // A file without a frame count may first report an estimate; a finite value is the header's.
  return media.duration;
}

describe('the audio edition', () => {
  afterEach(closeEditions);

  it('says every sentence the player says, in order, one cue each', async function () {
    // The built page is left only once it is saved for offline, which may take 90 s (savedForOffline).
    this.timeout(150_000);
    const audio = await builtAudio();
    const cues = await trackCues(audio.cues, 'metadata');
    // The live page, its components running, read by the player's own script builder.
    const edition = await openEdition({ path: '/dist/index.html' });
    const { doc } = edition;
    const article = doc.querySelector('article')!;
    const lexicon = Lexicon.fromJson(JSON.parse(doc.getElementById('pronunciation-lexicon')?.textContent ?? 'null'));
    const script = buildScript(article, lexicon, article.getAttribute('lang') ?? 'en');
    expect(cues.map((cue) => cue.text)).to.deep.equal(script.segments.map((segment) => segment.spoken));
    for (const [i, cue] of cues.entries()) {
      expect(cue.end, `cue ${cue.id} has a length`).to.be.greaterThan(cue.start);
      if (i > 0) expect(cue.start, `cue ${cue.id} starts after the one before ends`).to.be.greaterThan(cues[i - 1].end);
    }
    const chapters = await trackCues(audio.chapters, 'chapters');
    expect(chapters.map((c) => c.text)).to.deep.equal(script.sections.map((s) => s.title));
    expect(chapters.map((c) => c.start)).to.deep.equal(
      script.sections.map((s, i) => (i === 0 ? 0 : cues[s.first].start)),
    );
    // Left only once saved for offline: in WebKit a worker whose pages all closed mid-install
    // stays installing, and every later page of the built edition would say "Saving for offline…".
    await savedForOffline(edition);
  });

  it('decodes to the length of its cues, in an <audio> element and through Web Audio', async () => {
    const audio = await builtAudio();
    const cues = await trackCues(audio.cues, 'metadata');
    const lastEnd = cues[cues.length - 1].end;
    const duration = await mediaDuration(audio.src);
    expect(Math.abs(duration - lastEnd), `<audio> says ${duration} s; the last cue ends at ${lastEnd} s`).to.be.below(
      0.1,
    );
    expect(Math.abs(audio.seconds - lastEnd), 'the page metadata gives the same duration').to.be.below(0.1);

    const body = await (await fetch(audio.src)).arrayBuffer();
    expect(body.byteLength, 'the page metadata gives the file size').to.equal(audio.bytes);
    // An offline context decodes without an audio device (Firefox headless has none).
    const decoded = await new OfflineAudioContext(1, 1, 16000).decodeAudioData(body);
    expect(Math.abs(decoded.duration - lastEnd), `decodeAudioData gives ${decoded.duration} s`).to.be.below(0.1);
  });

  it('is heard inside its cues and silent between them, as decoded', async () => {
    const audio = await builtAudio();
    const cues = await trackCues(audio.cues, 'metadata');
    const body = await (await fetch(audio.src)).arrayBuffer();
    const rate = 16000;
    const samples = (await new OfflineAudioContext(1, 1, rate).decodeAudioData(body)).getChannelData(0);
    const at = (seconds: number) => Math.round(seconds * rate);
    const peak = (from: number, to: number) =>
      samples.subarray(at(from), at(to)).reduce((max, s) => Math.max(max, Math.abs(s)), 0);
    for (const [i, cue] of cues.entries()) {
      // Speech begins just after the cue's start (the build keeps 50 ms before it).
      expect(peak(cue.start, cue.start + 0.1), `cue ${cue.id} is heard within 100 ms of its start`).to.be.above(0.01);
      // A decoder that played the encoder's delay (69 ms here) would push speech into the pauses.
      const next = cues[i + 1];
      if (next)
        expect(peak(cue.end + 0.03, next.start - 0.03), `the pause after cue ${cue.id} is silent`).to.be.below(0.003);
    }
  });
});
