// What a blind reader must hear on each journey of journeys.scenario, asserted on one recorded
// run of Orca in one browser (firefox.orca.test.mjs, chromium.orca.test.mjs). The assertions
// read the order of events in speech-dispatcher's log (who began, ended or was cut before whom),
// never how long anything took: latency belongs in the benchmark, not in a test on a busy machine.
//
// ORCA_RUNS=DIR asserts on runs recorded before (DIR/firefox/run.json, DIR/chromium/run.json, as
// `npm run orca -- --browser both --out DIR` writes them) instead of recording new ones.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { describe as said, journeyAnswers, journeyMessages, messagesOf, spanOf } from './heard.mjs';
import { ORCA_ATTEMPTS, record, TIMEOUT_MINUTES, WAIT_FOR_ORCA_MINUTES } from './run.mjs';
import { BROWSERS } from './stack.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Beyond the harness's own limits (waits for another run's Orca, then the run). */
const RECORD_TIMEOUT_MS = (ORCA_ATTEMPTS * WAIT_FOR_ORCA_MINUTES + TIMEOUT_MINUTES + 2) * 60_000;

/** The journeys in which the player speaks (stop is left out: a sentence cut by Stop stays cut). */
const LISTENING = ['listen', 'tab-while-listening', 'pause'];

/**
 * @typedef {import('./heard.mjs').Run} Run
 * @typedef {import('./heard.mjs').Answer} Answer
 * @typedef {import('./heard.mjs').Message} Message
 */

/** Every answer in a journey, one a line, for failure messages. @param {Answer[]} answers */
const listing = (answers) => answers.map((a) => `  ${a.key.keysym} → ${a.said || '(nothing)'}`).join('\n');

/** @param {string} text @param {RegExp} pattern */
const count = (text, pattern) => text.match(new RegExp(pattern.source, 'gi'))?.length ?? 0;

/**
 * The answers to a journey's presses of one key, failing when the scenario pressed none.
 * @param {Run} run
 * @param {string} journey
 * @param {string} keysym
 */
function answersTo(run, journey, keysym) {
  const answers = journeyAnswers(run, journey).filter((a) => a.key.keysym === keysym);
  assert.ok(answers.length > 0, `the ${journey} journey pressed no ${keysym}; did the scenario change?`);
  return answers;
}

/**
 * The section titles (every h2 of the article), from the built page.
 * @returns {Promise<string[]>}
 */
async function sectionTitles() {
  const html = await readFile(path.join(ROOT, 'dist/index.html'), 'utf8');
  return [...html.matchAll(/<h2\b[^>]*>([^<]+)<\/h2>/g)].map((m) => m[1].trim());
}

/**
 * Page messages that began and were cut and not heard again: a later page message that ended
 * and whose text is the cut one or the end of it (resumed from the last word heard).
 * @param {Message[]} page all of the page's messages, in order
 * @param {Message[]} started the ones to check
 */
function cutAndNotResumed(page, started) {
  return started.filter((m) => {
    if (m.end !== undefined) return false;
    const resumed = page.find((later) => later.queued > m.queued && later.end !== undefined && later.text.length > 0 && m.text.endsWith(later.text));
    return !resumed;
  });
}

/**
 * Records a run (or reads ORCA_RUN), then asserts on every journey.
 * @param {'firefox' | 'chromium'} browser
 */
export function journeys(browser) {
  describe(`Orca 43 in ${BROWSERS[browser].name}`, () => {
    /** @type {Run} */
    let run;
    /** @type {Message[]} */
    let page;

    before(async () => {
      if (process.env.ORCA_RUNS) {
        run = JSON.parse(await readFile(path.join(process.env.ORCA_RUNS, browser, 'run.json'), 'utf8'));
        assert.equal(run.browser, browser, `${process.env.ORCA_RUNS}/${browser}/run.json holds a ${run.browser} run`);
      } else {
        const recorded = await record({ browser, say: (line) => process.stderr.write(`[orca ${browser}] ${line}\n`) });
        process.stderr.write(`[orca ${browser}] transcript: ${path.join(recorded.out, 'transcript.txt')}\n`);
        run = recorded;
      }
      assert.equal(run.failure, undefined, `the run stopped early: ${run.failure}`);
      page = messagesOf(run).filter((m) => m.speaker === 'page');
    }, { timeout: RECORD_TIMEOUT_MS });

    describe('on load', () => {
      test('Orca says the page finished loading, by its title', () => {
        const orca = journeyMessages(run, 'load', 'orca');
        const loaded = orca.find((m) => /Finished loading/.test(m.text));
        assert.ok(loaded, `Orca never said "Finished loading"; it said:\n${orca.map(said).join('\n')}`);
        assert.match(loaded.text, /After 31 Years of Treatment Resistant Depression/);
        assert.notEqual(loaded.begin, undefined, `"Finished loading" was never spoken: ${said(loaded)}`);
      });

      test('the title is read cleanly (no "middle dot")', () => {
        const noisy = journeyMessages(run, 'load', 'orca').filter((m) => /middle dot/i.test(m.text));
        assert.deepEqual(noisy.map(said), []);
      });

      test("Orca's page summary counts four landmarks: banner, navigation, main, content info", () => {
        const summary = journeyMessages(run, 'load', 'orca').find((m) => /Page has/.test(m.text));
        assert.ok(summary, 'Orca gave no page summary ("Page has …") on load');
        assert.match(summary.text, /\b4 landmarks\b/, said(summary));
      });
    });

    describe('landmarks', () => {
      test('M visits only the page landmarks, then wraps to the top', async () => {
        const answers = answersTo(run, 'landmarks', 'm');
        const titles = await sectionTitles();
        const sections = answers.filter((a) => titles.some((title) => a.said.includes(title)));
        assert.deepEqual(sections.map((a) => a.said), [], `M stopped at sections (named regions):\n${listing(answers)}`);
        assert.ok(answers.some((a) => /Wrapping to top/.test(a.said)), `${answers.length} presses of M never wrapped to the top:\n${listing(answers)}`);
      });

      test('the header, line by line, has no empty "statusbar"', () => {
        const answers = answersTo(run, 'landmarks', 'Down');
        assert.ok(answers.some((a) => /Reading settings/.test(a.said)), `Down never reached Reading settings:\n${listing(answers)}`);
        const status = answers.filter((a) => /statusbar|status bar/i.test(a.said));
        assert.deepEqual(status.map((a) => a.said), [], `empty status regions read in browse mode:\n${listing(answers)}`);
      });
    });

    describe('headings', () => {
      test('H moves through the headings with their levels', () => {
        const answers = answersTo(run, 'headings', 'h');
        const expected = [
          /After 31 Years of Treatment Resistant Depression.* heading level 1/,
          /When the same pills stopped working heading level 2/,
          /The breakthrough they talk about heading level 2/,
        ];
        assert.equal(answers.length, expected.length, listing(answers));
        expected.forEach((pattern, i) => assert.match(answers[i].said, pattern, listing(answers)));
      });

      test('no heading is announced as "clickable"', () => {
        const clickable = journeyAnswers(run, 'headings').filter((a) => /clickable/.test(a.said));
        assert.deepEqual(clickable.map((a) => a.said), []);
      });

      test('Tab from a heading reaches its "Listen from here" button, named once, without region noise', () => {
        const [answer] = answersTo(run, 'headings', 'Tab');
        assert.match(answer.said, /Listen from here: The breakthrough they talk about push button/);
        assert.doesNotMatch(answer.said, /region|leaving/, answer.said);
      });
    });

    describe('quotes', () => {
      const quotes = [
        { first: 'Because there are several types of major depressive disorders', by: /Roland Griffiths, PhD/, role: /Oliver Lee McCabe III Professor/ },
        { first: 'Psychedelics come in and free everything up', by: /Robin Carhart Harris, PhD/, role: /Head of the Centre for Psychedelic Research/ },
      ];
      quotes.forEach((quote, index) => {
        test(`Q reaches quote ${index + 1}, and its attribution follows it`, () => {
          const answers = journeyAnswers(run, 'quotes');
          const q = answers.filter((a) => a.key.keysym === 'q');
          assert.ok(q[index], `Q was pressed ${q.length} times`);
          assert.ok(q[index].said.includes(quote.first), `Q ${index + 1} → ${q[index].said}`);
          // The attribution is read after this Q and before the next one.
          const after = answers.slice(answers.indexOf(q[index]) + 1, q[index + 1] ? answers.indexOf(q[index + 1]) : undefined);
          const heard = after.flatMap((a) => a.messages).filter((m) => m.begin !== undefined);
          const text = heard.map((m) => m.text).join(' / ');
          assert.match(text, quote.by, `the attribution was not heard after the quote:\n${listing(after)}`);
          assert.match(text, quote.role, `the attribution's role was not heard:\n${listing(after)}`);
        });
      });
    });

    describe('table', () => {
      test('T announces the table by its caption, once, and its size', () => {
        const [answer] = answersTo(run, 'table', 't');
        assert.match(answer.said, /table with 6 rows 2 columns/, answer.said);
        assert.equal(count(answer.said, /Summary Table/), 1, `the caption "Summary Table" once: ${answer.said}`);
        assert.doesNotMatch(answer.said, /Listen from here/, answer.said);
      });

      test('the column headers are heard', () => {
        const answers = journeyAnswers(run, 'table');
        const text = answers.map((a) => a.said).join(' / ');
        assert.match(text, /Topic column header/, listing(answers));
        assert.match(text, /Key Idea column header/, listing(answers));
      });

      test('moving down the Key Idea column reads each cell, with its row header', () => {
        const answers = answersTo(run, 'table', 'alt+shift+Down');
        const text = answers.map((a) => a.said).join(' / ');
        assert.match(text, /44 year old with 31 years of treatment resistant depression/, listing(answers));
        assert.match(text, /Temporary increase in neural plasticity/, listing(answers));
        assert.match(text, /Mechanism/, listing(answers));
      });
    });

    describe('header controls', () => {
      test('Tab reaches Listen and Reading settings, each with its name, role and state', () => {
        const answers = journeyAnswers(run, 'header');
        const text = answers.map((a) => a.said).join(' / ');
        assert.match(text, /Skip to the article link/, listing(answers));
        assert.match(text, /(Listen|Resume listening[^/]*) push button/, listing(answers));
        assert.match(text, /Reading settings collapsed push button/, listing(answers));
      });
    });

    describe('reading settings', () => {
      test('Space on Reading settings opens the panel: "expanded", and nothing read on top of it', () => {
        const [answer] = answersTo(run, 'settings', 'space');
        assert.match(answer.said, /expanded/, answer.said);
        // Values (1.6, 0.00 em, 100%) would be live regions announcing themselves.
        assert.doesNotMatch(answer.said, /\d/, `the panel's values were announced: ${answer.said}`);
      });

      test('a slider step is heard once: its new value', () => {
        const [answer] = answersTo(run, 'settings', 'Right');
        assert.equal(count(answer.said, /105\s?%/), 1, `Right on Text size → ${answer.said}`);
      });

      test('each control in the panel is announced with its name, role and state, in order', () => {
        const answers = journeyAnswers(run, 'settings');
        const controls = [
          /Text size (horizontal )?slider 100\s?%/,
          /Smaller text push button/,
          /Larger text push button/,
          /Line height (horizontal )?slider 1\.6/,
          /Letter spacing (horizontal )?slider 0\.00 em/,
          /Word spacing (horizontal )?slider 0\.00 em/,
          /Paragraph spacing (horizontal )?slider 1\.25 em/,
          /Line width.*Medium\W+(selected|checked) radio button/,
          /Font.*Edition default\W+(selected|checked) radio button/,
          /Theme.*Follow system\W+(selected|checked) radio button/,
          /Line focus check box not checked.*Dims all but the lines you are reading/,
          /Reduce motion check box not checked.*No smooth scrolling/,
          /Reset to defaults push button/,
          /Close reading settings push button/,
        ];
        let from = 0;
        for (const control of controls) {
          const found = answers.findIndex((a, i) => i >= from && control.test(a.said));
          assert.ok(found >= 0, `${control} not heard (in order) in:\n${listing(answers)}`);
          from = found + 1;
        }
      });

      test('closing the panel puts focus back on its button, and Orca says so', () => {
        const answers = answersTo(run, 'settings', 'Return');
        const close = answers.at(-1);
        assert.match(close?.said ?? '', /Reading settings collapsed push button/, listing(answers));
      });
    });

    describe('listening', () => {
      test('Listen moves focus to Pause, and Orca says so', () => {
        const answers = answersTo(run, 'listen', 'Return');
        assert.match(answers[0].said, /Pause push button/, listing(answers));
      });

      test('"Playing" is heard once', () => {
        const playing = journeyMessages(run, 'listen', 'orca').filter((m) => /^Playing\b/.test(m.text) && m.begin !== undefined);
        assert.equal(playing.length, 1, playing.map(said).join('\n'));
      });

      test('the page reads aloud: sentences begin and end', () => {
        const listen = journeyMessages(run, 'listen', 'page');
        const whole = listen.filter((m) => m.begin !== undefined && m.end !== undefined);
        assert.ok(whole.length >= 2, `of the page's ${listen.length} messages, ${whole.length} were heard whole:\n${listen.map(said).join('\n')}`);
      });

      test('no progress or status is announced over the reading', () => {
        const read = LISTENING.flatMap((journey) => journeyMessages(run, journey, 'page')).filter((m) => m.end !== undefined);
        assert.ok(read.length > 0, 'the page read no sentence to its end, so nothing was announced over a reading');
        const noise = LISTENING.flatMap((journey) => journeyMessages(run, journey, 'orca')).filter((m) => /percent/.test(m.text));
        assert.deepEqual(noise.map(said), []);
      });

      test('every sentence the player starts is heard whole, or resumed and heard to its end', () => {
        const started = LISTENING.flatMap((journey) => journeyMessages(run, journey, 'page')).filter((m) => m.begin !== undefined);
        assert.ok(started.length > 0, 'the page began no sentence');
        assert.deepEqual(cutAndNotResumed(page, started).map(said), []);
      });

      test('the player never gives up ("Speech stopped", "did not respond", "Press Play")', () => {
        const gaveUp = [...LISTENING, 'stop'].flatMap((journey) => journeyMessages(run, journey, 'orca')).filter((m) => /Speech stopped|did not respond|Press Play|try again/i.test(m.text));
        assert.deepEqual(gaveUp.map(said), []);
      });
    });

    describe('a Tab while listening', () => {
      test('each control of the player is announced with its name and role', () => {
        const answers = journeyAnswers(run, 'tab-while-listening');
        const text = answers.map((a) => a.said).join(' / ');
        const controls = [
          /Previous section push button/,
          /Previous sentence push button/,
          /Pause push button/,
          /Next sentence push button/,
          /Next section push button/,
          /Stop push button/,
          /Speed combo box/,
          /More options (collapsed )?(push|toggle) button|More options.* collapsed/,
        ];
        const missing = controls.filter((control) => !control.test(text));
        assert.deepEqual(missing.map(String), [], `not heard while tabbing through the player:\n${listing(answers)}`);
      });

      test('the reading goes on while Tab moves through the player', () => {
        const [first] = journeyAnswers(run, 'tab-while-listening');
        const span = spanOf(run, 'tab-while-listening');
        const read = page.filter((m) => m.begin !== undefined && m.end !== undefined && m.begin > first.key.seq && m.begin <= (span?.upTo ?? Infinity));
        assert.ok(read.length > 0, `no sentence was read whole after the first Tab:\n${journeyMessages(run, 'tab-while-listening', 'page').map(said).join('\n')}`);
      });

      test("each Tab is answered: Orca's answer is heard", () => {
        const answers = journeyAnswers(run, 'tab-while-listening');
        const unheard = answers.filter((a) => !a.messages.some((m) => m.begin !== undefined));
        assert.deepEqual(unheard.map((a) => `${a.key.keysym} → ${a.messages.map(said).join(' / ') || '(Orca queued nothing)'}`), [], listing(answers));
      });

      test("Orca's answer to each Tab begins before the page's next sentence", () => {
        const answers = journeyAnswers(run, 'tab-while-listening');
        const span = spanOf(run, 'tab-while-listening');
        const reading = page.some((m) => m.begin !== undefined && m.begin > (span?.after ?? 0) && m.begin <= (span?.upTo ?? Infinity));
        assert.ok(reading, 'the page read nothing during the journey, so there was nothing to answer over');
        const late = answers.flatMap((answer) => {
          const begun = answer.messages.filter((m) => m.begin !== undefined).map((m) => /** @type {number} */ (m.begin));
          const first = begun.length > 0 ? Math.min(...begun) : Infinity;
          const next = page.find((m) => m.begin !== undefined && m.begin > answer.key.seq);
          if (!next || first < /** @type {number} */ (next.begin)) return [];
          return [`${answer.key.keysym} → ${answer.said || '(nothing)'}: the page's ${said(next)} began first`];
        });
        assert.deepEqual(late, []);
      });
    });

    describe('pause and play', () => {
      test('Pause stops the reading and "Paused" is heard once', () => {
        const [pause, play] = answersTo(run, 'pause', 'Return');
        const until = play?.key.seq ?? spanOf(run, 'pause')?.upTo ?? Infinity;
        const during = page.filter((m) => m.begin !== undefined && m.begin > pause.key.seq && m.begin <= until);
        assert.deepEqual(during.map(said), [], 'the page went on speaking after Pause');
        assert.equal(count(pause.said, /\bPaused\b/), 1, `Return on Pause → ${pause.said}`);
      });

      test('Play resumes where the reading paused', () => {
        const [pause, play] = answersTo(run, 'pause', 'Return');
        assert.ok(play, 'the play/pause button was pressed once only');
        const resumed = page.find((m) => m.begin !== undefined && m.begin > play.key.seq);
        assert.ok(resumed, 'nothing was read after Play');
        // The sentence Pause cut, if it cut one (it may have come between two sentences).
        const cut = page.find((m) => m.begin !== undefined && m.cancel !== undefined && m.cancel > pause.key.seq && m.cancel < play.key.seq);
        if (cut) assert.ok(cut.text.endsWith(resumed.text), `paused in ${said(cut)}, resumed with ${said(resumed)}`);
      });
    });

    describe('stop', () => {
      test('Stop ends the reading, "Stopped" is heard, and focus is on Listen', () => {
        const [stop] = answersTo(run, 'stop', 'Return');
        const after = page.filter((m) => m.begin !== undefined && m.begin > stop.key.seq);
        assert.deepEqual(after.map(said), [], 'the page went on speaking after Stop');
        assert.match(stop.said, /Stopped/, stop.said);
        assert.match(stop.said, /(Listen|Resume listening[^/]*) push button/, `focus after Stop: ${stop.said}`);
      });
    });
  });
}
