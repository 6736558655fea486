// A recorded run as the journeys read it (messages, answers to keys) and as a reviewer reads it
// (the transcript), on a real speech-dispatcher excerpt. Needs no Orca, browser or X server.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { answersOf, messagesOf, type Run } from './heard.ts';
import { parseSpeechLog } from './speech-log.ts';
import { formatTranscript } from './transcript.ts';

const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/speech-dispatcher.log');
const log = await readFile(FIXTURE, 'utf8');

describe('a run', () => {
  const events = parseSpeechLog(log);
  // The Return that pressed Listen came just before the log's first event; a Tab came later.
  const tab = events.find((e) => e.kind === 'queued' && e.text === 'tab');
  const run: Run = {
    browser: 'chromium',
    versions: { browser: 'Chromium 156', orca: '43.1' },
    url: 'http://127.0.0.1:1/edition/',
    started: events[0].time - 1000,
    startSeq: 0,
    actions: [
      { kind: 'mark', journey: 'listen', title: 'Listen', time: events[0].time - 10, seq: 0 },
      { kind: 'key', keysym: 'Return', journey: 'listen', time: events[0].time - 5, seq: 0 },
      { kind: 'key', keysym: 'Tab', journey: 'listen', time: (tab?.time ?? 0) - 5, seq: (tab?.seq ?? 0) - 2 },
    ],
    events,
  };

  test('answers: what Orca queued after each key, its key echo left out', () => {
    const [listen, next] = answersOf(run);
    assert.equal(
      listen.said,
      'After 31 Years of Treatment Resistant Depression a 44 Year Old Patient Finds Joy Thanks to a Major Scientific Breakthrough middle dot Reader edition document web. / Playing. / Speech stopped (canceled). Press Play to try again.',
    );
    assert.match(next.said, /^banner \/ region Read aloud \/ Previous section push button\./);
  });

  test("messages: the page's, cut before they began", () => {
    const page = messagesOf(run).filter((m) => m.speaker === 'page');
    assert.ok(page.length >= 2);
    assert.ok(page.every((m) => m.begin === undefined && m.cancel !== undefined));
  });

  test('the transcript shows keys, speech in log order, and what was cut', () => {
    const transcript = formatTranscript(run);
    assert.match(transcript, /client "chrome", priority TEXT/);
    assert.match(transcript, /## listen: Listen\n\n\s+\d+\.\d  KEY Return\n/);
    assert.match(transcript, /page  CANCEL #88  dropped before it began: After 31 Years/);
    assert.match(transcript, /Orca  BEGIN  #87  \(echo\) return/);
    assert.match(transcript, /Orca  CANCEL #96  cut after “Previous section push”/);
    assert.match(transcript, /page  sends STOP SELF/);
    const order = ['KEY Return', 'BEGIN  #89', 'BEGIN  #91', 'KEY Tab', 'BEGIN  #94'].map((s) => transcript.indexOf(s));
    assert.deepEqual(
      order,
      [...order].sort((a, b) => a - b),
      'keys and speech in order',
    );
  });
});
