// The podcast feed's chapters, as a podcast app reads them: every episode of a site with a base
// URL links a JSON chapters file beside its transcript (`podcast:chapters`, with its url and
// type), the file holds only the fields the Podcasting 2.0 namespace documents for the format
// (docs/examples/chapters/jsonChapters.md in Podcastindex-org/podcast-namespace), with the
// sections of the edition's chapters WebVTT, and it is listed in the build report and served
// with the namespace's type. Built once with the real engine, from two small articles.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { buildSite, type BuildReport } from '../../generator/build-site.ts';
import { HEADERS_FILE } from '../../generator/page/headers.ts';
import { folder, startStaticServer } from '../../generator/serve.ts';
import { readWebvtt } from '../helpers/audio-files.node.ts';
import { inTempFolder, parse } from './publisher-folder.node.ts';

const BASE_URL = 'https://listen.example.org/notes/';
const TYPE = 'application/json+chapters';

/** The format's documented fields: the file's, and each chapter's. */
const FILE_FIELDS = ['version', 'chapters', 'author', 'title', 'podcastName', 'description', 'fileName', 'waypoints'];
const CHAPTER_FIELDS = ['startTime', 'title', 'img', 'url', 'toc', 'endTime', 'location'];

const ARTICLES = {
  'site.toml': 'title = "Field Notes"\ndescription = "Notes on rivers."\nlanguage = "en"\n',
  'rivers.md': `---\ntitle: Rivers\nauthor: Ada Lovelace\ndate: 2024-03-01\ndescription: On rivers.\n---\n\nWe walked along the river.\n\n## The source\n\nIt starts as a spring.\n\n## The mouth\n\nIt ends in the sea. The tide comes in.\n`,
  'hills.md': `---\ntitle: Hills & Valleys\nauthor: Grace Hopper\ndate: 2024-02-01\ndescription: On hills.\n---\n\nThe hills were green.\n\n## Climbing\n\nWe climbed all day.\n`,
};

let out = '';
let report: BuildReport;
let output = '';
let items: Element[] = [];

before(async () => {
  // The folder is removed by inTempFolder once the build has read it; the output stays for the tests.
  out = await mkdtemp(path.join(tmpdir(), 'reader-edition-chapters-'));
  await inTempFolder({ files: ARTICLES }, async (articles) => {
    const lines: string[] = [];
    report = await buildSite({ articles, out, baseUrl: BASE_URL, log: (line) => lines.push(line) });
    output = lines.join('\n');
  });
  const xml = await readFile(path.join(out, 'feed.xml'), 'utf8');
  items = [
    ...new JSDOM(xml, { contentType: 'application/xml' }).window.document.querySelectorAll('rss > channel > item'),
  ];
});
after(() => rm(out, { recursive: true, force: true }));

/** The one child element of that name (prefix included). */
function one(parent: Element, name: string): Element {
  const found = [...parent.children].filter((e) => e.tagName === name);
  assert.equal(found.length, 1, `one <${name}> in <${parent.tagName}>`);
  return found[0];
}

/** A URL of the site, as the file under the output folder it names. */
function fileOf(url: string): string {
  assert.ok(url.startsWith(BASE_URL), `${url} is on the site`);
  return url.slice(BASE_URL.length);
}

/** The page's audio edition, as its data block gives it. */
async function pageAudio(link: string) {
  const page = fileOf(link) || 'index.html';
  const html = await readFile(path.join(out, page), 'utf8');
  return JSON.parse(parse(html).getElementById('audio-edition')?.textContent ?? 'null') as {
    src: string;
    chapters: string;
  };
}

test('every episode links its transcript and its chapters, each with a url and a type', () => {
  assert.equal(items.length, 2);
  for (const item of items) {
    const transcript = one(item, 'podcast:transcript');
    assert.ok(transcript.getAttribute('url'));
    assert.equal(transcript.getAttribute('type'), 'text/vtt');
    const chapters = one(item, 'podcast:chapters');
    assert.match(
      chapters.getAttribute('url') ?? '',
      /^https:\/\/listen\.example\.org\/notes\/assets\/audio\/chapters\/.+\.json$/,
    );
    assert.equal(chapters.getAttribute('type'), TYPE);
  }
});

test('each chapters file has the documented fields only, in order, and the sections of the edition’s chapters WebVTT', async () => {
  for (const item of items) {
    const url = one(item, 'podcast:chapters').getAttribute('url')!;
    const file = JSON.parse(await readFile(path.join(out, fileOf(url)), 'utf8')) as Record<string, unknown>;
    for (const key of Object.keys(file)) assert.ok(FILE_FIELDS.includes(key), `"${key}" is a documented field`);
    assert.equal(file.version, '1.2.0');
    assert.equal(file.title, one(item, 'title').textContent);
    assert.equal(file.author, one(item, 'itunes:author').textContent);
    assert.equal(file.podcastName, 'Field Notes');
    const mp3 = one(item, 'enclosure').getAttribute('url')!;
    assert.equal(file.fileName, path.posix.basename(mp3));

    assert.ok(Array.isArray(file.chapters) && file.chapters.length > 0, 'a non-empty array of chapters');
    const chapters = file.chapters as Record<string, unknown>[];
    for (const [i, chapter] of chapters.entries()) {
      for (const key of Object.keys(chapter)) assert.ok(CHAPTER_FIELDS.includes(key), `chapter ${i}: "${key}"`);
      assert.equal(typeof chapter.startTime, 'number', `chapter ${i}: startTime is a number`);
      assert.equal(typeof chapter.endTime, 'number', `chapter ${i}: endTime is a number`);
      assert.equal(typeof chapter.title, 'string', `chapter ${i}: title is a string`);
      assert.ok((chapter.endTime as number) > (chapter.startTime as number), `chapter ${i} has a length`);
      // In ascending order of startTime, as the format assumes, each running to the next.
      if (i > 0) assert.equal(chapter.startTime, chapters[i - 1].endTime, `chapter ${i} starts where ${i - 1} ends`);
    }
    assert.equal(chapters[0].startTime, 0);

    // The same sections, at the same times (to the millisecond), as the page's chapters track.
    const audio = await pageAudio(one(item, 'link').textContent!);
    assert.equal(path.posix.basename(audio.src), file.fileName);
    const track = readWebvtt(await readFile(path.join(out, audio.chapters), 'utf8'));
    assert.deepEqual(
      chapters.map((c) => [c.title, c.startTime, c.endTime]),
      track.map((cue) => [cue.text, cue.start, cue.end]),
    );
  }
  const rivers = items.find((item) => one(item, 'title').textContent === 'Rivers')!;
  const file = JSON.parse(
    await readFile(path.join(out, fileOf(one(rivers, 'podcast:chapters').getAttribute('url')!)), 'utf8'),
  ) as { chapters: { title: string }[] };
  assert.deepEqual(
    file.chapters.map((c) => c.title),
    ['Opening', 'The source', 'The mouth'],
  );
});

test('the build report lists each chapters file, and the server and the _headers file give it the namespace’s type', async () => {
  const linked = items.map((item) => fileOf(one(item, 'podcast:chapters').getAttribute('url')!)).sort();
  assert.deepEqual(report.figures.audio.editions.map((e) => e.podcastChapters).sort(), linked);
  for (const file of linked) {
    assert.ok(
      report.files.some((written) => written.path === file),
      `${file} among the files written`,
    );
    assert.match(output, new RegExp(`^ {2}${file.replace(/[.]/g, '\\.')}: the chapters of https://`, 'm'));
  }
  const server = await startStaticServer({ resolve: folder(out), lifetimeMs: 60_000 });
  try {
    for (const file of linked) {
      const response = await fetch(`${server.origin}/${file}`);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), TYPE);
      assert.ok(JSON.parse(await response.text()), 'served whole');
    }
    // Other JSON keeps its own type.
    const voices = report.files.find((written) => /^voices\/.+\.json$/.test(written.path));
    assert.ok(voices, 'the build writes voice lists');
    assert.equal((await fetch(`${server.origin}/${voices.path}`)).headers.get('content-type'), 'application/json');
  } finally {
    await server.close();
  }
  const headers = await readFile(path.join(out, HEADERS_FILE), 'utf8');
  assert.match(headers, /^\/assets\/audio\/chapters\/\*\n {2}Content-Type: application\/json\+chapters$/m);
});
