// A test-runner command, `speech-rates`, that reads what the real speech engine was given: every
// message the browser queued with speech-dispatcher in this run, with the rate it set for it
// (speech-dispatcher's scale, -100 to 100), from the log of the run's speech HOME (tools/browsers.ts).
// The page's own `utterance.rate` is what the API accepted; this is what reached the engine.
import { readFile } from 'node:fs/promises';
import type { TestRunnerPlugin } from '@web/test-runner';
import { SPEECH_HOME, speechLogFile } from '../../tools/browsers.js';

/** A message speech-dispatcher queued, and the rate its client had set then. */
export interface SpokenAt {
  text: string;
  rate: number;
}

// [Sun Dec  6 20:50:36 2026 : 702618] speechd:     17:DATA:|SET SELF RATE -63
const RATE = /speechd:\s+(\d+):DATA:\|SET SELF RATE (-?\d+)\s*$/;
// [… ] speechd:     Queueing message |the text| with priority 3   (no client there: the last to send data)
const DATA = /speechd:\s+(\d+):DATA:\|/;
const QUEUED = /speechd:\s+Queueing message \|(.*)\| with priority \d+\s*$/;

export function speechLogPlugin(): TestRunnerPlugin {
  return {
    name: 'speech-log',
    async executeCommand({ command }): Promise<SpokenAt[] | undefined> {
      if (command !== 'speech-rates') return undefined;
      const log = await readFile(speechLogFile(SPEECH_HOME), 'utf8').catch(() => '');
      const rates = new Map<string, number>();
      const spoken: SpokenAt[] = [];
      let client = '';
      for (const line of log.split('\n')) {
        const rate = RATE.exec(line);
        if (rate) rates.set(rate[1], Number(rate[2]));
        const data = DATA.exec(line);
        if (data) client = data[1];
        const queued = QUEUED.exec(line);
        if (queued) spoken.push({ text: queued[1], rate: rates.get(client) ?? 0 });
      }
      return spoken;
    },
  };
}
