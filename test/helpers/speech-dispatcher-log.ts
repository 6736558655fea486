// What speech-dispatcher was really handed, read from its log (LogLevel 5, in the real-speech
// group's scratch HOME: tools/browsers.ts, test/plugins/speech-log-plugin.ts): each message's
// text with the voice and language its client had set for it. The browser's own view (what the
// page asked of speechSynthesis) cannot show which voice the engine ended up speaking in.
import { executeServerCommand } from '@web/test-runner-commands';

export interface Dispatched {
  text: string;
  /** The voice set (SET SELF SYNTHESIS_VOICE) when the message was sent: espeak-ng's name for it. */
  voice?: string;
  /** The language set (SET SELF LANGUAGE). */
  language?: string;
  /** The rate set (SET SELF RATE), on speech-dispatcher's scale of -100 to 100; 0 when none was. */
  rate: number;
}

/** The client's commands and data, as the log records them: `[date : µs] speechd:  17:DATA:|SET SELF LANGUAGE fr`. */
const DATA = /^\[[^\]]+\] speechd:\s+(\d+):DATA:\|(.*)$/;
const SETTING = /^SET SELF (SYNTHESIS_VOICE|LANGUAGE|RATE) (.*)$/i;

/** Parses the messages in a stretch of the log, in the order they were sent. */
export function dispatched(log: string): Dispatched[] {
  const clients = new Map<string, { voice?: string; language?: string; rate?: number; speaking?: string[] }>();
  const messages: Dispatched[] = [];
  for (const line of log.split(/\r?\n/)) {
    const data = DATA.exec(line);
    if (!data) continue;
    const [, id, said] = data;
    const client = clients.get(id) ?? {};
    clients.set(id, client);
    if (client.speaking) {
      // The message ends with a line holding only a full stop (SSIP).
      if (said === '.') {
        const { voice, language, rate = 0 } = client;
        messages.push({ text: client.speaking.join('\n'), voice, language, rate });
        client.speaking = undefined;
      } else client.speaking.push(said);
      continue;
    }
    const [, setting, value] = SETTING.exec(said) ?? [];
    if (setting?.toUpperCase() === 'SYNTHESIS_VOICE') client.voice = value;
    else if (setting?.toUpperCase() === 'LANGUAGE') client.language = value;
    else if (setting?.toUpperCase() === 'RATE') client.rate = Number(value);
    else if (said.toLowerCase() === 'speak') client.speaking = [];
  }
  return messages;
}

/** The command's payload (test/plugins/speech-log-plugin.ts): where to start reading, in bytes. */
interface SpeechLogPayload {
  from: number;
}

/** Where the log ends now: what is spoken after this is read with `dispatchedSince`. */
export const speechLogEnd = async () =>
  (await executeServerCommand<{ size: number }, SpeechLogPayload>('speech-log', { from: 0 })).size;

/** The messages speech-dispatcher was handed since `from` (a `speechLogEnd()`). */
export async function dispatchedSince(from: number): Promise<Dispatched[]> {
  return dispatched((await executeServerCommand<{ text: string }, SpeechLogPayload>('speech-log', { from })).text);
}
