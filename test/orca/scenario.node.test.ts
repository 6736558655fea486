// The scenario language the Orca journeys are written in, and telling Orca's key echo from its
// answer. Needs no Orca, browser or X server.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { isKeyEcho, parseScenario } from './scenario.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));

describe('key echo', () => {
  test('is Orca naming the key just pressed, or one of its modifiers', () => {
    assert.ok(isKeyEcho('tab', 'Tab'));
    assert.ok(isKeyEcho('left shift', 'shift+Tab'));
    assert.ok(isKeyEcho('left control', 'ctrl+Home'));
    assert.ok(isKeyEcho('P', 'alt+shift+p'));
    assert.ok(isKeyEcho('return ', 'Return'));
    assert.ok(isKeyEcho('left control', 'Control_L'));
  });

  test('is not an answer, nor the name of another key', () => {
    assert.ok(!isKeyEcho('Listen push button.', 'Tab'));
    assert.ok(!isKeyEcho('tab', 'shift+Return'));
    assert.ok(!isKeyEcho('h', 'q'));
  });
});

describe('scenario', () => {
  test('reads each kind of step', () => {
    const steps = parseScenario(
      [
        '# a comment',
        '',
        'MARK listen Listen, then wait',
        'KEY Return 8',
        'KEY h',
        'SEEK shift+Tab,Tab 4@2 (Pause|Play) push button',
        'SEEK Tab 6 Stop',
        'SKIM Tab 9 More options',
        'QUIET 3',
        'UNTIL page . 20',
        'UNTIL orca Paused',
      ].join('\n'),
    );
    assert.deepEqual(steps, [
      { op: 'mark', journey: 'listen', title: 'Listen, then wait' },
      { op: 'key', keysym: 'Return', wait: 8 },
      { op: 'key', keysym: 'h', wait: 10 },
      {
        op: 'seek',
        keysyms: ['shift+Tab', 'Tab'],
        presses: 4,
        wait: 2,
        pattern: /(Pause|Play) push button/i,
        skim: false,
      },
      { op: 'seek', keysyms: ['Tab'], presses: 6, wait: 10, pattern: /Stop/i, skim: false },
      { op: 'seek', keysyms: ['Tab'], presses: 9, wait: 6, pattern: /More options/i, skim: true },
      { op: 'quiet', seconds: 3 },
      { op: 'until', speaker: 'page', pattern: /./i, seconds: 20 },
      { op: 'until', speaker: 'orca', pattern: /Paused/i, seconds: 30 },
    ]);
  });

  test('names the line of a mistake', () => {
    assert.throws(() => parseScenario('KEY Tab\nPRESS Tab'), /scenario line 2: unknown step PRESS/);
    assert.throws(() => parseScenario('SEEK Tab many Stop'), /line 1: expected SEEK/);
    assert.throws(() => parseScenario('UNTIL browser .'), /line 1: expected UNTIL orca\|page/);
    assert.throws(() => parseScenario('KEY Tab soon'), /line 1: expected a number of seconds/);
  });

  test('the journeys scenario parses', async () => {
    const steps = parseScenario(await readFile(path.join(HERE, 'journeys.scenario'), 'utf8'));
    assert.ok(steps.filter((s) => s.op === 'mark').length >= 10);
  });
});
