// Node tests of publication dates: the day shown is the day written, whatever the offset
// written with it or the time zone of the machine that builds; a date that is not one in the
// calendar, or whose day and month readers of different countries would read apart, stops the
// build at its line. Run under several zones (TZ=America/Los_Angeles, TZ=Asia/Tokyo): each test
// also renders under others itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { renderArticle } from '../../generator/article/article.ts';
import { readWrittenDate } from '../../generator/article/dates.ts';
import { renderIndexPage, renderPage } from '../../generator/page/page.ts';
import { loadSite } from '../../generator/site.ts';
import { PAGE_ASSETS, parse, rejectsAt, unchanged } from '../site/publisher-folder.node.ts';

const MISTAKES = 'test/fixtures/publisher-mistakes';

/** Time zones either side of UTC, as far as they go. */
const ZONES = ['America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC'];

/** Runs a check under each zone in turn (Node reads TZ again when it changes), then puts the machine's back. */
async function inEveryZone(check: (zone: string) => Promise<void>): Promise<void> {
  const own = process.env.TZ;
  try {
    for (const zone of ZONES) {
      process.env.TZ = zone;
      await check(zone);
    }
  } finally {
    if (own === undefined) delete process.env.TZ;
    else process.env.TZ = own;
  }
}

test('a date that is not in the calendar, or gives day and month in a country’s order, stops the build at its line', async () => {
  const dir = `${MISTAKES}/impossible-dates`;
  await unchanged(dir, async () => {
    for (const [name, message] of [
      // YAML would read it as March 1, and smol-toml (TOML) too.
      ['february-30.md', /^"date" 2024-02-30 is not a date: February 2024 has 29 days$/],
      ['toml-february-30.md', /^"date" 2024-02-30 is not a date: February 2024 has 29 days$/],
      // YAML would read it as February 14, 2025.
      ['month-13.md', /^"date" 2024-13-45 is not a date: there is no month 13$/],
      // new Date() would read it in the machine's zone; a reader in Europe, as the 5th of month 31.
      [
        'month-first.md',
        /^"date" 05\/31\/2024 gives day and month in an order that differs between countries: write year-month-day: 2024-05-31$/,
      ],
    ] as const) {
      const file = path.join(dir, name);
      const source = await readFile(file, 'utf8');
      await inEveryZone(() => rejectsAt(renderArticle(source, file), file, 3, 'front-matter-value', message));
    }
  });
});

test('dates as written: each form read, each mistake named with what to write', () => {
  const cases: [string, string][] = [
    ['2024-05-31', '2024-05-31'],
    ['2024-5-1', '2024-05-01'],
    ['2024-02-29', '2024-02-29'],
    ['2024-05-31T09:00:00Z', '2024-05-31T09:00:00Z'],
    ['2024-05-31 09:00', '2024-05-31T09:00:00'],
    ['2024-05-31t23:30:00.250-5', '2024-05-31T23:30:00.250-05:00'],
    ['2024-05-31T23:30:00 +0530', '2024-05-31T23:30:00+05:30'],
  ];
  for (const [written, date] of cases) assert.deepEqual(readWrittenDate(written), { date }, written);
  const problems: [string, string][] = [
    ['2023-02-29', '2023-02-29 is not a date: February 2023 has 28 days'],
    ['2024-04-31', '2024-04-31 is not a date: April 2024 has 30 days'],
    ['2024-00-10', '2024-00-10 is not a date: there is no month 0'],
    ['2024-05-31T24:00:00Z', '2024-05-31T24:00:00Z is not a date and time: 24:00:00 is not a time of day'],
    [
      '2024-05-31T09:00:00+15:00',
      "2024-05-31T09:00:00+15:00 is not a date and time: +15:00 is not a time zone's offset",
    ],
    ['2024/05/31', 'write the date with hyphens, as 2024-05-31, not 2024/05/31'],
    [
      '31.05.24',
      '31.05.24 gives day and month in an order that differs between countries: write year-month-day with the year in full: 2024-05-31',
    ],
    [
      '03/04/2024',
      '03/04/2024 gives day and month in an order that differs between countries: write year-month-day: 2024-03-04 or 2024-04-03, whichever you mean',
    ],
  ];
  for (const [written, problem] of problems) assert.deepEqual(readWrittenDate(written), { problem }, written);
  // Not written as a date at all: the article says so and is shown undated (a warning, as before).
  assert.equal(readWrittenDate('next Tuesday'), undefined);
});

test('the day shown is the day written, in every time zone, on the page, the index and in the data', async () => {
  const dir = `${MISTAKES}/dates-as-written`;
  await unchanged(dir, () =>
    inEveryZone(async (zone) => {
      const site = await loadSite(dir);
      const shown = site.pages.map((page) => {
        const html = parse(renderPage(page.article, PAGE_ASSETS, null, { site: site.config, page: page.page }));
        const time = html.querySelector('.article-header time');
        const data = JSON.parse(html.querySelector('script[type="application/ld+json"]')?.textContent ?? '{}') as {
          datePublished?: string;
        };
        assert.equal(data.datePublished, time?.getAttribute('datetime'), zone);
        return `${path.basename(page.file)} ${time?.getAttribute('datetime')} ${time?.textContent}`;
      });
      // Newest first by the instant each names: 23:30 in Chicago is after 00:30 in Tokyo the same night.
      assert.deepEqual(
        shown,
        [
          'evening-offset.md 2024-05-31T23:30:00-05:00 May 31, 2024',
          'toml-evening-offset.md 2024-05-31T23:30:00-05:00 May 31, 2024',
          'tokyo-midnight.md 2024-06-01T00:30:00+09:00 June 1, 2024',
        ],
        zone,
      );
      const index = parse(renderIndexPage(site.config, site.pages, PAGE_ASSETS));
      assert.deepEqual(
        [...index.querySelectorAll('.index-entry time')].map((time) => time.textContent),
        ['May 31, 2024', 'May 31, 2024', 'June 1, 2024'],
        zone,
      );
    }),
  );
});

test('a date on its own is the day written, and a YAML value that looks like a date stays text where text is wanted', async () => {
  await inEveryZone(async (zone) => {
    const { meta } = await renderArticle('---\ntitle: 2024-05-31\ndate: 2024-06-01\n---\nText.\n', 'a.md');
    assert.equal(meta.title, '2024-05-31', zone);
    assert.equal(meta.date, '2024-06-01', zone);
    const page = parse(
      renderPage(await renderArticle('---\ntitle: T\ndate: 2024-06-01\n---\nText.\n', 'a.md'), PAGE_ASSETS),
    );
    assert.equal(page.querySelector('time')?.textContent, 'June 1, 2024', zone);
  });
});
