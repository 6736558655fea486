// The `[podcast]` settings are checked like the site's others: a wrong type, an unknown Apple
// category, a malformed address or a cover podcast apps refuse stops the build at the settings
// file's line, saying what to write instead; an unknown key or a small cover is a warning.
// One fixture folder per case under test/fixtures/publisher-mistakes/podcast-*.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadSiteConfig } from '../../generator/site-config.ts';
import { buildSite } from '../../generator/build-site.ts';
import { PODCAST_CATEGORIES } from '../../generator/audio/podcast-categories.ts';
import type { Diagnostic } from '../../generator/diagnostics.ts';
import { inTempFolder, rejectsAt, said, unchanged } from './publisher-folder.node.ts';

const MISTAKES = 'test/fixtures/publisher-mistakes';

const REFUSED: [folder: string, file: string, line: number, message: RegExp][] = [
  [
    'podcast-category-unknown',
    'site.toml',
    5,
    /^"Psychology" is not one of Apple's podcast categories, which podcast apps refuse: choose one of Arts, Business, .*, TV & Film$/,
  ],
  ['podcast-category-case', 'site.toml', 4, /^the podcast category is written "Technology", not "technology"$/],
  [
    'podcast-subcategory-wrong',
    'site.toml',
    5,
    /^"Mental Health" is not a subcategory of "Arts": choose one of Books, Design, Fashion & Beauty, Food, Performing Arts, Visual Arts$/,
  ],
  ['podcast-subcategory-alone', 'site.toml', 2, /^a subcategory needs its category: add "category"/],
  ['podcast-explicit-text', 'site.toml', 5, /^"podcast\.explicit" must be true or false \(without quotes\), not "no"$/],
  [
    'podcast-owner-email',
    'site.toml',
    6,
    /^"editor at example\.org" is not an email address: give the one podcast directories/,
  ],
  [
    'podcast-not-table',
    'site.json',
    3,
    /^"podcast" must be a table of the feed's settings, such as "podcast": \{ "category"/,
  ],
  ['podcast-wrong-type', 'site.json', 5, /^"podcast\.title" must be non-empty text, not 42$/],
  [
    'podcast-language',
    'site.toml',
    5,
    /^the podcast's language must be a BCP 47 tag such as "en" or "fr-CA", not "English"$/,
  ],
  ['podcast-image-missing', 'site.toml', 5, /^the podcast image "art\/cover\.png" is not there: give a picture's path/],
  ['podcast-image-outside', 'site.toml', 5, /is outside the articles folder: put it in the folder$/],
  [
    'podcast-image-not-square',
    'site.toml',
    5,
    /^the podcast image "cover\.png" is 1400×1000 px: .* crop it to a square$/,
  ],
];

for (const [folder, file, line, message] of REFUSED) {
  test(`${folder}: ${file}:${line} says what is wrong and what to write`, async () => {
    const dir = path.join(MISTAKES, folder);
    await rejectsAt(
      loadSiteConfig(dir, () => {}),
      path.join(dir, file),
      line,
      'site-config',
      message,
    );
  });
}

test('a refused podcast setting stops the build before anything is written, the sources untouched', async () => {
  const dir = path.join(MISTAKES, 'podcast-image-not-square');
  const out = path.join(await mkdtemp(path.join(tmpdir(), 'reader-edition-podcast-settings-')), 'site');
  try {
    await unchanged(dir, () =>
      rejectsAt(
        buildSite({ articles: dir, out, audio: false }),
        path.join(dir, 'site.toml'),
        5,
        'site-config',
        /crop it to a square/,
      ),
    );
    await assert.rejects(access(out), 'no site was written');
  } finally {
    await rm(path.dirname(out), { recursive: true, force: true });
  }
});

test('an unknown podcast key and a cover Apple finds too small are warnings at their lines', async () => {
  for (const [folder, expected] of [
    [
      'podcast-unknown-key',
      /^site\.toml:6: warning: "podcast\.itunes_type" is not a podcast setting this edition uses \(it knows title, description, language, author, owner_name, owner_email, category, subcategory, explicit, publisher, image, episodes\); ignored$/,
    ],
    [
      'podcast-image-small',
      /^site\.toml:5: warning: the podcast image "cover\.jpg" is 600 px wide: Apple Podcasts refuses a cover under 1400 px; give one of 1400–3000 px$/,
    ],
  ] as const) {
    const dir = path.join(MISTAKES, folder);
    const warnings: Diagnostic[] = [];
    const config = await loadSiteConfig(dir, (w) => warnings.push(w));
    assert.equal(warnings.length, 1, folder);
    assert.match(said(warnings, dir)[0], expected);
    assert.ok(config.podcast?.category, 'the rest of the table is kept');
  }
});

test('every setting is read as written, from a TOML table, TOML dotted keys or JSON', async () => {
  const settings = {
    title: 'The Show',
    description: 'About the show.',
    language: 'en-GB',
    author: 'A. Host',
    owner_name: 'The Desk',
    owner_email: 'desk@example.org',
    category: 'Society & Culture',
    subcategory: 'Documentary',
    explicit: true,
    publisher: 'Acme',
  };
  const expected = {
    title: 'The Show',
    description: 'About the show.',
    language: 'en-GB',
    author: 'A. Host',
    ownerName: 'The Desk',
    ownerEmail: 'desk@example.org',
    category: 'Society & Culture',
    subcategory: 'Documentary',
    explicit: true,
    publisher: 'Acme',
  };
  const toml = (prefix: string) =>
    Object.entries(settings)
      .map(([key, value]) => `${prefix}${key} = ${JSON.stringify(value)}`)
      .join('\n');
  for (const [name, text, line] of [
    ['site.toml', `title = "T"\n\n[podcast]\n${toml('')}\n`, 3],
    ['site.toml', `title = "T"\n${toml('podcast.')}\n`, 2],
    ['site.json', JSON.stringify({ title: 'T', podcast: settings }, null, 2), 3],
  ] as const) {
    await inTempFolder({ files: { [name]: text } }, async (dir) => {
      const { podcast } = await loadSiteConfig(dir, () => assert.fail('no warning'));
      assert.deepEqual(podcast, { ...expected, file: path.join(dir, name), line }, text);
    });
  }
  // Apple's list as data: no subcategory named twice.
  const subcategories = Object.values(PODCAST_CATEGORIES).flat();
  assert.equal(new Set(subcategories).size, subcategories.length);
});
