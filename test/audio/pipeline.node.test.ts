// Node tests of the audio edition's parts, with a fake speech engine so they are quick and
// exact: the script, cues and chapters, pauses, the MP3's Info frame, tags, the render cache,
// the feed. test/audio/build.node.test.ts checks the real build with the real engine.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import NodeID3 from 'node-id3';
import { JSDOM } from 'jsdom';
import { renderArticle } from '../../generator/article/article.ts';
import { renderPage } from '../../generator/page/page.ts';
import { escapeXml } from '../../generator/escape.ts';
import { renderAudioEdition } from '../../generator/audio/audio-edition.ts';
import { spokenScript } from '../../generator/audio/spoken-script.ts';
import { PAUSES } from '../../generator/audio/timeline.ts';
import { mp3Encoder, frames, ENCODER_DELAY } from '../../generator/audio/mp3.ts';
import { webvtt } from '../../generator/audio/webvtt.ts';
import { podcastFeed } from '../../generator/audio/podcast-feed.ts';
import { writePodcastFeed } from '../../generator/audio/site-audio.ts';
import { asciiText, readWav } from '../../generator/audio/flite-engine.ts';
import { audioStart, crc16, fakeEngine, infoTag, readWebvtt } from '../helpers/audio-files.node.ts';

const ASSETS = { script: './main.js', stylesheet: './edition.css', headSnippet: '' };

const SOURCE = `---
title: Sound & <fury>
author: A. Writer
lang: en-GB
description: A short article with two sections, a quote and a table.
---

First paragraph. It has two sentences.

## Second section

> Quoted words here.
>
> — **Someone**, somewhere

### Summary

| Topic | Key Idea |
| --- | --- |
| Sound | Loud & clear |
`;

async function sitePage(source = SOURCE) {
  const article = await renderArticle(source, 'articles/test.md');
  return {
    file: 'articles/test.md',
    page: 'index.html',
    article,
    lexicon: JSON.stringify({ entries: [{ written: 'Loud', speak: 'Lowd' }] }),
    pronunciations: null,
  };
}

let out = '';
let cacheDir = '';
before(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'reader-edition-audio-out-'));
  cacheDir = await mkdtemp(path.join(tmpdir(), 'reader-edition-audio-cache-'));
});
after(async () => {
  await rm(out, { recursive: true, force: true });
  await rm(cacheDir, { recursive: true, force: true });
});

async function render(engine: ReturnType<typeof fakeEngine>, pagePromise = sitePage(), into = out) {
  const page = await pagePromise;
  const html = renderPage(page.article, ASSETS, page.lexicon);
  return renderAudioEdition({ page, html, out: into, engine, album: 'Test edition', cacheDir, log: () => {} });
}

test('the build-time script is the player’s: announcements, attributions, table headers, lexicon', async () => {
  const page = await sitePage();
  const script = await spokenScript(renderPage(page.article, ASSETS, page.lexicon), page.lexicon);
  assert.equal(script.lang, 'en-GB');
  assert.deepEqual(
    script.sentences.map((s) => s.text),
    [
      'Sound & <fury>',
      'First paragraph.',
      'It has two sentences.',
      'Section: Second section',
      'Quote: Quoted words here.',
      'End of quote, from Someone, somewhere',
      'Table: Summary',
      'Topic: Sound',
      'Key Idea: Lowd & clear',
    ],
  );
  assert.deepEqual(script.sections, [
    { title: 'Opening', first: 0 },
    { title: 'Second section', first: 3 },
  ]);
});

test('one cue per sentence, in order, timed exactly from the samples, with pauses by kind', async () => {
  const engine = fakeEngine();
  const edition = await render(engine);
  assert.ok(!('skipped' in edition));
  const page = await sitePage();
  const script = await spokenScript(renderPage(page.article, ASSETS, page.lexicon), page.lexicon);
  const cues = readWebvtt(await readFile(path.join(out, edition.cues), 'utf8'));
  assert.equal(cues.length, script.sentences.length);
  assert.deepEqual(
    cues.map((c) => c.text),
    script.sentences.map((s) => s.text),
  );
  assert.deepEqual(
    engine.calls,
    script.sentences.map((s) => s.text),
    'each sentence synthesized once, alone',
  );
  // Each cue is the tone (10 ms a character) with 50 ms kept either side; the engine's own
  // lead-in and tail are trimmed.
  for (const [i, cue] of cues.entries()) {
    assert.ok(
      Math.abs(cue.end - cue.start - (script.sentences[i].text.length * 0.01 + 0.1)) < 0.0015,
      `cue ${i + 1} is ${cue.end - cue.start} s`,
    );
  }
  const gap = (i: number) => cues[i + 1].start - cues[i].end;
  assert.ok(Math.abs(gap(1) - PAUSES.sentence) < 0.0015, 'sentences of one paragraph');
  assert.ok(Math.abs(gap(0) - PAUSES.block) < 0.0015, 'the title, then the first paragraph');
  assert.ok(Math.abs(gap(2) - PAUSES.section) < 0.0015, 'the end of a section');
  assert.equal(cues[0].start, 0);
  assert.ok(Math.abs(edition.seconds - cues[cues.length - 1].end) < 0.0015, 'the audio ends with the last cue');

  const chapters = readWebvtt(await readFile(path.join(out, edition.chapters), 'utf8'));
  assert.deepEqual(
    chapters.map((c) => [c.text, c.start, c.end]),
    [
      ['Opening', 0, cues[3].start],
      ['Second section', cues[3].start, cues[cues.length - 1].end],
    ],
  );
});

test('an unchanged article is not synthesized again; a changed one is', async () => {
  const first = fakeEngine();
  await render(first);
  const again = fakeEngine();
  const cached = await render(again);
  assert.deepEqual(again.calls, [], 'the rebuild asked the engine for nothing');
  assert.ok(!('skipped' in cached) && !cached.rendered);

  const changed = fakeEngine();
  await render(changed, sitePage(`${SOURCE}\nA new closing sentence.\n`));
  assert.ok(changed.calls.length > 0, 'a changed script renders anew');
  const otherVoice = Object.assign(fakeEngine(), { id: 'fake engine 2' });
  await render(otherVoice);
  assert.ok(otherVoice.calls.length > 0, 'another engine or voice renders anew');
});

test('an article no voice speaks gets no audio edition, and the result says why', async () => {
  const engine = fakeEngine({ lang: 'en-US' });
  const result = await render(engine, sitePage(SOURCE.replace('lang: en-GB', 'lang: fr')));
  assert.ok('skipped' in result);
  assert.match(result.skipped, /no installed voice speaks "fr" \(fake: en-US\)/);
  assert.deepEqual(engine.calls, []);
});

test('the MP3 has ID3 tags with the title, author and a chapter per section', async () => {
  const edition = await render(fakeEngine());
  assert.ok(!('skipped' in edition));
  const file = await readFile(path.join(out, edition.mp3));
  assert.equal(file.length, edition.bytes);
  assert.match(edition.mp3, /^assets\/audio\/index-[0-9A-F]{8}\.mp3$/);
  const tags = NodeID3.read(file);
  assert.equal(tags.title, 'Sound & <fury>');
  assert.equal(tags.artist, 'A. Writer');
  assert.equal(tags.album, 'Test edition');
  assert.deepEqual(
    tags.chapter?.map((c) => [c.elementID, c.tags?.title, c.startTimeMs, c.endTimeMs]),
    edition.chapterList.map((c, i) => [
      `chapter${i + 1}`,
      c.text,
      Math.round(c.start * 1000),
      Math.round(c.end * 1000),
    ]),
  );
  assert.deepEqual(
    tags.tableOfContents?.map((t) => [t.elementID, t.elements]),
    [['toc', ['chapter1', 'chapter2']]],
  );
  // The table of contents is the top-level one and ordered (flags 0b11), so apps list the chapters.
  const ctoc = file.indexOf('CTOC');
  assert.equal(file[ctoc + 10 + 'toc\0'.length], 0x03);
});

test('the MP3 starts with a LAME Info frame giving frames, bytes, encoder delay and padding', () => {
  const sampleRate = 16000;
  for (const length of [1, 575, 576, 16000, 12345]) {
    const samples = Int16Array.from({ length }, (_, i) => Math.round(3000 * Math.sin(i / 7)));
    const encoder = mp3Encoder({ sampleRate, kbps: 32 });
    // Fed in uneven pieces, as sentences and pauses come.
    for (let at = 0; at < length; at += 1000 + (at % 7))
      encoder.encode(samples.subarray(at, Math.min(length, at + 1000 + (at % 7))));
    const mp3 = encoder.finish();
    const info = infoTag(mp3);
    assert.equal(info.tag, 'Info');
    assert.equal(info.encoder, 'LAME3.100');
    assert.equal(info.flags, 0x3);
    assert.equal(info.bytes, mp3.length);
    const audioFrames = frames(mp3.subarray(info.header.size));
    assert.equal(info.frames, audioFrames.length);
    assert.ok(audioFrames.every((f) => f.bitrate === 32 && f.sampleRate === sampleRate && f.mono));
    assert.equal(info.delay, ENCODER_DELAY);
    // What a gapless decoder plays: every frame's samples, less the delay and the padding.
    assert.equal(info.frames * 576 - info.delay - info.padding, length, `${length} samples`);
    assert.equal(info.crc, crc16(mp3.subarray(0, info.crcAt)));
  }
});

test('an MP3 after its ID3 tag is still whole frames', async () => {
  const edition = await render(fakeEngine());
  assert.ok(!('skipped' in edition));
  const file = await readFile(path.join(out, edition.mp3));
  const info = infoTag(file);
  const stream = file.subarray(audioStart(file));
  assert.equal(frames(stream).length, info.frames + 1);
  assert.ok(Math.abs((info.frames * 576 - info.delay - info.padding) / 16000 - edition.seconds) < 1e-9);
});

test('WebVTT cue text is escaped and timestamps are exact to the millisecond', () => {
  const text = webvtt([{ id: 's1', start: 3661.0015, end: 3662.5, text: 'A <b> & c --> d' }], 'note');
  assert.match(text, /^WEBVTT\n\nNOTE note\n\ns1\n01:01:01\.002 --> 01:01:02\.500\nA &lt;b&gt; &amp; c --&gt; d\n$/);
  assert.throws(() => webvtt([{ id: 'x', start: 2, end: 2, text: 'empty' }]), /ends/);
});

test('text for Flite is ASCII: typographic quotes and dashes kept as their kin, accents dropped', () => {
  assert.equal(asciiText('She wasn’t “sure” — café naïve…'), 'She wasn\'t "sure" , cafe naive...');
  assert.equal(asciiText('日本 ok'), 'ok');
});

test('WAV files are read by their chunks', () => {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.write('WAVE', 8, 'latin1');
  header.write('fmt ', 12, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(16000, 24);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(4, 40);
  const data = Buffer.from([0x01, 0x00, 0xff, 0xff]);
  const wav = readWav(Buffer.concat([header, data]));
  assert.equal(wav.sampleRate, 16000);
  assert.deepEqual([...wav.samples], [1, -1]);
  assert.throws(() => readWav(Buffer.from('not a wav file at all, no')), /not a WAV/);
});

test('the feed escapes every value as XML', () => {
  assert.equal(
    escapeXml(`<a href="x">Tom & Jerry's\u0007</a>`),
    '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;',
  );
  const feed = podcastFeed(
    {
      title: 'A & B',
      link: 'https://example.org/',
      feedUrl: 'https://example.org/feed.xml',
      description: '<script>',
      language: 'en',
      author: "O'Brien",
      image: 'https://example.org/c.png',
      category: 'Health & Fitness',
      subcategory: 'Mental Health',
      explicit: false,
    },
    [
      {
        title: 'T <1>',
        description: 'D & d',
        link: 'https://example.org/?a=1&b=2',
        published: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)),
        authors: ['Tom & Jerry'],
        author: 'Tom & Jerry',
        language: 'en',
        audio: 'https://example.org/a.mp3',
        bytes: 123,
        seconds: 3725.4,
        transcript: 'https://example.org/a.vtt',
        chapters: 'https://example.org/a.json?a=1&b=2',
      },
    ],
  );
  // A strict XML parser reads it back to the original text.
  const doc = new JSDOM(feed, { contentType: 'application/xml' }).window.document;
  assert.equal(doc.querySelector('channel > title')?.textContent, 'A & B');
  assert.equal(doc.querySelector('channel > description')?.textContent, '<script>');
  assert.equal(doc.querySelector('item > title')?.textContent, 'T <1>');
  assert.equal(doc.querySelector('item > guid')?.textContent, 'https://example.org/?a=1&b=2');
  assert.equal(doc.querySelector('item > pubDate')?.textContent, 'Tue, 02 Jan 2024 03:04:05 GMT');
  assert.equal(doc.getElementsByTagName('itunes:duration')[0]?.textContent, '01:02:05');
  assert.equal(doc.getElementsByTagName('itunes:category')[0]?.getAttribute('text'), 'Health & Fitness');
  assert.equal(
    doc.getElementsByTagName('podcast:chapters')[0]?.getAttribute('url'),
    'https://example.org/a.json?a=1&b=2',
  );
});

test('an article without an author gets its edition and its feed, with no author named', async (t) => {
  t.mock.method(console, 'log', () => {});
  const into = await mkdtemp(path.join(tmpdir(), 'reader-edition-audio-feed-'));
  t.after(() => rm(into, { recursive: true, force: true }));
  // Dated, as a source outside git needs to be for its feed item.
  const page = await sitePage(SOURCE.replace('author: A. Writer\n', 'date: 2024-01-02\n'));
  assert.equal(page.article.meta.author, undefined);
  const edition = await render(fakeEngine(), Promise.resolve(page), into);
  assert.ok(!('skipped' in edition));
  for (const file of [edition.cues, edition.chapters]) {
    const note = (await readFile(path.join(into, file), 'utf8')).split('\n\n')[1];
    assert.match(note, /^NOTE Sound & <fury>: the audio edition's (sentences|chapters)/);
  }
  assert.equal(NodeID3.read(await readFile(path.join(into, edition.mp3))).artist, undefined);

  const written = await writePodcastFeed({
    site: [page],
    editions: new Map([[page.page, edition]]),
    config: { title: 'Test edition', language: 'en' },
    settings: 'articles/site.toml',
    title: 'Test edition',
    out: into,
    baseUrl: 'https://example.org/',
    log: () => {},
    warn: () => {},
  });
  assert.ok(written);
  const feed = new JSDOM(await readFile(path.join(into, 'feed.xml'), 'utf8'), { contentType: 'application/xml' }).window
    .document;
  assert.equal(feed.querySelectorAll('item').length, 1);
  assert.equal(feed.getElementsByTagName('itunes:author').length, 0);
  assert.equal(feed.getElementsByTagName('podcast:person').length, 0);
  assert.doesNotMatch(feed.documentElement.outerHTML, /undefined/);
});

test('no stray files: the edition writes its MP3, cues and chapters only', async () => {
  const files = await readdir(path.join(out, 'assets/audio'));
  assert.ok(
    files.every((f) => /^index-(chapters-)?[0-9A-F]{8}\.(mp3|vtt)$/.test(f)),
    files.join(', '),
  );
});
