// Reads speech-dispatcher's log (LogLevel 5) into ordered speech events: every message each
// client (Orca, or the browser speaking for the page) handed to speech-dispatcher, and when its
// audio began, ended, or was cancelled. The log holds every SSIP exchange, so this is what was
// really heard, in the order it was heard, whoever spoke it.
//
// The lines it needs look like:
//   [Fri Nov 27 01:32:56 2026 : 455638] speechd:     23:DATA:|SET SELF PRIORITY MESSAGE
//   [Fri Nov 27 01:32:56 2026 : 455729] speechd:     23:REPLY:|225-79          (message 79 queued)
//   [Fri Nov 27 01:32:57 2026 : 440168] speechd:     23:REPLY:|701-79          (its audio began)
// 702 ended, 703 cancelled, 704 paused, 705 resumed, 700 an index mark (Orca marks each word).
import { watch, type FSWatcher } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';

const LINE = /^\[\w+ (\w+) +(\d+) (\d\d):(\d\d):(\d\d) (\d+) : (\d+)\] speechd:\s+(\d+):(DATA|REPLY):\|(.*)$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** The notifications about a message, by SSIP reply code; other codes are none. */
const NOTIFICATIONS: Readonly<Partial<Record<string, 'mark' | 'begin' | 'end' | 'cancel' | 'pause' | 'resume'>>> = {
  '700': 'mark',
  '701': 'begin',
  '702': 'end',
  '703': 'cancel',
  '704': 'pause',
  '705': 'resume',
};
/** Commands a client sends about its own speech: shown in transcripts, they explain a CANCEL. */
const SPEECH_COMMANDS = /^(STOP|CANCEL|PAUSE|RESUME)( (SELF|ALL|\d+))?$/i;
/** The named entities SSML text may hold. */
const ENTITIES: Readonly<Partial<Record<string, string>>> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };

export type SpeechEventKind = 'queued' | 'begin' | 'end' | 'cancel' | 'pause' | 'resume' | 'command';
/** The screen reader, or the page's speech through the browser. */
export type Speaker = 'orca' | 'page';

/** One line of what happened, in log order. */
export interface SpeechEvent {
  /** its place in the log: order assertions compare these, never times */
  seq: number;
  /** milliseconds since the epoch (the log's clock is the machine's) */
  time: number;
  /** queued (handed over), begin/end/cancel/pause/resume (its audio), or command (sent by the client) */
  kind: SpeechEventKind;
  /** the client's own name: Orca, firefox, chrome */
  client: string;
  speaker: Speaker;
  /** the message (all kinds but command) */
  id?: number;
  /** what the message says, markup removed */
  text?: string;
  /** the client's SSIP priority when it queued the message */
  priority?: string;
  /** on a cancel: the words begun before the cut (Orca marks each word) */
  heard?: string;
  /** on a command: what the client sent (STOP SELF, CANCEL self) */
  command?: string;
  /** on a queued message: the language its client had set (SET SELF LANGUAGE), if any */
  language?: string;
  /** on a queued message: the voice its client had set (SET SELF SYNTHESIS_VOICE), if any */
  voice?: string;
}

/** An event as the parser finds it, before it is numbered and timed. */
type Found = Omit<SpeechEvent, 'seq' | 'time'>;

/**
 * Reads a speech-dispatcher log as it grows: call `read()` again for what was added since.
 * Events keep their order across calls.
 */
export class SpeechLog {
  events: SpeechEvent[] = [];
  #file: string;
  #offset = 0;
  /** bytes after the last whole line (a line, even a character, may be half written) */
  #rest = Buffer.alloc(0);
  #parser = new LogParser();
  #watcher: FSWatcher | undefined;
  /** whether the file changed since the last read() began */
  #changed = true;
  #closed = false;
  #wake = new EventTarget();

  constructor(file: string) {
    this.#file = file;
  }

  /**
   * Starts telling changes of the file (inotify, through its folder, which must exist: the file
   * itself may not yet), so that `grown()` wakes on a write rather than looking every so often.
   */
  watch(): void {
    this.#watcher ??= watch(path.dirname(this.#file), (_type, name) => {
      if (name !== path.basename(this.#file)) return;
      this.#changed = true;
      this.#wake.dispatchEvent(new Event('change'));
    });
  }

  /** Stops watching; a wait still running, or begun later, rejects. */
  close(): void {
    this.#watcher?.close();
    this.#closed = true;
    this.#wake.dispatchEvent(new Event('change'));
  }

  /**
   * Resolves once the file has changed since the last read() began (at once if it has), or after
   * `ms`, whichever comes first: a wait for the next thing said, or for a silence of that long.
   */
  grown(ms: number): Promise<void> {
    if (this.#closed) return Promise.reject(new Error('the speech log is closed'));
    if (!this.#watcher) throw new Error('SpeechLog.grown() needs watch() first');
    if (this.#changed) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        this.#wake.removeEventListener('change', done);
        if (this.#closed) reject(new Error('the speech log is closed'));
        else resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      this.#wake.addEventListener('change', done);
    });
  }

  /** Reads what was written since the last call; the new events (also appended to `events`). */
  async read(): Promise<SpeechEvent[]> {
    this.#changed = false;
    let handle;
    try {
      handle = await open(this.#file, 'r');
    } catch {
      return []; // not written yet
    }
    try {
      const chunks = [];
      const buffer = Buffer.alloc(1 << 20);
      for (;;) {
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, this.#offset);
        if (bytesRead === 0) break;
        this.#offset += bytesRead;
        chunks.push(Buffer.from(buffer.subarray(0, bytesRead)));
      }
      const bytes = Buffer.concat([this.#rest, ...chunks]);
      const end = bytes.lastIndexOf(0x0a) + 1;
      this.#rest = bytes.subarray(end);
      const added = this.#parser.lines(bytes.subarray(0, end).toString('utf8').split('\n'));
      this.events.push(...added);
      return added;
    } finally {
      await handle.close();
    }
  }
}

/** Parses a whole log at once. */
export function parseSpeechLog(text: string): SpeechEvent[] {
  return new LogParser().lines(text.split('\n'));
}

class LogParser {
  seq = 0;
  /** client names by connection */
  names = new Map<string, string>();
  /** each connection's priority */
  priorities = new Map<string, string>();
  /** each connection's language and voice, as last set */
  languages = new Map<string, string>();
  voices = new Map<string, string>();
  /** the text lines of a SPEAK being received, by connection */
  receiving = new Map<string, string[]>();
  /** a finished SPEAK's text until its 225 reply gives it an id */
  pending = new Map<string, string>();
  /** the newest message id seen */
  newest = 0;
  messages = new Map<number, { client: string; text: string; priority: string; marks: number }>();

  lines(lines: string[]): SpeechEvent[] {
    const events: SpeechEvent[] = [];
    for (const line of lines) {
      const m = LINE.exec(line.replace(/\r$/, ''));
      if (!m) continue; // a continuation line, or the server's own chatter
      const [, month, day, hh, mm, ss, year, micros, fd, kind, data] = m;
      const time =
        new Date(Number(year), MONTHS.indexOf(month), Number(day), Number(hh), Number(mm), Number(ss)).getTime() +
        Math.floor(Number(micros) / 1000);
      const found = kind === 'DATA' ? [this.data(fd, data)] : this.reply(fd, data);
      for (const event of found) if (event) events.push({ seq: ++this.seq, time, ...event });
    }
    return events;
  }

  data(fd: string, data: string): Found | undefined {
    const lines = this.receiving.get(fd);
    if (lines) {
      if (data === '.') {
        this.receiving.delete(fd);
        this.pending.set(fd, plainText(lines.join('\n')));
      } else {
        // SSIP doubles a leading dot in data lines.
        lines.push(data.startsWith('..') ? data.slice(1) : data);
      }
      return undefined;
    }
    const command = data.trim();
    if (/^speak$/i.test(command)) {
      this.receiving.set(fd, []);
      return undefined;
    }
    const name = /^SET SELF CLIENT_NAME "?([^"]*)"?$/i.exec(command);
    if (name) {
      // user:application:component, e.g. unknown:Orca:default, who:firefox:web speech api
      const parts = name[1].split(':');
      this.names.set(fd, parts.length > 1 ? parts[1] : parts[0]);
      return undefined;
    }
    const setting = /^SET SELF (LANGUAGE|SYNTHESIS_VOICE) "?([^"]*)"?$/i.exec(command);
    if (setting) {
      (setting[1].toUpperCase() === 'LANGUAGE' ? this.languages : this.voices).set(fd, setting[2]);
      return undefined;
    }
    const priority = /^SET SELF PRIORITY (\w+)$/i.exec(command);
    if (priority) {
      this.priorities.set(fd, priority[1].toUpperCase());
      return undefined;
    }
    if (SPEECH_COMMANDS.test(command)) return { kind: 'command', ...this.who(fd), command };
    return undefined;
  }

  /**
   * A reply to a client: 225 gives its last message an id; 700-705 are notifications about a
   * message, sent to the client that owns it. A message may begin before its 225 is logged
   * (the speaking thread is quicker than the reply), so a notification for an id not yet known
   * takes the text its client has just finished sending.
   */
  reply(fd: string, data: string): Found[] {
    const m = /^(\d{3})-(\d+)$/.exec(data);
    if (!m) return [];
    const [, code, number] = m;
    const id = Number(number);
    const kind = NOTIFICATIONS[code];
    if (code !== '225' && !kind) return [];
    const events: Found[] = [];
    let message = this.messages.get(id);
    if (!message) {
      // Ids only grow: an unknown id below the newest known is from before the log was read.
      const text = id > this.newest ? this.pending.get(fd) : undefined;
      if (text === undefined) return [];
      this.newest = id;
      this.pending.delete(fd);
      message = { client: this.who(fd).client, text, priority: this.priorities.get(fd) ?? 'MESSAGE', marks: 0 };
      this.messages.set(id, message);
      const [language, voice] = [this.languages.get(fd), this.voices.get(fd)];
      events.push({ kind: 'queued', ...this.who(fd), id, text, priority: message.priority, language, voice });
    }
    if (!kind) return events;
    if (kind === 'mark') {
      // Orca marks the start of each word, so the count of marks is the count of words begun.
      message.marks += 1;
      return events;
    }
    const event = {
      kind,
      client: message.client,
      speaker: speakerOf(message.client),
      id,
      text: message.text,
      priority: message.priority,
    };
    events.push(kind === 'cancel' ? { ...event, heard: heardBefore(message.text, message.marks) } : event);
    return events;
  }

  who(fd: string): { client: string; speaker: Speaker } {
    const client = this.names.get(fd) ?? `connection ${fd}`;
    return { client, speaker: speakerOf(client) };
  }
}

function speakerOf(client: string): Speaker {
  return /orca/i.test(client) ? 'orca' : 'page';
}

/**
 * The words begun before a cut, when the speaker marks each word (Orca puts a mark before
 * every word, so `marks` words had begun); empty when none had.
 */
function heardBefore(text: string, marks: number): string {
  if (marks === 0) return '';
  return text.split(/\s+/).slice(0, marks).join(' ');
}

/** Text without SSML markup or entities, on one line. */
export function plainText(ssml: string): string {
  return ssml
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(lt|gt|quot|apos|amp|#\d+|#x[\da-f]+);/gi, (_, entity: string) => {
      const named = ENTITIES[entity.toLowerCase()];
      if (named) return named;
      return String.fromCodePoint(
        entity[1].toLowerCase() === 'x' ? parseInt(entity.slice(2), 16) : Number(entity.slice(1)),
      );
    })
    .replace(/\s+/g, ' ')
    .trim();
}
