// Reading speech-dispatcher's log, on a real excerpt (Chromium under Orca 43: the page's
// "Listen", its sentences cut by Orca's answers, then a Tab). Needs no Orca, browser or X server.
import assert from 'node:assert/strict';
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseSpeechLog, plainText, SpeechLog } from './speech-log.ts';

const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/speech-dispatcher.log');
const log = await readFile(FIXTURE, 'utf8');

describe('speech-dispatcher log', () => {
  const events = parseSpeechLog(log);
  const of = (id: number) => events.filter((e) => e.id === id).map((e) => e.kind);

  test('names each client and tells the screen reader from the page', () => {
    assert.deepEqual([...new Set(events.map((e) => `${e.client}:${e.speaker}`))].sort(), ['Orca:orca', 'chrome:page']);
  });

  test("gives each message its text without SSML, and its client's priority", () => {
    const first = events.find((e) => e.kind === 'queued');
    assert.deepEqual(
      { id: first?.id, text: first?.text, priority: first?.priority },
      { id: 87, text: 'return', priority: 'MESSAGE' },
    );
    const page = events.find((e) => e.kind === 'queued' && e.speaker === 'page');
    assert.equal(page?.priority, 'TEXT');
    assert.match(page?.text ?? '', /^After 31 Years of Treatment Resistant Depression/);
  });

  test('follows each message from queued to begin and end, or to a cancel', () => {
    assert.deepEqual(of(87), ['queued', 'begin', 'end']);
    assert.deepEqual(of(88), ['queued', 'cancel'], "the page's title, dropped before it began");
    assert.deepEqual(of(96), ['queued', 'begin', 'cancel']);
  });

  test('takes a message whose audio began before its id was logged (a race seen in Firefox)', () => {
    const early = parseSpeechLog(
      [
        '[Fri Nov 27 02:29:28 2026 : 511000] speechd:     16:DATA:|SET self CLIENT_NAME unknown:Orca:default',
        '[Fri Nov 27 02:29:28 2026 : 511001] speechd:     16:DATA:|SPEAK',
        '[Fri Nov 27 02:29:28 2026 : 511002] speechd:     16:DATA:|<speak><mark name="0:5"/>Robin <mark name="6:13"/>Carhart</speak>',
        '[Fri Nov 27 02:29:28 2026 : 511003] speechd:     16:DATA:|.',
        '[Fri Nov 27 02:29:28 2026 : 511145] speechd:     16:REPLY:|701-56',
        '701-1',
        '[Fri Nov 27 02:29:28 2026 : 511205] speechd:     16:REPLY:|225-56',
        '[Fri Nov 27 02:29:28 2026 : 511296] speechd:     16:REPLY:|700-56',
        '[Fri Nov 27 02:29:31 2026 : 311567] speechd:     16:REPLY:|702-56',
        '[Fri Nov 27 02:29:31 2026 : 311600] speechd:     16:REPLY:|702-12',
      ].join('\n'),
    );
    assert.deepEqual(
      early.map((e) => `${e.kind} ${e.id} ${e.text}`),
      ['queued 56 Robin Carhart', 'begin 56 Robin Carhart', 'end 56 Robin Carhart'],
    );
  });

  test('gives each message the language and voice its client had set when it sent it', () => {
    const line = (n: number, data: string) => `[Fri Nov 27 02:29:28 2026 : 5110${n}0] speechd:     17:DATA:|${data}`;
    const reply = (n: number, data: string) => `[Fri Nov 27 02:29:28 2026 : 5110${n}0] speechd:     17:REPLY:|${data}`;
    const spoken = parseSpeechLog(
      [
        line(0, 'SET SELF CLIENT_NAME "who:firefox:web speech api"'),
        line(1, 'SET SELF LANGUAGE en-GB'),
        line(2, 'SPEAK'),
        line(3, 'As my French editor put it,'),
        line(4, '.'),
        reply(5, '225-40'),
        line(6, 'SET SELF SYNTHESIS_VOICE "French (France)"'),
        line(7, 'SET SELF LANGUAGE fr'),
        line(8, 'SPEAK'),
        line(9, 'une liste bien tenue'),
        line(9, '.'),
        reply(9, '225-41'),
      ].join('\n'),
    ).filter((e) => e.kind === 'queued');
    assert.deepEqual(
      spoken.map(({ text, language, voice }) => ({ text, language, voice })),
      [
        { text: 'As my French editor put it,', language: 'en-GB', voice: undefined },
        { text: 'une liste bien tenue', language: 'fr', voice: 'French (France)' },
      ],
    );
  });

  test('says how far Orca got in a cut message, from its word marks', () => {
    const cut = events.find((e) => e.id === 96 && e.kind === 'cancel');
    assert.equal(cut?.heard, 'Previous section push');
  });

  test('keeps the commands a client sends about its own speech', () => {
    assert.deepEqual(
      events
        .filter((e) => e.kind === 'command')
        .map((e) => `${e.client} ${e.command}`)
        .slice(0, 3),
      ['Orca CANCEL self', 'chrome STOP SELF', 'chrome STOP SELF'],
    );
  });

  test('numbers events in log order and reads times from the log', () => {
    assert.deepEqual(
      events.map((e) => e.seq),
      events.map((_, i) => i + 1),
    );
    const first = new Date(events[0].time);
    assert.deepEqual(
      [first.getHours(), first.getMinutes(), first.getSeconds(), first.getMilliseconds()],
      [1, 36, 5, 580],
    );
  });

  test('reads a growing log in pieces, lines and characters cut anywhere, as it would read it whole', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'speech-log-'));
    try {
      const file = path.join(dir, 'speech-dispatcher.log');
      const growing = new SpeechLog(file);
      assert.deepEqual(await growing.read(), [], 'no log yet');
      // A message with a two-byte character, cut between its bytes.
      const extra =
        '[Fri Nov 27 01:36:30 2026 : 1] speechd:     23:DATA:|speak\n' +
        '[Fri Nov 27 01:36:30 2026 : 2] speechd:     23:DATA:|She wasn’t, said Zoë.\n' +
        '[Fri Nov 27 01:36:30 2026 : 3] speechd:     23:DATA:|.\n' +
        '[Fri Nov 27 01:36:30 2026 : 4] speechd:     23:REPLY:|225-500\n';
      const bytes = Buffer.from(log + extra);
      const inZoe = bytes.indexOf(Buffer.from('ë')) + 1;
      const cuts = [0, 1234, 1235, 5000, 9001, inZoe, bytes.length];
      await writeFile(file, '');
      for (let i = 1; i < cuts.length; i += 1) {
        await appendFile(file, bytes.subarray(cuts[i - 1], cuts[i]));
        await growing.read();
      }
      assert.deepEqual(growing.events.slice(0, events.length), events);
      assert.equal(growing.events.at(-1)?.text, 'She wasn’t, said Zoë.');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('plain text: markup gone, entities decoded, spaces collapsed', () => {
    assert.equal(plainText('<speak><mark name="0:3"/>A&amp;B  &lt;&#233;&#x2014;&gt;\n x</speak>'), 'A&B <é—> x');
  });
});
