// The order assertions the journeys rest on, on small logs written out by hand: whether the
// screen reader's answer to a key began before the page's next sentence, and whether a sentence
// cut by another speaker was heard to its end later. Only the order of events counts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { answeredAfterPage, cutAndNotResumed, journeyAnswers, messagesOf, type Run } from './heard.ts';
import type { Speaker, SpeechEventKind } from './speech-log.ts';

/**
 * A run from log lines "<orca|page> <queued|begin|end|cancel> <id> [text]" and "KEY <keysym>",
 * in order; every event one second after the one before, so that times cannot explain a result.
 */
function runOf(lines: string[]): Run {
  const run: Run = {
    browser: 'firefox',
    versions: { browser: 'Firefox', orca: '43' },
    url: '',
    started: 0,
    startSeq: 0,
    actions: [],
    events: [],
  };
  run.actions.push({ kind: 'mark', journey: 'tab-while-listening', title: 'Tab', time: 0, seq: 0 });
  for (const line of lines) {
    const seq = run.events.length;
    const time = (run.events.length + run.actions.length) * 1000;
    if (line.startsWith('KEY ')) {
      run.actions.push({ kind: 'key', keysym: line.slice(4), journey: 'tab-while-listening', time, seq });
      continue;
    }
    const [speaker, kind, id, ...words] = line.split(' ');
    run.events.push({
      seq: seq + 1,
      time,
      // the lines are written out by hand, in these words
      kind: kind as SpeechEventKind,
      client: speaker === 'orca' ? 'Orca' : 'firefox',
      speaker: speaker as Speaker,
      id: Number(id),
      text: words.join(' '),
    });
  }
  return run;
}

function lateAnswers(run: Run): string[] {
  const page = messagesOf(run).filter((m) => m.speaker === 'page');
  return answeredAfterPage(journeyAnswers(run, 'tab-while-listening'), page).map(
    ({ answer, next }) => `${answer.said} after ${next.text}`,
  );
}

describe("Orca's answer and the page's next sentence", () => {
  const reading = ['page queued 1 The first sentence.', 'page begin 1'];

  test('an answer that begins before the next sentence is in time, even when queued behind the current one', () => {
    const run = runOf([
      ...reading,
      'KEY Tab',
      'orca queued 2 tab',
      'orca queued 3 Pause push button.',
      'page end 1',
      'orca begin 2',
      'orca end 2',
      'orca begin 3',
      'page queued 4 The second sentence.',
      'orca end 3',
      'page begin 4',
    ]);
    assert.deepEqual(lateAnswers(run), []);
  });

  test('an answer that begins after the next sentence is late', () => {
    const run = runOf([
      ...reading,
      'KEY Tab',
      'orca queued 2 Pause push button.',
      'page end 1',
      'page queued 3 The second sentence.',
      'page begin 3',
      'orca begin 2',
      'orca end 2',
    ]);
    assert.deepEqual(lateAnswers(run), ['Pause push button. after The second sentence.']);
  });

  test('an answer dropped before it began is late once the page goes on', () => {
    const run = runOf([
      ...reading,
      'KEY Tab',
      'orca queued 2 Pause push button.',
      'orca cancel 2',
      'page end 1',
      'page queued 3 The second sentence.',
      'page begin 3',
    ]);
    assert.deepEqual(lateAnswers(run), ['Pause push button. after The second sentence.']);
  });

  test('the key echo is no answer: the name of the control must come first', () => {
    const run = runOf([
      ...reading,
      'KEY Tab',
      'orca queued 2 tab',
      'orca begin 2',
      'orca queued 3 Stop push button.',
      'orca end 2',
      'page end 1',
      'page queued 4 The second sentence.',
      'page begin 4',
      'orca begin 3',
    ]);
    assert.deepEqual(lateAnswers(run), ['Stop push button. after The second sentence.']);
  });

  test('when the page says nothing more, no answer is late', () => {
    const run = runOf([
      ...reading,
      'page end 1',
      'KEY Tab',
      'orca queued 2 Listen push button.',
      'orca begin 2',
      'orca end 2',
    ]);
    assert.deepEqual(lateAnswers(run), []);
  });

  test('each key is judged by the page sentence that follows it', () => {
    const run = runOf([
      ...reading,
      'KEY Tab',
      'orca queued 2 Pause push button.',
      'orca begin 2',
      'orca end 2',
      'KEY Tab',
      'orca queued 3 Stop push button.',
      'page end 1',
      'page queued 4 The second sentence.',
      'page begin 4',
      'orca begin 3',
      'orca end 3',
    ]);
    assert.deepEqual(lateAnswers(run), ['Stop push button. after The second sentence.']);
  });
});

describe('a sentence cut by another speaker', () => {
  const unfinished = (lines: string[]) => {
    const page = messagesOf(runOf(lines)).filter((m) => m.speaker === 'page');
    return cutAndNotResumed(
      page,
      page.filter((m) => m.begin !== undefined),
    ).map((m) => m.text);
  };

  test('is heard when it is spoken again to its end, whole or from the cut', () => {
    assert.deepEqual(
      unfinished([
        'page queued 1 One two three four.',
        'page begin 1',
        'page cancel 1',
        'page queued 2 One two three four.',
        'page begin 2',
        'page end 2',
      ]),
      [],
    );
    assert.deepEqual(
      unfinished([
        'page queued 1 One two three four.',
        'page begin 1',
        'page cancel 1',
        'page queued 2 three four.',
        'page begin 2',
        'page end 2',
      ]),
      [],
    );
  });

  test('is not heard when what follows is another sentence, or is cut again', () => {
    assert.deepEqual(
      unfinished([
        'page queued 1 One two.',
        'page begin 1',
        'page cancel 1',
        'page queued 2 Three four.',
        'page begin 2',
        'page end 2',
      ]),
      ['One two.'],
    );
    assert.deepEqual(
      unfinished([
        'page queued 1 One two.',
        'page begin 1',
        'page cancel 1',
        'page queued 2 two.',
        'page begin 2',
        'page cancel 2',
      ]),
      ['One two.', 'two.'],
    );
  });

  test('a sentence dropped before it began is not counted as started', () => {
    assert.deepEqual(
      unfinished(['page queued 1 One two.', 'page cancel 1', 'page queued 2 Three.', 'page begin 2', 'page end 2']),
      [],
    );
  });
});
