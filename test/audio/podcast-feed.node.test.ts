// The podcast feed as podcast apps read it: a site of several articles, built with the real
// engine, whose channel comes from the `[podcast]` settings and whose items each name their own
// article's author and language; only articles with audio are episodes. The feed is parsed as
// strict XML (jsdom's parser refuses what is not well-formed), hostile text included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import sharp from 'sharp';
import { buildSite } from '../../generator/build-site.ts';
import { podcastFeed } from '../../generator/audio/podcast-feed.ts';
import { fileSize } from '../../src/file-size.ts';
import { inTempFolder, parse } from '../site/publisher-folder.node.ts';

const BASE_URL = 'https://listen.example.org/';

/** Text that would break a feed written without escaping. */
const HOSTILE = 'Salt & Pepper: <b>bold</b> ]]> "quoted" it\'s';

const SETTINGS = `title = "Field & Stream"
description = "Notes on rivers & the people who walk them."
language = "en"
author = "The Site's Author"

[podcast]
category = "Education"
subcategory = "How To"
owner_name = "Rivers Desk"
owner_email = "podcasts@example.org"
explicit = true
publisher = "Acme & Sons"
image = "cover.png"
`;

const ARTICLES = {
  'site.toml': SETTINGS,
  'walking.md': `---\ntitle: '${HOSTILE.replace(/'/g, "''")}'\nauthor: Ada Lovelace\nlang: en-GB\ndate: 2024-03-01\ndescription: A walk & a talk.\n---\n\nWe walked along the river.\n`,
  'post #1?.md': `---\ntitle: Two Authors\nauthors: [Grace Hopper, Alan Turing]\ndate: 2024-02-01\n---\n\nThe water was cold.\n`,
  // The newest article has no audio (no voice speaks French here): it must not describe the channel.
  'nouvelles.md': `---\ntitle: Nouvelles\nauthor: Jean Valjean\nlang: fr\ndate: 2024-04-01\ndescription: Le plus récent.\n---\n\nIl pleuvait.\n`,
};

/** A square PNG for the cover. */
const cover = (size: number) =>
  sharp({ create: { width: size, height: size, channels: 3, background: '#204060' } })
    .png()
    .toBuffer();

/** Builds a folder into `out` beside it, the lines the command would print kept. */
async function build(dir: string, options: { audio?: boolean; baseUrl?: string } = {}) {
  const lines: string[] = [];
  const out = path.join(dir, '..', `${path.basename(dir)}-out-${options.audio === false ? 'silent' : 'audio'}`);
  const report = await buildSite({ articles: dir, out, log: (line) => lines.push(line), ...options });
  return { report, out, output: lines.join('\n') };
}

/** The one child element of that name (prefix included). */
function one(parent: Element, name: string): Element {
  const found = [...parent.children].filter((e) => e.tagName === name);
  assert.equal(found.length, 1, `one <${name}> in <${parent.tagName}>`);
  return found[0];
}
const texts = (parent: Element, name: string) =>
  [...parent.children].filter((e) => e.tagName === name).map((e) => e.textContent);

test('the channel comes from the settings, each episode names its own author and language, sizes are exact', async (t) => {
  await inTempFolder({ files: { ...ARTICLES, 'cover.png': await cover(1400) } }, async (dir) => {
    const { report, out } = await build(dir, { baseUrl: BASE_URL });
    t.after(() => rm(out, { recursive: true, force: true }));
    const xml = await readFile(path.join(out, 'feed.xml'), 'utf8');
    const doc = new JSDOM(xml, { contentType: 'application/xml' }).window.document;
    const channel = doc.querySelector('rss > channel');
    assert.ok(channel);

    assert.equal(one(channel, 'title').textContent, 'Field & Stream');
    assert.equal(one(channel, 'description').textContent, 'Notes on rivers & the people who walk them.');
    assert.equal(one(channel, 'language').textContent, 'en');
    assert.equal(one(channel, 'itunes:author').textContent, "The Site's Author");
    const owner = one(channel, 'itunes:owner');
    assert.deepEqual(
      [one(owner, 'itunes:name').textContent, one(owner, 'itunes:email').textContent],
      ['Rivers Desk', 'podcasts@example.org'],
    );
    assert.equal(one(channel, 'dc:publisher').textContent, 'Acme & Sons');
    assert.equal(one(channel, 'itunes:explicit').textContent, 'true');
    const category = one(channel, 'itunes:category');
    assert.equal(category.getAttribute('text'), 'Education');
    assert.equal(one(category, 'itunes:category').getAttribute('text'), 'How To');
    const image = one(channel, 'itunes:image').getAttribute('href') ?? '';
    assert.match(image, /^https:\/\/listen\.example\.org\/assets\/audio\/cover-[0-9A-F]{8}\.png$/);
    const published = await readFile(path.join(out, new URL(image).pathname));
    assert.deepEqual(
      published,
      await readFile(path.join(dir, 'cover.png')),
      'a cover Apple takes is published as given',
    );

    // Two episodes, newest first; the French article, the newest, has no audio and is no episode.
    const items = [...channel.getElementsByTagName('item')];
    assert.deepEqual(
      items.map((item) => one(item, 'title').textContent),
      [HOSTILE, 'Two Authors'],
    );
    const [walking, two] = items;
    assert.equal(one(walking, 'itunes:author').textContent, 'Ada Lovelace');
    assert.deepEqual(texts(walking, 'podcast:person'), ['Ada Lovelace']);
    assert.equal(one(walking, 'podcast:transcript').getAttribute('language'), 'en-GB');
    assert.equal(one(two, 'itunes:author').textContent, 'Grace Hopper and Alan Turing');
    assert.equal(one(two, 'dc:creator').textContent, 'Grace Hopper and Alan Turing');
    assert.deepEqual(texts(two, 'podcast:person'), ['Grace Hopper', 'Alan Turing']);
    assert.equal(one(two, 'podcast:transcript').getAttribute('language'), 'en');
    assert.equal(one(two, 'link').textContent, `${BASE_URL}post-1.html`);
    for (const item of items) {
      const enclosure = one(item, 'enclosure');
      const file = path.join(out, new URL(enclosure.getAttribute('url') ?? '').pathname);
      assert.equal(enclosure.getAttribute('length'), String((await stat(file)).size));
    }
    // Nothing is missing that a podcast app needs, so the build has nothing to say of the feed.
    assert.deepEqual(
      report.diagnostics.filter((d) => d.rule === 'podcast-feed'),
      [],
    );

    // The page of "post #1?.md": its download is saved under the page's URL-safe name, its size in KB.
    const page = parse(await readFile(path.join(out, 'post-1.html'), 'utf8'));
    const audio = JSON.parse(page.getElementById('audio-edition')?.textContent ?? 'null');
    assert.equal(audio.download, 'post-1.mp3');
    const link = page.querySelector('article .audio-links a[download]');
    assert.equal(link?.getAttribute('download'), 'post-1.mp3');
    assert.ok(audio.bytes < 1e6, 'a few seconds of audio');
    assert.equal(link?.textContent, `Download audio (MP3, ${Math.round(audio.bytes / 1e3)} KB, 1 min)`);
  });
});

test('without settings for it, the feed has no category and the build warns, at the settings file, of what apps need', async () => {
  await inTempFolder({ files: { 'post #1?.md': ARTICLES['post #1?.md'] } }, async (dir) => {
    const { report, out } = await build(dir, { baseUrl: BASE_URL });
    try {
      const doc = new JSDOM(await readFile(path.join(out, 'feed.xml'), 'utf8'), { contentType: 'application/xml' })
        .window.document;
      assert.equal(doc.getElementsByTagName('itunes:category').length, 0);
      assert.equal(doc.getElementsByTagName('itunes:owner').length, 0);
      // The only article's authors are the show's.
      assert.deepEqual(
        [...doc.getElementsByTagName('itunes:author')].map((e) => [e.parentElement?.tagName, e.textContent]),
        [
          ['channel', 'Grace Hopper and Alan Turing'],
          ['item', 'Grace Hopper and Alan Turing'],
        ],
      );
      assert.deepEqual(
        report.diagnostics
          .filter((d) => d.rule === 'podcast-feed')
          .map((d) => `${path.relative(dir, d.file)}:${d.line}: ${d.severity}`),
        ['site.toml:1: warning', 'site.toml:1: warning'],
      );
      assert.match(report.diagnostics.map((d) => d.message).join('\n'), /no category, which Apple Podcasts requires/);
      assert.match(report.diagnostics.map((d) => d.message).join('\n'), /no owner email/);
      // A site's only article is index.html; its download still takes its source's name, made URL-safe.
      const page = parse(await readFile(path.join(out, 'index.html'), 'utf8'));
      assert.equal(JSON.parse(page.getElementById('audio-edition')?.textContent ?? 'null').download, 'post-1.mp3');
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});

test('a build without audio writes no feed and says nothing of one or of audio', async () => {
  await inTempFolder({ files: { ...ARTICLES, 'cover.png': await cover(1400) } }, async (dir) => {
    const { report, out, output } = await build(dir, { audio: false, baseUrl: BASE_URL });
    try {
      assert.doesNotMatch(output, /feed|^audio:/m);
      assert.deepEqual(report.figures.audio, { editions: [] });
      assert.ok(!report.files.some((f) => f.path === 'feed.xml'));
      assert.ok(!report.diagnostics.some((d) => d.rule === 'podcast-feed'));
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});

test('the feed stays well-formed XML whatever the text: ampersands, markup, "]]>", control characters', () => {
  const hostile = `A & B <i>x</i> ]]> <![CDATA[ y ]]> \u0000\u0007\u001b\uffff end`;
  const kept = 'A & B <i>x</i> ]]> <![CDATA[ y ]]>  end';
  const xml = podcastFeed(
    {
      title: hostile,
      link: 'https://example.org/?a=1&b=2',
      feedUrl: 'https://example.org/feed.xml',
      description: hostile,
      language: 'en',
      author: hostile,
      owner: { name: hostile, email: 'a&b@example.org' },
      publisher: hostile,
      image: 'https://example.org/c.png',
      category: 'Health & Fitness',
      subcategory: 'Mental Health',
      explicit: false,
    },
    [
      {
        title: hostile,
        description: hostile,
        link: 'https://example.org/a.html?x=<1>',
        published: new Date(Date.UTC(2024, 0, 2)),
        authors: [hostile, 'Other'],
        author: hostile,
        language: 'en-GB',
        audio: 'https://example.org/a.mp3',
        bytes: 24_576,
        seconds: 6,
        transcript: 'https://example.org/a.vtt',
        chapters: 'https://example.org/a.json',
      },
    ],
  );
  const doc = new JSDOM(xml, { contentType: 'application/xml' }).window.document;
  const channel = doc.querySelector('rss > channel');
  assert.ok(channel);
  for (const name of ['title', 'description', 'itunes:author', 'dc:publisher'])
    assert.equal(one(channel, name).textContent, kept, name);
  assert.equal(one(one(channel, 'itunes:owner'), 'itunes:name').textContent, kept);
  assert.equal(one(channel, 'link').textContent, 'https://example.org/?a=1&b=2');
  const item = one(channel, 'item');
  for (const name of ['title', 'description', 'itunes:author', 'dc:creator'])
    assert.equal(one(item, name).textContent, kept);
  assert.deepEqual(texts(item, 'podcast:person'), [kept, 'Other']);
  assert.equal(one(item, 'enclosure').getAttribute('length'), '24576');
  assert.equal(one(item, 'guid').textContent, 'https://example.org/a.html?x=<1>');
});

test('sizes for people: KB below a megabyte, MB with one decimal from one on, GB from a gigabyte on', () => {
  assert.deepEqual(
    [1, 499, 24_576, 640_000, 999_499, 999_500, 1_000_000, 3_249_999, 12_345_678, 999_949_999, 999_950_000].map(
      (bytes) => fileSize(bytes),
    ),
    ['1 KB', '1 KB', '25 KB', '640 KB', '999 KB', '1.0 MB', '1.0 MB', '3.2 MB', '12.3 MB', '999.9 MB', '1.0 GB'],
  );
  assert.equal(fileSize(312_400_000_000), '312.4 GB');
});
