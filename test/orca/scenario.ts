// A scenario is what a blind user does, one line at a time, and the runner does it at a
// listener's pace: after each key it waits until Orca has finished answering (or a limit), so
// what follows a key in the log is the answer to that key.
//
//   MARK <journey> <title…>         a journey starts (assertions and transcripts group by it)
//   KEY <keysym> [seconds]          press a key (xdotool keysym: h, Tab, shift+Tab, alt+shift+Right);
//                                   wait until Orca has answered, at most `seconds` (default 10)
//   SEEK <keysym> <presses>[@seconds] <regex>   press the key until Orca's answer matches, at
//                                   most `presses` times, waiting at most `seconds` (default 10)
//                                   for each answer; the answer that matches is heard out
//   SEEK <keysym>,<keysym> …        the first key up to `presses` times, then the second up to
//                                   twice as many (to find a control either way)
//   SKIM …                          as SEEK, but each press waits only until Orca's answer has
//                                   begun and been heard a moment (at most `seconds`, default 6):
//                                   a reader moving on once they hear where they are, as while
//                                   the page reads aloud
//   UNTIL <orca|page> <regex> [seconds]   press nothing until that speaker begins a message that
//                                   matches (at most `seconds`, default 30)
//   QUIET <seconds>                 press nothing for that long: for a check that nothing is said
//                                   then (the one timed step: no event marks a silence)
//   # …                             a comment
import type { SpeechEvent, SpeechLog, Speaker } from './speech-log.ts';
import type { OrcaStack } from './stack.ts';

export type Step =
  | { op: 'mark'; journey: string; title: string }
  | { op: 'key'; keysym: string; wait: number }
  | { op: 'seek'; keysyms: string[]; presses: number; wait: number; pattern: RegExp; skim: boolean }
  | { op: 'quiet'; seconds: number }
  | { op: 'until'; speaker: Speaker; pattern: RegExp; seconds: number };

export type ActionKind =
  | { kind: 'mark'; journey: string; title: string }
  | { kind: 'key'; keysym: string; journey: string }
  | { kind: 'note'; text: string; journey: string };

/**
 * What was done, when, and where in the log: `seq` is the last speech event read before it, so
 * what the log holds after it came after it.
 */
export type Action = ActionKind & { time: number; seq: number };
export type KeyAction = Extract<Action, { kind: 'key' }>;

export function parseScenario(text: string): Step[] {
  const steps: Step[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const [op, ...rest] = line.split(/\s+/);
    // A declaration, so that the checker knows the code after a call to it does not run.
    function fail(why: string): never {
      throw new Error(`scenario line ${index + 1}: ${why}: ${line}`);
    }
    const seconds = (value: string | undefined, fallback = NaN) => {
      const number = value === undefined ? fallback : Number(value);
      if (!(number >= 0)) fail('expected a number of seconds');
      return number;
    };
    const pattern = (source: string) => {
      if (!source) fail('expected a regular expression');
      return new RegExp(source, 'i');
    };
    switch (op) {
      case 'MARK':
        if (!rest[0]) fail('expected a journey name');
        steps.push({ op: 'mark', journey: rest[0], title: rest.slice(1).join(' ') || rest[0] });
        break;
      case 'KEY':
        if (!rest[0] || rest.length > 2) fail('expected KEY <keysym> [seconds]');
        steps.push({ op: 'key', keysym: rest[0], wait: seconds(rest[1], 10) });
        break;
      case 'SEEK':
      case 'SKIM': {
        const skim = op === 'SKIM';
        const [presses, wait = skim ? 6 : 10] = (rest[1] ?? '').split('@').map(Number);
        if (!rest[0] || !(presses > 0) || !(wait > 0)) fail(`expected ${op} <keysym> <presses>[@seconds] <regex>`);
        const keysyms = rest[0].split(',');
        if (keysyms.length > 2 || keysyms.includes('')) fail('expected one key, or two separated by a comma');
        steps.push({ op: 'seek', keysyms, presses, wait, pattern: pattern(rest.slice(2).join(' ')), skim });
        break;
      }
      case 'QUIET':
        steps.push({ op: 'quiet', seconds: seconds(rest[0]) });
        break;
      case 'UNTIL': {
        const speaker = rest[0];
        if (speaker !== 'orca' && speaker !== 'page') fail('expected UNTIL orca|page <regex> [seconds]');
        const last = rest.at(-1) ?? '';
        const timed = rest.length > 2 && /^\d+(\.\d+)?$/.test(last);
        steps.push({
          op: 'until',
          speaker,
          pattern: pattern(rest.slice(1, timed ? -1 : undefined).join(' ')),
          seconds: timed ? Number(last) : 30,
        });
        break;
      }
      default:
        fail(`unknown step ${op}`);
    }
  });
  return steps;
}

/** Orca's answer has settled once nothing of it is pending and it has been quiet this long. */
const QUIET_MS = 1200;
/** …but never before this long after the key: Orca takes a moment to react on a busy machine. */
const REACTION_MS = 500;
/** Skimming, how much of Orca's answer a reader hears before the next key: a control's name. */
const SKIM_HEARD_MS = 1500;

/**
 * Runs the steps against a started stack; `stopped` says whether to give up (the stack is
 * stopping).
 */
export async function runScenario(
  stack: OrcaStack,
  steps: Step[],
  say: (line: string) => void = () => {},
  stopped: () => boolean = () => false,
): Promise<Action[]> {
  const actions: Action[] = [];
  let journey = 'load';
  const log = stack.speech;
  /** Notes an action, after reading the log up to now. */
  const act = async (action: ActionKind) => {
    await log.read();
    actions.push({ ...action, time: Date.now(), seq: log.events.at(-1)?.seq ?? 0 });
  };

  /**
   * Presses a key and waits until Orca has said its answer (or, skimming, begun it); the
   * answer's words, key echo left out.
   */
  const press = async (keysym: string, limit: number, skim = false) => {
    await act({ kind: 'key', keysym, journey });
    const from = log.events.length;
    const time = Date.now();
    const answer = () =>
      log.events
        .slice(from)
        .filter((e) => e.speaker === 'orca' && e.kind === 'queued' && !isKeyEcho(e.text ?? '', keysym));
    await stack.key(keysym);
    if (skim) {
      // Until the answer's first words are heard: it ended or was cut, or has been heard a moment.
      let begun: SpeechEvent | undefined;
      const begins = (events: SpeechEvent[]) => {
        const ids = new Set(answer().map((e) => e.id));
        begun = events.slice(from).find((e) => e.kind === 'begin' && ids.has(e.id));
        return begun !== undefined;
      };
      await waitForSpeech(log, time, limit * 1000, begins);
      if (begun) {
        const { id, time: start } = begun;
        const over = (events: SpeechEvent[]) =>
          events.some((e) => e.id === id && (e.kind === 'end' || e.kind === 'cancel'));
        await waitForSpeech(log, start, Math.min(SKIM_HEARD_MS, time + limit * 1000 - start), over);
      }
    } else {
      await settle(log, time, limit * 1000);
    }
    return answer()
      .map((e) => e.text)
      .join(' / ');
  };

  for (const step of steps) {
    if (stopped()) throw new Error('the stack stopped during the scenario');
    switch (step.op) {
      case 'mark':
        journey = step.journey;
        say(`journey ${step.journey}: ${step.title}`);
        await act({ kind: 'mark', journey: step.journey, title: step.title });
        break;
      case 'key':
        await press(step.keysym, step.wait);
        break;
      case 'seek': {
        let found = false;
        for (const [index, keysym] of step.keysyms.entries()) {
          for (let i = 0; i < step.presses * (index + 1) && !found; i += 1)
            found = step.pattern.test(await press(keysym, step.wait, step.skim));
        }
        if (found) await settle(log, Date.now(), 10_000);
        else
          await act({
            kind: 'note',
            journey,
            text: `${step.pattern} not heard after pressing ${step.keysyms.join(', then ')}`,
          });
        break;
      }
      case 'quiet':
        await quiet(log, step.seconds * 1000);
        break;
      case 'until': {
        await log.read();
        const from = log.events.length;
        const begun = (events: SpeechEvent[]) =>
          events
            .slice(from)
            .some((e) => e.speaker === step.speaker && e.kind === 'begin' && step.pattern.test(e.text ?? ''));
        await waitForSpeech(log, Date.now(), step.seconds * 1000, begun);
        if (!begun(log.events))
          await act({
            kind: 'note',
            journey,
            text: `${step.speaker} began nothing matching ${step.pattern} within ${step.seconds} s`,
          });
        break;
      }
    }
  }
  await log.read();
  return actions;
}

/** Waits until what the log holds satisfies `done` (looking again on each write), or `limit` ms after `since`. */
export async function waitForSpeech(
  log: SpeechLog,
  since: number,
  limit: number,
  done: (events: SpeechEvent[]) => boolean,
): Promise<void> {
  for (;;) {
    await log.read();
    if (done(log.events)) return;
    const left = since + limit - Date.now();
    if (left <= 0) return;
    await log.grown(left);
  }
}

/**
 * Waits until Orca has finished what it started saying since `since`: nothing of its queued
 * speech is still pending (every message ended or was cancelled) and it has been quiet for a
 * moment; or until `limit` ms have passed. The quiet is the one thing timed: a silence is the
 * absence of an event, so it is heard out, woken early by any write to the log.
 */
export async function settle(log: SpeechLog, since: number, limit: number): Promise<void> {
  for (;;) {
    await log.read();
    const now = Date.now();
    if (now - since >= limit) return;
    const pending = new Set<number>();
    let last = since;
    for (const e of log.events) {
      if (e.speaker !== 'orca' || e.id === undefined) continue;
      if (e.kind === 'queued') pending.add(e.id);
      if (e.kind === 'end' || e.kind === 'cancel') pending.delete(e.id);
      last = Math.max(last, e.time);
    }
    const quietFor = Math.max(REACTION_MS - (now - since), QUIET_MS - (now - last));
    if (pending.size === 0 && quietFor <= 0) return;
    await log.grown(Math.min(since + limit - now, pending.size === 0 ? quietFor : Infinity));
  }
}

/**
 * Hears the next `ms` out, for a journey's check that something does not happen then (the page
 * stays silent after Pause or Stop): no event marks a silence, so this one wait is timed.
 */
async function quiet(log: SpeechLog, ms: number): Promise<void> {
  const end = Date.now() + ms;
  for (let left = ms; left > 0; left = end - Date.now()) {
    await log.read();
    await log.grown(left);
  }
}

/** Whether Orca's message is its key echo for the key just pressed ("tab", "left shift", "P"). */
export function isKeyEcho(text: string, keysym: string): boolean {
  const said = text.trim().toLowerCase();
  const parts = keysym.split('+');
  // split always gives at least one part
  const key = parts[parts.length - 1];
  const names = new Set([
    key.toLowerCase(),
    key.replace(/_/g, ' ').toLowerCase(),
    key.replace(/_L$|_R$/, '').toLowerCase(),
  ]);
  for (const modifier of [...parts.slice(0, -1), key]) {
    const base = modifier
      .replace(/_[LR]$/, '')
      .toLowerCase()
      .replace(/^ctrl$/, 'control');
    if (['shift', 'control', 'alt', 'super'].includes(base)) {
      names.add(`left ${base}`);
      names.add(`right ${base}`);
    }
  }
  return names.has(said);
}
