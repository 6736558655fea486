// What a blind reader must hear on each journey of journeys.scenario, asserted on one recorded
// run of Orca in one browser (firefox.orca.test.ts, chromium.orca.test.ts). The assertions
// read the order of events in speech-dispatcher's log (who began, ended or was cut before whom),
// never how long anything took: latency belongs in the benchmark, not in a test on a busy machine.
//
// Each run's transcript is written to transcripts/<browser>.txt, whatever the outcome.
// ORCA_RUNS=DIR asserts on runs recorded before (DIR/firefox/run.json, DIR/chromium/run.json, as
// `npm run orca -- --browser both --out DIR` writes them) instead of recording new ones
// (journey-suite.ts).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { before } from 'node:test';
import {
  answeredAfterPage,
  cutAndNotResumed,
  describe as said,
  journeyAnswers,
  journeyMessages,
  messagesOf,
  spanOf,
  type Message,
  type Run,
} from './heard.ts';
import { answersTo, expected, journeySuite, listing, ROOT } from './journey-suite.ts';
import type { BrowserName } from './stack.ts';

/** The journeys in which the player speaks (stop is left out: a sentence cut by Stop stays cut). */
const LISTENING = ['listen', 'tab-while-listening', 'pause', 'skip', 'sleep'];

/** The article's title, as Orca reads it. */
const TITLE = /After 31 Years of Treatment Resistant Depression/;

/** How many times `pattern` occurs in `text`, whatever the case. */
const count = (text: string, pattern: RegExp): number => text.match(new RegExp(pattern.source, 'gi'))?.length ?? 0;

/** The section titles (every h2 of the article), from the built page. */
async function sectionTitles(): Promise<string[]> {
  const html = await readFile(path.join(ROOT, 'dist/index.html'), 'utf8');
  return [...html.matchAll(/<h2\b[^>]*>([^<]+)<\/h2>/g)].map((m) => m[1].trim());
}

/** Records a run (or reads ORCA_RUNS), writes its transcript, then asserts on every journey. */
export function journeys(browser: BrowserName): void {
  journeySuite({ browser, name: browser }, (journey, runOf) => {
    let run: Run;
    let page: Message[];
    before(() => {
      run = runOf();
      page = messagesOf(run).filter((m) => m.speaker === 'page');
    });

    journey('load', 'the page loads, Orca reads it', (it) => {
      it('Orca says the page finished loading, by its title', () => {
        const orca = journeyMessages(run, 'load', 'orca');
        const loaded = orca.find((m) => /Finished loading/.test(m.text) && m.begin !== undefined);
        assert.ok(loaded, expected('"Finished loading" and the title, spoken', orca.map(said).join('\n')));
        assert.match(loaded.text, TITLE, expected(`the title ${TITLE}`, said(loaded)));
      });

      it('the title is read cleanly (no "middle dot")', () => {
        const noisy = journeyMessages(run, 'load', 'orca').filter((m) => /middle dot/i.test(m.text));
        assert.deepEqual(noisy.map(said), [], 'the title\'s "·" was read as "middle dot"');
      });

      it("Orca's page summary counts four landmarks: banner, navigation, main, content info", () => {
        const orca = journeyMessages(run, 'load', 'orca');
        const summary = orca.find((m) => /Page has/.test(m.text));
        assert.ok(summary, expected('a page summary ("Page has …")', orca.map(said).join('\n')));
        assert.match(summary.text, /\b4 landmarks\b/, expected('"4 landmarks"', said(summary)));
      });
    });

    journey('landmarks', 'landmark navigation (M), the header line by line (Down)', (it) => {
      it('M visits only the page landmarks, then wraps to the top', async () => {
        const answers = answersTo(run, 'landmarks', 'm');
        const titles = await sectionTitles();
        const sections = answers.filter((a) => titles.some((title) => a.said.includes(title)));
        assert.deepEqual(
          sections.map((a) => a.said),
          [],
          expected('landmarks only, no section (a named region)', listing(answers)),
        );
        assert.ok(
          answers.some((a) => /Wrapping to top/.test(a.said)),
          expected(`"Wrapping to top" within ${answers.length} presses of M`, listing(answers)),
        );
      });

      it('the header, line by line, has no empty "statusbar"', () => {
        const answers = answersTo(run, 'landmarks', 'Down');
        assert.ok(
          answers.some((a) => /Reading settings/.test(a.said)),
          expected('Down to reach Reading settings', listing(answers)),
        );
        const status = answers.filter((a) => /statusbar|status bar/i.test(a.said));
        assert.deepEqual(
          status.map((a) => a.said),
          [],
          expected('no empty status region in browse mode', listing(answers)),
        );
      });
    });

    journey('headings', 'heading navigation (H), and the button after a heading (Tab)', (it) => {
      it('H moves through the headings with their levels', () => {
        const answers = answersTo(run, 'headings', 'h');
        const headings = [
          new RegExp(`${TITLE.source}.* heading level 1`),
          /When the same pills stopped working heading level 2/,
          /The breakthrough they talk about heading level 2/,
        ];
        assert.equal(
          answers.length,
          headings.length,
          `the scenario pressed H ${answers.length} times, the test expects ${headings.length}`,
        );
        headings.forEach((pattern, i) =>
          assert.match(answers[i].said, pattern, expected(`H number ${i + 1}: ${pattern}`, listing(answers))),
        );
      });

      it('no heading is announced as "clickable"', () => {
        const answers = journeyAnswers(run, 'headings');
        const clickable = answers.filter((a) => /clickable/.test(a.said));
        assert.deepEqual(
          clickable.map((a) => a.said),
          [],
          expected('headings without "clickable"', listing(answers)),
        );
      });

      it('Tab from a heading reaches its "Listen from here" button, named once, without region noise', () => {
        const [answer] = answersTo(run, 'headings', 'Tab');
        assert.match(
          answer.said,
          /Listen from here: The breakthrough they talk about push button/,
          expected('"Listen from here: The breakthrough they talk about push button"', answer.said),
        );
        assert.doesNotMatch(answer.said, /region|leaving/, expected('no "region" or "leaving"', answer.said));
      });
    });

    journey('quotes', 'both quotes with their attributions (Q, then Down)', (it) => {
      const quotes = [
        {
          first: 'Because there are several types of major depressive disorders',
          by: /Roland Griffiths, PhD/,
          role: /Oliver Lee McCabe III Professor/,
        },
        {
          first: 'Psychedelics come in and free everything up',
          by: /Robin Carhart Harris, PhD/,
          role: /Head of the Centre for Psychedelic Research/,
        },
      ];
      quotes.forEach((quote, index) => {
        it(`Q reaches quote ${index + 1}, and its attribution follows it`, () => {
          const answers = journeyAnswers(run, 'quotes');
          const q = answers.filter((a) => a.key.keysym === 'q');
          assert.ok(q[index], `the scenario pressed Q ${q.length} times; quote ${index + 1} needs ${index + 1}`);
          assert.ok(
            q[index].said.includes(quote.first),
            expected(`Q number ${index + 1} to read the quote "${quote.first}…"`, q[index].said),
          );
          // The attribution is heard after this Q and before the next one.
          const after = answers.slice(
            answers.indexOf(q[index]) + 1,
            q[index + 1] ? answers.indexOf(q[index + 1]) : undefined,
          );
          const text = after
            .flatMap((a) => a.messages)
            .filter((m) => m.begin !== undefined)
            .map((m) => m.text)
            .join(' / ');
          assert.match(text, quote.by, expected(`the attribution ${quote.by} after the quote`, listing(after)));
          assert.match(text, quote.role, expected(`the attribution's role ${quote.role}`, listing(after)));
        });
      });
    });

    journey('table', 'the summary table: caption, column headers, cells (T, Alt+Shift+arrows)', (it) => {
      it('T announces the table by its caption, once, and its size', () => {
        // Orca says a table's caption on T when the caption holds its text: it reads the
        // caption's own text, not a heading or a button inside it.
        const [answer] = answersTo(run, 'table', 't');
        assert.match(
          answer.said,
          /table with 6 rows 2 columns/,
          expected('"table with 6 rows 2 columns"', answer.said),
        );
        assert.equal(
          count(answer.said, /Summary Table/),
          1,
          expected('the caption "Summary Table", once', answer.said),
        );
        assert.doesNotMatch(
          answer.said,
          /Listen from here/,
          expected('the caption alone, without "Listen from here"', answer.said),
        );
      });

      it('the column headers are heard', () => {
        const answers = journeyAnswers(run, 'table');
        const text = answers.map((a) => a.said).join(' / ');
        assert.match(text, /Topic column header/, expected('"Topic column header"', listing(answers)));
        assert.match(text, /Key Idea column header/, expected('"Key Idea column header"', listing(answers)));
      });

      it('moving down the Key Idea column reads each cell, with its row header', () => {
        const answers = answersTo(run, 'table', 'alt+shift+Down');
        const text = answers.map((a) => a.said).join(' / ');
        for (const cell of [
          /44 year old with 31 years of treatment resistant depression/,
          /Temporary increase in neural plasticity/,
          /Mechanism/,
        ]) {
          assert.match(text, cell, expected(String(cell), listing(answers)));
        }
      });
    });

    journey('header', 'each control in the header (Tab)', (it) => {
      it('Tab reaches the skip link, Listen and Reading settings, each with its name, role and state', () => {
        const answers = journeyAnswers(run, 'header');
        const text = answers.map((a) => a.said).join(' / ');
        for (const control of [
          /Skip to the article link/,
          /(Listen|Resume listening[^/]*) push button/,
          /Reading settings collapsed push button/,
        ]) {
          assert.match(text, control, expected(String(control), listing(answers)));
        }
      });
    });

    journey('settings', 'the reading settings: open, a slider step, each control, close', (it) => {
      it('Space on Reading settings opens the panel: "expanded", and nothing read on top of it', () => {
        const [answer] = answersTo(run, 'settings', 'space');
        assert.match(answer.said, /expanded/, expected('"expanded"', answer.said));
        // Values (1.6, 0.00 em, 100%) would be live regions announcing themselves.
        assert.doesNotMatch(answer.said, /\d/, expected('no values announced on opening', answer.said));
      });

      it('a slider step is heard once: its new value', () => {
        const [answer] = answersTo(run, 'settings', 'Right');
        assert.equal(count(answer.said, /105\s?%/), 1, expected('Right on Text size: "105%", once', answer.said));
      });

      it('each control in the panel is announced with its name, role and state, in order', () => {
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
          assert.ok(found >= 0, expected(`${control}, after the controls before it`, listing(answers)));
          from = found + 1;
        }
      });

      it('closing the panel puts focus back on its button, and Orca says so', () => {
        const answers = answersTo(run, 'settings', 'Return');
        assert.match(
          answers.at(-1)?.said ?? '',
          /Reading settings collapsed push button/,
          expected('Return on Close: "Reading settings collapsed push button"', listing(answers)),
        );
      });
    });

    journey('listen', 'Listen, then listening for a while', (it) => {
      it('Listen moves focus to Pause, and Orca says so', () => {
        const answers = answersTo(run, 'listen', 'Return');
        assert.match(
          answers[0].said,
          /Pause push button/,
          expected('Return on Listen: "Pause push button"', listing(answers)),
        );
      });

      it('"Playing" is heard once', () => {
        const orca = journeyMessages(run, 'listen', 'orca');
        const playing = orca.filter((m) => /^Playing\b/.test(m.text) && m.begin !== undefined);
        assert.equal(
          playing.length,
          1,
          expected(`"Playing" once, not ${playing.length} times`, orca.map(said).join('\n')),
        );
      });

      it('the page reads aloud: sentences begin and end', () => {
        const listen = journeyMessages(run, 'listen', 'page');
        const whole = listen.filter((m) => m.begin !== undefined && m.end !== undefined);
        assert.ok(
          whole.length >= 2,
          expected(`at least 2 sentences heard whole, not ${whole.length}`, listen.map(said).join('\n')),
        );
      });

      it('no progress or status is announced over the reading', () => {
        const read = LISTENING.flatMap((journey) => journeyMessages(run, journey, 'page')).filter(
          (m) => m.end !== undefined,
        );
        assert.ok(read.length > 0, 'the page read no sentence to its end, so nothing was announced over a reading');
        const noise = LISTENING.flatMap((journey) => journeyMessages(run, journey, 'orca')).filter((m) =>
          /percent/.test(m.text),
        );
        assert.deepEqual(noise.map(said), [], 'progress announced while the page read aloud');
      });

      it('every sentence the player starts is heard whole, or resumed and heard to its end', () => {
        // A sentence the listener's own Stop cuts is not owed to them, nor one they skip away from.
        const cutIn = (journey: string) => {
          const span = spanOf(run, journey);
          return (m: Message) =>
            span !== undefined && m.cancel !== undefined && m.cancel > span.after && m.cancel <= span.upTo;
        };
        const [cutByStop, cutBySkip] = [cutIn('stop'), cutIn('skip')];
        const started = LISTENING.filter((journey) => journey !== 'skip')
          .flatMap((journey) => journeyMessages(run, journey, 'page'))
          .filter((m) => m.begin !== undefined && !cutByStop(m) && !cutBySkip(m));
        assert.ok(started.length > 0, 'the page began no sentence');
        assert.deepEqual(cutAndNotResumed(page, started).map(said), [], 'sentences cut and never heard to their end');
      });

      it('the player never gives up ("Speech stopped", "did not respond", "Press Play")', () => {
        const gaveUp = [...LISTENING, 'stop']
          .flatMap((journey) => journeyMessages(run, journey, 'orca'))
          .filter((m) => /Speech stopped|did not respond|Press Play|try again/i.test(m.text));
        assert.deepEqual(gaveUp.map(said), [], 'the player gave up');
      });
    });

    journey('tab-while-listening', 'Tab and Shift+Tab through the player while it speaks', (it) => {
      it('each control of the player is announced with its name and role', () => {
        const answers = journeyAnswers(run, 'tab-while-listening');
        const text = answers.map((a) => a.said).join(' / ');
        const controls = [
          /Previous section push button/,
          /Previous sentence push button/,
          /Back 15 seconds push button/,
          /Pause push button/,
          /Forward 30 seconds push button/,
          /Next sentence push button/,
          /Next section push button/,
          /Stop push button/,
          /Speed combo box/,
          /Sleep timer combo box/,
          /More options (collapsed )?(push|toggle) button|More options.* collapsed/,
        ];
        const missing = controls.filter((control) => !control.test(text));
        assert.deepEqual(missing.map(String), [], expected('every control of the player', listing(answers)));
      });

      it('the reading goes on while Tab moves through the player', () => {
        const [first] = journeyAnswers(run, 'tab-while-listening');
        const span = spanOf(run, 'tab-while-listening');
        const read = page.filter(
          (m) =>
            m.begin !== undefined &&
            m.end !== undefined &&
            m.begin > first.key.seq &&
            m.begin <= (span?.upTo ?? Infinity),
        );
        assert.ok(
          read.length > 0,
          expected(
            'a sentence read whole after the first Tab',
            journeyMessages(run, 'tab-while-listening', 'page').map(said).join('\n'),
          ),
        );
      });

      it("each Tab is answered: Orca's answer is heard", () => {
        const answers = journeyAnswers(run, 'tab-while-listening');
        const unheard = answers.filter((a) => !a.messages.some((m) => m.begin !== undefined));
        assert.deepEqual(
          unheard.map((a) => `${a.key.keysym} → ${a.messages.map(said).join(' / ') || '(Orca queued nothing)'}`),
          [],
          expected('an answer heard for every key', listing(answers)),
        );
      });

      it("Orca's answer to each Tab begins before the page's next sentence", () => {
        const answers = journeyAnswers(run, 'tab-while-listening');
        const span = spanOf(run, 'tab-while-listening');
        const reading = page.some(
          (m) => m.begin !== undefined && m.begin > (span?.after ?? 0) && m.begin <= (span?.upTo ?? Infinity),
        );
        assert.ok(reading, 'the page read nothing during the journey, so there was nothing to answer over');
        const late = answeredAfterPage(answers, page).map(
          ({ answer, next }) =>
            `${answer.key.keysym} → ${answer.said || '(nothing)'}: the page's ${said(next)} began first`,
        );
        assert.deepEqual(late, [], "answers that began only after the page's next sentence");
      });
    });

    journey('pause', 'Pause, then play again', (it) => {
      it('Pause stops the reading and "Paused" is heard once', () => {
        const [pause, play] = answersTo(run, 'pause', 'Return');
        const until = play?.key.seq ?? spanOf(run, 'pause')?.upTo ?? Infinity;
        // A sentence the player began as the key went down, and Pause cut before Orca answered
        // it, is the pause taking effect, not the reading going on.
        const answered = pause.messages[0]?.begin ?? until;
        const during = page.filter(
          (m) =>
            m.begin !== undefined &&
            m.begin > pause.key.seq &&
            m.begin <= until &&
            !(m.cancel !== undefined && m.cancel < answered),
        );
        assert.deepEqual(during.map(said), [], 'the page went on speaking after Pause');
        assert.equal(count(pause.said, /\bPaused\b/), 1, expected('Return on Pause: "Paused", once', pause.said));
      });

      it('Play resumes where the reading paused', () => {
        const [pause, play] = answersTo(run, 'pause', 'Return');
        assert.ok(play, 'the scenario pressed the play/pause button once only');
        const resumed = page.find((m) => m.begin !== undefined && m.begin > play.key.seq);
        assert.ok(resumed, expected('the page reading again after Play', play.said));
        // The sentence Pause cut, if it cut one (it may have come between two sentences).
        const cut = page.find(
          (m) => m.begin !== undefined && m.cancel !== undefined && m.cancel > pause.key.seq && m.cancel < play.key.seq,
        );
        if (cut) assert.ok(cut.text.endsWith(resumed.text), expected(`to resume ${said(cut)}`, said(resumed)));
      });
    });

    journey('skip', 'Forward 30 seconds, then back 15 seconds', (it) => {
      it('each skip button is named, and the reading goes on from another sentence after each', () => {
        const [forward, back] = answersTo(run, 'skip', 'Return');
        assert.ok(forward && back, 'the scenario pressed Return on both skip buttons');
        const answers = journeyAnswers(run, 'skip');
        const text = answers.map((a) => a.said).join(' / ');
        for (const name of [/Forward 30 seconds push button/, /Back 15 seconds push button/])
          assert.match(text, name, expected(`Orca to name ${name.source}`, listing(answers)));
        const after = (key: typeof forward) =>
          page.find((m) => m.begin !== undefined && m.begin > key.key.seq && m.cancel === undefined);
        const there = after(forward);
        const back15 = after(back);
        assert.ok(there, expected('the page reading after Forward 30 seconds', forward.said));
        assert.ok(back15, expected('the page reading after Back 15 seconds', back.said));
      });
    });

    journey('sleep', 'The sleep timer: End of this section', (it) => {
      it('the menu is named, its choice heard, and the reading pauses at the section’s end with "Paused" heard once', () => {
        const answers = journeyAnswers(run, 'sleep');
        const text = answers.map((a) => a.said).join(' / ');
        assert.match(text, /Sleep timer combo box/, expected('Orca to name the sleep timer', listing(answers)));
        const [down] = answersTo(run, 'sleep', 'Down');
        assert.ok(down, 'the scenario pressed Down on the menu');
        assert.match(down.said, /End of this section/, expected('Down on the menu: "End of this section"', down.said));
        const orca = journeyMessages(run, 'sleep', 'orca').filter((m) => m.begin !== undefined);
        const paused = orca.filter((m) => /\bPaused\b/.test(m.text));
        assert.equal(paused.length, 1, expected('"Paused" heard once', orca.map(said).join('\n')));
        // Nothing read after the pause, and no time left said as it changed (it is no live region).
        const read = journeyMessages(run, 'sleep', 'page').filter(
          (m) => m.begin !== undefined && m.begin > paused[0].begin!,
        );
        assert.deepEqual(read.map(said), [], 'the page read on after the sleep timer paused it');
        const ticking = orca.filter(
          (m) => /Stops in/.test(m.text) && m.begin! > down.key.seq && !down.messages.includes(m),
        );
        assert.deepEqual(ticking.map(said), [], 'the time left was said as it changed');
      });
    });

    journey('stop', 'Stop', (it) => {
      it('Stop ends the reading, "Stopped" is heard, and focus is on Listen', () => {
        const [stop] = answersTo(run, 'stop', 'Return');
        const after = page.filter((m) => m.begin !== undefined && m.begin > stop.key.seq);
        assert.deepEqual(after.map(said), [], 'the page went on speaking after Stop');
        assert.match(stop.said, /Stopped/, expected('Return on Stop: "Stopped"', stop.said));
        assert.match(
          stop.said,
          /(Listen|Resume listening[^/]*) push button/,
          expected('focus on Listen after Stop', stop.said),
        );
      });
    });
  });
}
