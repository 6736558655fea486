// What a run sounded like, in the terms the journeys assert on: messages (who said what, and
// whether it was heard whole or cut), the answer Orca gave to each key, and which events belong
// to which journey. Everything here orders by the log's sequence, never by how long things took.
import { isKeyEcho, type Action, type KeyAction } from './scenario.ts';
import type { Speaker, SpeechEvent } from './speech-log.ts';
import type { BrowserName } from './stack.ts';

/** One recorded run (run.json). */
export interface Run {
  browser: BrowserName;
  versions: { browser: string; orca: string };
  url: string;
  /** when the browser was started (ms since the epoch) */
  started: number;
  /** the last speech event before the browser was started */
  startSeq: number;
  actions: Action[];
  events: SpeechEvent[];
  /** why the run stopped early */
  failure?: string;
}

/** One message handed to speech-dispatcher, and what became of it. */
export interface Message {
  id: number;
  speaker: Speaker;
  client: string;
  text: string;
  /** the seq of its queued event; begin, end and cancel too are seqs */
  queued: number;
  begin?: number;
  end?: number;
  cancel?: number;
  /** on a cut message of Orca's, the words begun */
  heard?: string;
  /** when it was queued */
  time: number;
  /** Orca echoing the key just pressed */
  echo: boolean;
  /** the language and voice its speaker had set for it (the page's passages in another language) */
  language?: string;
  voice?: string;
}

/** A key, and what Orca queued in answer before the next key. */
export interface Answer {
  key: KeyAction;
  /** Orca's, key echo left out */
  messages: Message[];
  /** their texts, joined by " / " */
  said: string;
}

/** A journey's part of the log: the seqs after `after`, up to `upTo`. */
export interface Span {
  after: number;
  upTo: number;
}

const isKey = (action: Action): action is KeyAction => action.kind === 'key';

export function messagesOf(run: Run): Message[] {
  const messages = new Map<number, Message>();
  const keys = run.actions.filter(isKey);
  for (const e of run.events) {
    if (e.id === undefined) continue;
    if (e.kind === 'queued') {
      const key = keys.findLast((k) => k.seq < e.seq);
      const echo = e.speaker === 'orca' && key !== undefined && isKeyEcho(e.text ?? '', key.keysym);
      messages.set(e.id, {
        id: e.id,
        speaker: e.speaker,
        client: e.client,
        text: e.text ?? '',
        queued: e.seq,
        time: e.time,
        echo,
        language: e.language,
        voice: e.voice,
      });
      continue;
    }
    const message = messages.get(e.id);
    if (!message) continue;
    if (e.kind === 'begin') message.begin ??= e.seq;
    if (e.kind === 'end') message.end = e.seq;
    if (e.kind === 'cancel') {
      message.cancel = e.seq;
      message.heard = e.heard;
    }
  }
  return [...messages.values()];
}

/** The answer to each key: Orca's messages queued from the key until the next key. */
export function answersOf(run: Run): Answer[] {
  const messages = messagesOf(run).filter((m) => m.speaker === 'orca');
  const keys = run.actions.filter(isKey);
  return keys.map((key, index) => {
    const next = keys[index + 1]?.seq ?? Infinity;
    const answer = messages.filter((m) => m.queued > key.seq && m.queued <= next && !m.echo);
    return { key, messages: answer, said: answer.map((m) => m.text).join(' / ') };
  });
}

/**
 * A journey's part of the log, as seqs: after its MARK, up to the next MARK (or the end).
 * The load journey runs from the browser's start to the first MARK.
 */
export function spanOf(run: Run, journey: string): Span | undefined {
  const marks = run.actions.filter((a) => a.kind === 'mark');
  if (journey === 'load') return { after: run.startSeq, upTo: marks[0]?.seq ?? Infinity };
  const index = marks.findIndex((m) => m.journey === journey);
  if (index < 0) return undefined;
  return { after: marks[index].seq, upTo: marks[index + 1]?.seq ?? Infinity };
}

/** The answers to the keys pressed in one journey. */
export function journeyAnswers(run: Run, journey: string): Answer[] {
  return answersOf(run).filter((a) => a.key.journey === journey);
}

/** Messages queued during a journey (by one speaker, if given). */
export function journeyMessages(run: Run, journey: string, speaker?: Speaker): Message[] {
  const span = spanOf(run, journey);
  if (!span) return [];
  return messagesOf(run).filter(
    (m) => m.queued > span.after && m.queued <= span.upTo && (!speaker || m.speaker === speaker),
  );
}

/** A message in a sentence: `#12 “Listen push button.” (heard)` */
export function describe(m: Message): string {
  const cut = m.heard ? `cut after “${m.heard}”` : 'cut';
  const fate =
    m.end !== undefined
      ? 'heard'
      : m.cancel !== undefined
        ? m.begin !== undefined
          ? cut
          : 'dropped unheard'
        : 'still pending';
  return `${m.speaker} #${m.id} “${m.text}” (${fate})`;
}

/**
 * Page messages that began and were cut and not heard again: heard again is a later page
 * message that ended and whose text is the cut one or the end of it (resumed from the cut).
 * `page` is all of the page's messages, in order; `started` the ones to check.
 */
export function cutAndNotResumed(page: Message[], started: Message[]): Message[] {
  return started.filter((m) => {
    if (m.end !== undefined) return false;
    const resumed = page.find(
      (later) =>
        later.queued > m.queued && later.end !== undefined && later.text.length > 0 && m.text.endsWith(later.text),
    );
    return !resumed;
  });
}

/**
 * Answers Orca began only after the page had begun its next sentence (or never began), each
 * with that sentence: the screen reader's answer to a key must come before the page goes on.
 * Only the order of the log's events counts. `page` is all of the page's messages.
 */
export function answeredAfterPage(answers: Answer[], page: Message[]): { answer: Answer; next: Message }[] {
  return answers.flatMap((answer) => {
    const begun = answer.messages.flatMap((m) => (m.begin === undefined ? [] : [m.begin]));
    const first = begun.length > 0 ? Math.min(...begun) : Infinity;
    const next = page.find((m) => m.begin !== undefined && m.begin > answer.key.seq);
    return next?.begin !== undefined && next.begin < first ? [{ answer, next }] : [];
  });
}
