// The `speech-log` command: speech-dispatcher's log from the real-speech group's scratch HOME
// (tools/browsers.ts), from a byte offset on, so a test reads what espeak-ng was really handed,
// in which language and voice, rather than what the page asked of the browser.
import { open } from 'node:fs/promises';
import type { TestRunnerPlugin } from '@web/test-runner';
import { speechLogFile } from '../../tools/browsers.ts';

export interface SpeechLogPayload {
  /** Where to start reading, in bytes: the `size` an earlier call answered; 0 for the whole log. */
  from: number;
}

export function speechLogPlugin(file = speechLogFile()): TestRunnerPlugin {
  return {
    name: 'speech-log',
    async executeCommand({ command, payload }) {
      if (command !== 'speech-log') return undefined;
      const { from } = payload as SpeechLogPayload;
      const handle = await open(file).catch(() => undefined);
      // No log yet: speech-dispatcher starts with Chromium's first utterance.
      if (!handle) return { text: '', size: 0 };
      try {
        const { size } = await handle.stat();
        const bytes = Buffer.alloc(Math.max(0, size - from));
        await handle.read(bytes, 0, bytes.length, from);
        return { text: bytes.toString('utf8'), size };
      } finally {
        await handle.close();
      }
    },
  };
}
