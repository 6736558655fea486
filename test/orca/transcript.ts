// A run as readable text: each key pressed, then what Orca said and what the page's own speech
// did, in the order speech-dispatcher played it, under the journey's heading.
import { messagesOf, type Run } from './heard.ts';

export const LOAD_TITLE = 'the page loads, Orca reads it';

const short = (text: string, length = 48) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

export function formatTranscript(run: Run): string {
  const messages = new Map(messagesOf(run).map((m) => [m.id, m]));
  const seconds = (time: number) => ((time - run.started) / 1000).toFixed(1).padStart(6);
  const page = run.events.find((e) => e.speaker === 'page' && e.kind === 'queued');

  const lines = [
    `What Orca ${run.versions.orca} said, and the page's own speech, in ${run.versions.browser}, on ${new Date(run.started).toISOString().slice(0, 10)}.`,
    `Regenerate: npm run orca -- --browser ${run.browser} --update-transcripts`,
    '',
    'Seconds since the browser started. KEY: a key pressed (xdotool; Orca hears it as a real key).',
    'Orca: the screen reader. page: the page reading aloud through speechSynthesis',
    page
      ? `  (speech-dispatcher client "${page.client}", priority ${page.priority}; Orca speaks at MESSAGE).`
      : '  (the page did not speak in this run).',
    "BEGIN/END: a message's audio started/finished. CANCEL: it was cut, or dropped before it began.",
    '(echo) marks Orca saying the name of the key just pressed.',
  ];

  const actions = run.actions.map((action) => ({
    seq: action.seq,
    line:
      action.kind === 'mark'
        ? `\n## ${action.journey}: ${action.title}\n`
        : action.kind === 'key'
          ? `${seconds(action.time)}  KEY ${action.keysym}`
          : `${seconds(action.time)}  NOTE ${action.text}`,
  }));
  /** Speech in log order; each action goes in before the first event read after it. */
  const rows = [`\n## load: ${LOAD_TITLE}\n`];
  const push = (seq: number, line: string) => {
    while (actions.length > 0 && actions[0].seq < seq) rows.push(actions.shift()!.line); // not empty: checked
    rows.push(line);
  };
  for (const e of run.events) {
    if (e.seq <= run.startSeq) continue;
    const who = e.speaker === 'orca' ? 'Orca' : 'page';
    const at = `${seconds(e.time)}        ${who.padEnd(4)}`;
    if (e.kind === 'command') {
      if (e.speaker === 'page') push(e.seq, `${at}  sends ${e.command}`);
      continue;
    }
    const m = e.id === undefined ? undefined : messages.get(e.id);
    if (!m) continue;
    const echo = m.echo ? '(echo) ' : '';
    if (e.kind === 'begin') push(e.seq, `${at}  BEGIN  #${m.id}  ${echo}${m.text}`);
    if (m.echo) continue;
    if (e.kind === 'end') push(e.seq, `${at}  END    #${m.id}  “${short(m.text)}”`);
    if (e.kind === 'pause' || e.kind === 'resume') push(e.seq, `${at}  ${e.kind.toUpperCase().padEnd(6)} #${m.id}`);
    if (e.kind === 'cancel') {
      const detail =
        m.begin === undefined
          ? `dropped before it began: ${m.text}`
          : m.heard
            ? `cut after “${short(m.heard, 60)}”`
            : `cut: “${short(m.text)}”`;
      push(e.seq, `${at}  CANCEL #${m.id}  ${detail}`);
    }
  }
  rows.push(...actions.map((a) => a.line));
  if (run.failure) rows.push(`\nThe run stopped early: ${run.failure}`);
  return `${lines.join('\n')}\n${rows.join('\n')}\n`;
}
