// What a run sounded like, in the terms the journeys assert on: messages (who said what, and
// whether it was heard whole or cut), the answer Orca gave to each key, and which events belong
// to which journey. Everything here orders by the log's sequence, never by how long things took.
import { isKeyEcho } from './scenario.ts';

/**
 * @typedef {import('./speech-log.ts').SpeechEvent} SpeechEvent
 * @typedef {import('./scenario.ts').Action} Action
 * @typedef {object} Run one recorded run (run.json)
 * @property {'firefox' | 'chromium'} browser
 * @property {{ browser: string, orca: string }} versions
 * @property {string} url
 * @property {number} started when the browser was started (ms since the epoch)
 * @property {number} startSeq the last speech event before the browser was started
 * @property {Action[]} actions
 * @property {SpeechEvent[]} events
 * @property {string} [failure] why the run stopped early
 * @typedef {object} Message one message handed to speech-dispatcher, and what became of it
 * @property {number} id
 * @property {'orca' | 'page'} speaker
 * @property {string} client
 * @property {string} text
 * @property {number} queued the seq of each event
 * @property {number} [begin]
 * @property {number} [end]
 * @property {number} [cancel]
 * @property {string} [heard] on a cut message of Orca's, the words begun
 * @property {number} time when it was queued
 * @property {boolean} echo Orca echoing the key just pressed
 * @typedef {object} Answer a key, and what Orca queued in answer before the next key
 * @property {Action & { kind: 'key' }} key
 * @property {Message[]} messages Orca's, key echo left out
 * @property {string} said their texts, joined by " / "
 */

/** @param {Run} run */
export function messagesOf(run) {
  /** @type {Map<number, Message>} */
  const messages = new Map();
  const keys = run.actions.filter((a) => a.kind === 'key');
  for (const e of run.events) {
    if (e.id === undefined) continue;
    if (e.kind === 'queued') {
      const key = keys.findLast((k) => k.seq < e.seq);
      const echo = e.speaker === 'orca' && key !== undefined && isKeyEcho(e.text ?? '', key.keysym);
      messages.set(e.id, { id: e.id, speaker: e.speaker, client: e.client, text: e.text ?? '', queued: e.seq, time: e.time, echo });
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

/**
 * The answer to each key: Orca's messages queued from the key until the next key.
 * @param {Run} run
 */
export function answersOf(run) {
  const messages = messagesOf(run).filter((m) => m.speaker === 'orca');
  const keys = /** @type {(Action & { kind: 'key' })[]} */ (run.actions.filter((a) => a.kind === 'key'));
  return keys.map((key, index) => {
    const next = keys[index + 1]?.seq ?? Infinity;
    const answer = messages.filter((m) => m.queued > key.seq && m.queued <= next && !m.echo);
    return { key, messages: answer, said: answer.map((m) => m.text).join(' / ') };
  });
}

/**
 * A journey's part of the log, as seqs: after its MARK, up to the next MARK (or the end).
 * The load journey runs from the browser's start to the first MARK.
 * @param {Run} run
 * @param {string} journey
 */
export function spanOf(run, journey) {
  const marks = run.actions.filter((a) => a.kind === 'mark');
  if (journey === 'load') return { after: run.startSeq, upTo: marks[0]?.seq ?? Infinity };
  const index = marks.findIndex((m) => m.journey === journey);
  if (index < 0) return undefined;
  return { after: marks[index].seq, upTo: marks[index + 1]?.seq ?? Infinity };
}

/**
 * The answers to the keys pressed in one journey.
 * @param {Run} run
 * @param {string} journey
 */
export function journeyAnswers(run, journey) {
  return answersOf(run).filter((a) => a.key.journey === journey);
}

/**
 * Messages queued during a journey.
 * @param {Run} run
 * @param {string} journey
 * @param {'orca' | 'page'} [speaker]
 */
export function journeyMessages(run, journey, speaker) {
  const span = spanOf(run, journey);
  if (!span) return [];
  return messagesOf(run).filter((m) => m.queued > span.after && m.queued <= span.upTo && (!speaker || m.speaker === speaker));
}

/** A message in a sentence: `#12 “Listen push button.” (heard)` @param {Message} m */
export function describe(m) {
  const cut = m.heard ? `cut after “${m.heard}”` : 'cut';
  const fate = m.end !== undefined ? 'heard' : m.cancel !== undefined ? (m.begin !== undefined ? cut : 'dropped unheard') : 'still pending';
  return `${m.speaker} #${m.id} “${m.text}” (${fate})`;
}

/**
 * Page messages that began and were cut and not heard again: heard again is a later page
 * message that ended and whose text is the cut one or the end of it (resumed from the cut).
 * @param {Message[]} page all of the page's messages, in order
 * @param {Message[]} started the ones to check
 */
export function cutAndNotResumed(page, started) {
  return started.filter((m) => {
    if (m.end !== undefined) return false;
    const resumed = page.find((later) => later.queued > m.queued && later.end !== undefined && later.text.length > 0 && m.text.endsWith(later.text));
    return !resumed;
  });
}

/**
 * Answers Orca began only after the page had begun its next sentence (or never began), each
 * with that sentence: the screen reader's answer to a key must come before the page goes on.
 * Only the order of the log's events counts.
 * @param {Answer[]} answers
 * @param {Message[]} page all of the page's messages
 * @returns {{ answer: Answer, next: Message }[]}
 */
export function answeredAfterPage(answers, page) {
  return answers.flatMap((answer) => {
    const begun = answer.messages.flatMap((m) => (m.begin === undefined ? [] : [m.begin]));
    const first = begun.length > 0 ? Math.min(...begun) : Infinity;
    const next = page.find((m) => m.begin !== undefined && m.begin > answer.key.seq);
    return next && /** @type {number} */ (next.begin) < first ? [{ answer, next }] : [];
  });
}
