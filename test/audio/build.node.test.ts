// Node tests of the audio edition as `npm run build` makes it (buildSite(), with the lines it
// prints kept), with the real engine: the page's metadata, cues against the player's script,
// the MP3's header, the podcast feed, the report. Builds into temporary folders; the render
// cache makes every build after the first quick.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat, writeFile, mkdir, access } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import sharp from 'sharp';
import { buildSite, type BuildOptions, type BuildReport } from '../../generator/build-site.ts';
import { fileSize } from '../../src/file-size.ts';
import { BOOK_TEXT_BUDGET } from '../../generator/book/book-figures.ts';
import { spokenScript } from '../../generator/audio/spoken-script.ts';
import { COVER_SIZE } from '../../generator/audio/podcast-feed.ts';
import { infoTag, readWebvtt } from '../helpers/audio-files.node.ts';

const BASE_URL = 'https://example.org/reader/';

let out = '';
let output = '';
let report: BuildReport;
let page: Document;

/** Builds, keeping the lines the command would print. */
async function build(options: BuildOptions): Promise<{ report: BuildReport; output: string }> {
  const lines: string[] = [];
  const built = await buildSite({ ...options, log: (line) => lines.push(line) });
  return { report: built, output: lines.join('\n') };
}

before(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'reader-edition-audio-build-'));
  // The base URL without its final slash: the build adds it.
  ({ report, output } = await build({ out, baseUrl: BASE_URL.slice(0, -1) }));
  page = new JSDOM(await readFile(path.join(out, 'index.html'), 'utf8')).window.document;
});
after(() => rm(out, { recursive: true, force: true }));

/** The page's audio data block. */
const pageAudio = () => JSON.parse(page.getElementById('audio-edition')?.textContent ?? 'null');
const fileOf = (url: string) => path.join(out, new URL(url, 'https://x/').pathname);

test('the page names its audio: file, type, size, duration, cue and chapter tracks', async () => {
  const audio = pageAudio();
  assert.match(audio.src, /^\.\/assets\/audio\/index-[0-9A-F]{8}\.mp3$/);
  assert.equal(audio.type, 'audio/mpeg');
  assert.equal(audio.bytes, (await stat(fileOf(audio.src))).size);
  assert.match(audio.cues, /^\.\/assets\/audio\/index-[0-9A-F]{8}\.vtt$/);
  assert.match(audio.chapters, /^\.\/assets\/audio\/index-chapters-[0-9A-F]{8}\.vtt$/);
  const cues = readWebvtt(await readFile(fileOf(audio.cues), 'utf8'));
  assert.ok(Math.abs(audio.seconds - cues[cues.length - 1].end) < 0.002, 'the duration is the last cue’s end');

  const jsonLd = JSON.parse(page.querySelector('script[type="application/ld+json"]')?.textContent ?? '{}');
  assert.equal(jsonLd.audio['@type'], 'AudioObject');
  assert.equal(jsonLd.audio.contentUrl, audio.src);
  assert.equal(jsonLd.audio.encodingFormat, 'audio/mpeg');
  assert.equal(jsonLd.audio.contentSize, `${(audio.bytes / 1e6).toFixed(1)} MB`);
  const [, m, s] = /^PT(\d+)M(\d+)S$/.exec(jsonLd.audio.duration) ?? [];
  assert.equal(Number(m) * 60 + Number(s), Math.round(audio.seconds));
  assert.equal(jsonLd.audio.caption.contentUrl, audio.cues);
  assert.equal(
    page.querySelector('link[rel="alternate"][type="application/rss+xml"]')?.getAttribute('href'),
    './feed.xml',
  );
});

test('the article ends with a download link named by size and length, saved under the slug, and the feed beside it', () => {
  const audio = pageAudio();
  const links = [...page.querySelectorAll('article .audio-links a')];
  assert.deepEqual(
    links.map((a) => a.textContent),
    [
      `Download audio (MP3, ${(audio.bytes / 1e6).toFixed(1)} MB, ${Math.round(audio.seconds / 60)} min)`,
      'Podcast feed',
    ],
  );
  assert.equal(links[0].getAttribute('href'), audio.src);
  assert.equal(links[0].getAttribute('download'), 'psychedelic-therapy.mp3');
  assert.equal(links[1].getAttribute('href'), './feed.xml');
  // Not part of what is read aloud: the edition marks what it adds.
  assert.ok(links[0].closest('[data-edition]'));
});

test('every sentence of the player’s script is one cue, in order, and every section a chapter', async () => {
  const html = await readFile(path.join(out, 'index.html'), 'utf8');
  const lexicon = page.getElementById('pronunciation-lexicon')?.textContent ?? null;
  const script = await spokenScript(html, lexicon);
  const audio = pageAudio();
  const cues = readWebvtt(await readFile(fileOf(audio.cues), 'utf8'));
  assert.equal(cues.length, script.sentences.length);
  assert.deepEqual(
    cues.map((c) => c.text),
    script.sentences.map((s) => s.text),
  );
  assert.ok(
    cues.some((c) => c.text.startsWith('End of quote, from ')) && cues.some((c) => c.text.startsWith('Key Idea: ')),
  );
  const chapters = readWebvtt(await readFile(fileOf(audio.chapters), 'utf8'));
  assert.deepEqual(
    chapters.map((c) => c.text),
    script.sections.map((s) => s.title),
  );
});

test('the MP3’s Info frame gives the duration the cues end at', async () => {
  const audio = pageAudio();
  const info = infoTag(await readFile(fileOf(audio.src)));
  const rate = info.header.sampleRate;
  assert.ok(info.header.mono && info.header.bitrate === 32 && rate === 16000);
  assert.ok(
    Math.abs((info.frames * info.header.samplesPerFrame - info.delay - info.padding) / rate - audio.seconds) < 1e-6,
  );
});

test('the feed has every field podcast apps need, with absolute URLs and true sizes', async () => {
  const xml = await readFile(path.join(out, 'feed.xml'), 'utf8');
  const doc = new JSDOM(xml, { contentType: 'application/xml' }).window.document;
  /** The one child element of that name (prefix included). */
  const one = (parent: Element, name: string) => {
    const found = [...parent.children].filter((e) => e.tagName === name);
    assert.equal(found.length, 1, `one <${name}> in <${parent.tagName}>`);
    return found[0];
  };
  const channel = doc.querySelector('rss > channel');
  assert.ok(channel, 'the feed has a channel');
  const article = page.querySelector('article h1')?.textContent ?? '';
  assert.equal(one(channel, 'title').textContent, `Reader edition: ${article}`);
  assert.equal(one(channel, 'link').textContent, BASE_URL);
  assert.equal(
    one(channel, 'description').textContent,
    page.querySelector('meta[name="description"]')?.getAttribute('content'),
  );
  assert.equal(one(channel, 'language').textContent, 'en');
  assert.equal(
    one(channel, 'itunes:author').textContent,
    page.querySelector('meta[name="author"]')?.getAttribute('content'),
  );
  assert.equal(one(channel, 'itunes:explicit').textContent, 'false');
  // The edition's own article has no settings file: no category rather than a wrong one, and the build says what is missing.
  assert.equal(channel.getElementsByTagName('itunes:category').length, 0);
  assert.deepEqual(
    report.diagnostics
      .filter((d) => d.rule === 'podcast-feed')
      .map((d) => [path.relative(process.cwd(), d.file), d.line, d.severity, d.message.split(',')[0]]),
    [
      ['assets/articles/site.toml', 1, 'warning', 'the podcast feed has no category'],
      ['assets/articles/site.toml', 1, 'warning', 'the podcast feed names no owner email'],
    ],
  );
  assert.equal(one(channel, 'atom:link').getAttribute('href'), `${BASE_URL}feed.xml`);

  const image = one(channel, 'itunes:image').getAttribute('href') ?? '';
  assert.ok(image.startsWith(`${BASE_URL}assets/audio/cover-`), image);
  const cover = await sharp(await readFile(path.join(out, image.slice(BASE_URL.length)))).metadata();
  assert.deepEqual([cover.format, cover.width, cover.height, cover.hasAlpha], ['png', COVER_SIZE, COVER_SIZE, false]);

  const items = [...channel.getElementsByTagName('item')];
  assert.equal(items.length, 1);
  const item = items[0];
  const audio = pageAudio();
  assert.equal(one(item, 'title').textContent, article);
  assert.equal(
    one(item, 'description').textContent,
    page.querySelector('meta[name="description"]')?.getAttribute('content'),
  );
  assert.equal(one(item, 'guid').textContent, BASE_URL);
  assert.equal(one(item, 'guid').getAttribute('isPermaLink'), 'true');
  assert.ok(!Number.isNaN(Date.parse(one(item, 'pubDate').textContent ?? '')), 'pubDate is a date');
  const enclosure = one(item, 'enclosure');
  assert.equal(enclosure.getAttribute('url'), new URL(audio.src, BASE_URL).href);
  assert.equal(enclosure.getAttribute('type'), 'audio/mpeg');
  assert.equal(Number(enclosure.getAttribute('length')), (await stat(fileOf(audio.src))).size);
  const [h, m, s] = (one(item, 'itunes:duration').textContent ?? '').split(':').map(Number);
  assert.equal(h * 3600 + m * 60 + s, Math.round(audio.seconds));
  assert.equal(one(item, 'podcast:transcript').getAttribute('url'), new URL(audio.cues, BASE_URL).href);
  assert.equal(one(item, 'podcast:transcript').getAttribute('language'), 'en');
  const byline = page.querySelector('meta[name="author"]')?.getAttribute('content');
  assert.equal(one(item, 'itunes:author').textContent, byline);
  assert.equal(one(item, 'podcast:person').textContent, byline);

  // Every URL is absolute, on the site, and names a file the build wrote.
  const urls = [...xml.matchAll(/ (?:href|url)="([^"]+)"|<(?:link|guid)[^>]*>([^<]+)</g)].map(
    (match) => match[1] ?? match[2],
  );
  assert.ok(urls.length >= 7, urls.join(' '));
  for (const url of urls) {
    assert.ok(url.startsWith(BASE_URL), url);
    await access(path.join(out, new URL(url).pathname.slice(new URL(BASE_URL).pathname.length) || 'index.html'));
  }
});

test('the build reports the audio: size, duration, bytes a minute, cues, render time', () => {
  assert.match(
    output,
    /^ {2}assets\/audio\/index-[0-9A-F]{8}\.mp3 +[\d.]+ MB, \d+:\d\d, \d+ KB a minute \(32 kbps mono\), \d+ cues, 13 chapters$/m,
  );
  assert.match(output, /(rendered|from the cache \(rendered) in [\d.]+ s with slt, \d+× real time/);
  assert.match(output, /^audio: feed\.xml: 1 episode, at https:\/\/example\.org\/reader\/feed\.xml$/m);
  // And in the report's figures, as the page describes it.
  const audio = pageAudio();
  const [edition] = report.figures.audio.editions;
  assert.deepEqual(
    {
      page: edition.page,
      mp3: `./${edition.mp3}`,
      bytes: edition.bytes,
      voice: edition.voice,
      chapters: edition.chapters,
    },
    { page: 'index.html', mp3: audio.src, bytes: audio.bytes, voice: audio.voice, chapters: 13 },
  );
  assert.equal(report.figures.audio.editions.length, 1);
  assert.equal(report.figures.audio.feed, `${BASE_URL}feed.xml`);
});

test('the audio is not precached: a first visit does not download it', async () => {
  const sw = await readFile(path.join(out, 'sw.js'), 'utf8');
  // The worker names the audio's folder (it serves kept audio in ranges), but its precache list does not.
  const list = /\[\{"revision"[^\]]*\]/.exec(sw);
  assert.ok(list, 'sw.js holds an injected precache list');
  assert.doesNotMatch(list[0], /assets\/audio\//);
});

test('the article’s book is narrated by the site’s own MP3, byte for byte, and carries its lexicon', async () => {
  const { src, download } = pageAudio();
  const mp3 = await readFile(fileOf(src));
  // The book the page offers, saved under the audio's name.
  const offer = page.querySelector('article .audio-links + .book-link a');
  assert.equal(offer?.getAttribute('download'), download.replace(/\.mp3$/, '.epub'));
  const bookFile = offer?.getAttribute('href')?.replace(/^\.\//, '') ?? '';
  const book = await readFile(path.join(out, bookFile));
  // Stored as it is (the MP3 is compressed already): its bytes are in the container whole.
  assert.ok(book.includes(mp3));
  // The hard words the seed holds (psilocybin, Carhart Harris…) go with it, by name in the container.
  assert.ok(book.includes('EPUB/lexicon.pls'));
  // Within budget but for the MP3, which the report counts apart.
  const figures = report.figures.books.find((b) => b.file === bookFile);
  assert.deepEqual([figures?.bytes, figures?.narration, figures?.pictures], [book.length, mp3.length, 0]);
  assert.ok(figures && figures.rest < BOOK_TEXT_BUDGET && figures.rest > 0, `${figures?.rest} bytes besides the MP3`);
  // Offered beside the audio download, said to be narrated, with its size.
  assert.equal(offer?.textContent, `Download as an e-book (EPUB with narration, ${fileSize(book.length)})`);
});

test('a rebuild takes the audio from the cache; without a base URL it says there is no feed', async () => {
  const again = await mkdtemp(path.join(tmpdir(), 'reader-edition-audio-rebuild-'));
  // The build would take the address from the environment too.
  const given = process.env.SITE_BASE_URL;
  delete process.env.SITE_BASE_URL;
  try {
    const { output: stdout, report: rebuilt } = await build({ out: again });
    assert.equal(rebuilt.figures.audio.editions[0]?.rendered, false);
    assert.equal(rebuilt.figures.audio.feed, undefined);
    assert.match(stdout, /from the cache \(rendered in/);
    assert.doesNotMatch(stdout, /rendering \d+ sentences/);
    assert.match(
      stdout,
      /audio: no podcast feed: it needs the site's absolute address \(--base-url URL, or SITE_BASE_URL\)/,
    );
    await assert.rejects(access(path.join(again, 'feed.xml')));
    assert.doesNotMatch(await readFile(path.join(again, 'index.html'), 'utf8'), /application\/rss\+xml/);
    // The same audio, byte for byte, under the same name.
    assert.deepEqual(await readFile(path.join(again, pageAudio().src)), await readFile(fileOf(pageAudio().src)));
  } finally {
    if (given !== undefined) process.env.SITE_BASE_URL = given;
    await rm(again, { recursive: true, force: true });
  }
});

test('an article in a language no voice speaks gets no audio edition, and the build says so', async () => {
  const articles = await mkdtemp(path.join(tmpdir(), 'reader-edition-audio-articles-'));
  const french = await mkdtemp(path.join(tmpdir(), 'reader-edition-audio-fr-'));
  try {
    await mkdir(articles, { recursive: true });
    await writeFile(
      path.join(articles, 'bonjour.md'),
      '---\ntitle: Bonjour\nauthor: Quelqu’un\nlang: fr\ndescription: Un article court.\n---\n\nUn paragraphe.\n\n## Une section\n\nUne phrase.\n',
    );
    const { output: stdout, report: built } = await build({ out: french, articles, baseUrl: BASE_URL });
    assert.deepEqual(built.figures.audio, { editions: [] });
    assert.match(stdout, /^audio: index\.html: no audio edition: no installed voice speaks "fr" \(slt: en-US\)$/m);
    assert.match(stdout, /^audio: no podcast feed: no article has an audio edition$/m);
    const html = await readFile(path.join(french, 'index.html'), 'utf8');
    assert.doesNotMatch(html, /id="audio-edition"|AudioObject/);
  } finally {
    await rm(articles, { recursive: true, force: true });
    await rm(french, { recursive: true, force: true });
  }
});
