// Orca 43 in Firefox ESR on a site of several articles (the fixture blog, built without audio):
// the listening queue, how much is said, a passage in another language and the next article,
// as keep-listening.scenario takes them (issue 26). One browser: the player's controls are the
// same in both, and the article's journeys (journeys.ts) already run in Chromium too.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import { buildSite } from '../../generator/build-site.ts';
import { describe as said, journeyAnswers, journeyMessages, messagesOf, type Message, type Run } from './heard.ts';
import { answersTo, expected, journeySuite, listing, ROOT } from './journey-suite.ts';

let site: string | undefined;
after(() => site && rm(path.dirname(site), { recursive: true, force: true }));

/** The fixture blog, built for the run into a folder of its own. */
async function builtBlog() {
  site = path.join(await mkdtemp(path.join(os.tmpdir(), 'reader-edition-orca-blog-')), 'site');
  await buildSite({ articles: path.join(ROOT, 'test/fixtures/articles/blog'), out: site, audio: false });
  return site;
}

journeySuite(
  {
    browser: 'firefox',
    name: 'firefox-keep-listening',
    title: 'keep listening',
    record: { scenario: path.join(import.meta.dirname, 'keep-listening.scenario'), dist: builtBlog },
  },
  (journey, runOf) => {
    let run: Run;
    let page: Message[];
    before(() => {
      run = runOf();
      page = messagesOf(run).filter((m) => m.speaker === 'page' && m.begin !== undefined);
    });

    journey('queue', 'Listen next and Queue all on the index', (it) => {
      it('Listen next is a toggle button named with its article; pressed, it says the article is queued', () => {
        const tabs = answersTo(run, 'queue', 'Tab');
        const found = tabs.find((a) => /Listen next.*Notes on lists/.test(a.said));
        assert.ok(found, expected('the Listen next button of Notes on lists', listing(tabs)));
        const [added] = answersTo(run, 'queue', 'space');
        assert.match(
          found.said,
          /Listen next ?:? Notes on lists, kept by hand.*toggle button.*not pressed/,
          expected('"Listen next Notes on lists, kept by hand, toggle button not pressed"', found.said),
        );
        assert.match(
          added.said,
          /Queued: Notes on lists, kept by hand/,
          expected('"Queued: Notes on lists…"', added.said),
        );
      });

      it('Queue all adds the index’s other articles, in its order, and says how many', () => {
        const [, all] = answersTo(run, 'queue', 'space');
        assert.match(all.said, /2 articles queued/, expected('"2 articles queued."', all.said));
      });
    });

    journey('listen', 'Listen from the first section of the queued article, paused at once', (it) => {
      it('focus goes to the player, which says it plays, then that it is paused', () => {
        const [listen, pause] = answersTo(run, 'listen', 'Return');
        assert.match(
          listen.said,
          /Pause push button.*Playing/,
          expected('"Pause push button", "Playing."', listen.said),
        );
        assert.match(pause.said, /Paused/, expected('"Paused."', pause.said));
      });
    });

    journey('verbosity', 'how much is said, chosen in More options while it reads', (it) => {
      it('the Level menu is found by its name with its value, and Up chooses Brief', () => {
        const tabs = answersTo(run, 'verbosity', 'Tab');
        const level = tabs.find((a) => /Level/.test(a.said));
        assert.ok(level, expected('the Level menu', listing(tabs)));
        assert.match(
          level.said,
          /Level.*combo box.*Standard|Standard.*Level.*combo box/,
          expected('"Level combo box Standard"', level.said),
        );
        const [up] = answersTo(run, 'verbosity', 'Up');
        assert.match(up.said, /Brief/, expected('"Brief"', up.said));
      });
    });

    journey('french', 'the French passage, then the next article, with no key pressed', (it) => {
      it('no key is pressed between the passage and the next article', () => {
        assert.deepEqual(journeyAnswers(run, 'french'), [], 'the journey should press nothing');
      });

      it('the French passage is handed to speech-dispatcher in French, the words around it in English', () => {
        const passage = page.find((m) => /une liste bien tenue/.test(m.text));
        assert.ok(passage, expected('the French passage read by the page', page.map(said).join('\n')));
        assert.match(
          `${passage.language} ${passage.voice}`,
          /\bfr|French/i,
          `the passage was sent as ${passage.language} / ${passage.voice}`,
        );
        const before = page.findLast((m) => m.queued < passage.queued);
        assert.match(
          before?.text ?? '',
          /As my French editor put it/,
          expected('the English words before it', said(before!)),
        );
        assert.doesNotMatch(`${before?.language}`, /^fr/i, 'the English words were sent as French');
      });

      it('at the brief level the last section is read on without "Section:"', () => {
        const [up] = answersTo(run, 'verbosity', 'Up');
        const later = page.filter((m) => m.queued > up.key.seq).map((m) => m.text);
        assert.deepEqual(
          later.filter((text) => /Section:/.test(text)),
          [],
          'a "Section:" after Brief was chosen',
        );
      });

      it('the article’s end is said as such, not as a stop', () => {
        const orca = journeyMessages(run, 'french', 'orca').map((m) => m.text);
        assert.ok(
          // The announcer says only its latest message: "Next: …" may come before "Finished reading." is said.
          orca.some((text) => /Finished reading|Next: Borrowing/.test(text)),
          expected('"Finished reading." or the next article', orca.join('\n')),
        );
        assert.deepEqual(
          orca.filter((text) => /Stopped/.test(text)),
          [],
          'a "Stopped." at the article’s end',
        );
      });

      it('the next queued article begins in the same page, its name said first', () => {
        const passage = page.find((m) => /une liste bien tenue/.test(m.text))!;
        const next = page.find((m) => m.queued > passage.queued && /Borrowing in Rust/.test(m.text));
        assert.ok(next, expected('the next article, Borrowing in Rust, read by the page', page.map(said).join('\n')));
        const orca = journeyMessages(run, 'french', 'orca');
        assert.ok(
          orca.some((m) => /Borrowing in Rust, gently/.test(m.text)),
          expected('the next article named by Orca (the player’s announcement)', orca.map(said).join('\n')),
        );
      });
    });
  },
);
