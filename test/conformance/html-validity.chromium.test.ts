// The Nu Html Checker (the W3C's validator, npm vnu-jar, run by test/plugins/html-validity-plugin.ts)
// over the built page as served, and over the page with each component's shadow content written
// out inline (the checker does not look inside shadow roots) in the states that add markup: idle,
// settings panel open, player playing with its options and every voice shown.
import { expect } from 'chai';
import { executeServerCommand } from '@web/test-runner-commands';
import type { Edition } from '../helpers/edition.js';
import { htmlWithShadowContent } from '../helpers/inline-shadow.js';
import { playerOf } from '../helpers/player.js';
import { openPanel } from '../helpers/settings.js';
import { fakeVoice, startPlaying } from '../helpers/speech.js';
import { leaveState, openInState, STATES } from '../helpers/states.js';
import { startEachTestAfresh } from '../helpers/storage.js';
import { mutations, until } from '../helpers/waiting.js';

interface ValidityMessage {
  document: string;
  type: 'error' | 'warning' | 'info';
  message: string;
  line?: number;
  extract?: string;
}

/**
 * Warnings that are the checker's, not the page's: it applies the page's Content-Security-Policy
 * to a file it reads from disk, where 'self' matches nothing; it counts JSON data blocks
 * (JSON-LD, the pronunciation lexicon), which no browser executes, as inline scripts; and in a
 * page written out from the live DOM, custom properties the scripts set through the CSSOM
 * (which CSP allows; test/helpers/edition.ts fails any test that breaks the policy) show as a
 * style attribute.
 */
const NOT_THE_PAGES =
  /^((Resource|Inline script) violates|The “style” attribute violates) Content Security Policy \(meta tag\)/;

/**
 * The page's stylesheet is inlined in its head. The checker's CSS parser predates container
 * queries, ::part() and ::highlight(), which every browser the edition supports has, so it is
 * given the markup only (as when the stylesheet was a file of its own).
 */
const markupOnly = (html: string) => html.replace(/(<style>)[^]*?(<\/style>)/g, '$1$2');

/** Checks documents in one run of the checker (which takes longer than one command may). */
async function check(documents: { name: string; html: string }[]): Promise<ValidityMessage[]> {
  const run = await executeServerCommand<number, typeof documents>(
    'html-validity-start',
    documents.map((d) => ({ ...d, html: markupOnly(d.html) })),
  );
  for (;;) {
    const result = await executeServerCommand<{ done: boolean; messages?: ValidityMessage[]; error?: string }, number>(
      'html-validity-result',
      run,
    );
    if (result.error) throw new Error(result.error);
    if (result.done) return result.messages!;
  }
}

const report = (messages: ValidityMessage[]) =>
  messages
    .map(
      (m) =>
        `${m.document}${m.line ? `:${m.line}` : ''}: ${m.type}: ${m.message}\n    …${m.extract?.replace(/\s+/g, ' ') ?? ''}…`,
    )
    .join('\n');

async function snapshot(name: string, enter: (edition: Edition) => Promise<void>) {
  const edition = await openInState(STATES[0], { width: 1280, height: 800 });
  await enter(edition);
  const html = htmlWithShadowContent(edition.doc);
  leaveState();
  return { name, html };
}

describe('HTML validity (Nu Html Checker)', function () {
  this.timeout(240_000);
  startEachTestAfresh();

  it('finds no error or warning in the built page, nor in its components’ markup in any state', async () => {
    const documents = [
      { name: 'built page as served', html: await (await fetch('/dist/index.html')).text() },
      await snapshot('idle, components rendered', async () => {}),
      await snapshot('settings panel open', async (edition) => void (await openPanel(edition))),
      await snapshot('player playing, options and every voice shown', async (edition) => {
        await startPlaying(edition, [
          fakeVoice('Microsoft Aria Online (Natural) - English (United States)', 'en-US', { localService: false }),
          ...['Daniel', 'Karen', 'Moira', 'Samantha', 'Tessa', 'Fred'].map((name) => fakeVoice(name, 'en-GB')),
        ]);
        const player = playerOf(edition);
        player.button('more')!.click();
        await player.rendered();
        player.root.querySelector<HTMLButtonElement>('.more-voices')!.click();
        await player.rendered();
        // The announcer has spoken ("Playing.", or the offline status after it).
        await until(() => player.status() !== '', 'the announcer to speak', mutations(edition.doc.body));
      }),
    ];
    // Each state's markup really holds what it should (so a pass is not a check of nothing).
    expect(
      /<input type="range" id="textSize"/.test(documents[2].html),
      'the panel’s controls are written out',
    ).to.equal(true);
    expect(
      documents[3].html.includes('<optgroup label="More voices">'),
      'the player’s options are written out',
    ).to.equal(true);
    expect(documents[3].html.includes('data-edition-announcer'), 'the announcer is there').to.equal(true);

    const messages = (await check(documents)).filter((m) => m.type !== 'info' && !NOT_THE_PAGES.test(m.message));
    expect(messages, report(messages)).to.deep.equal([]);
  });

  it('would fail on an invalid page: the checker runs and its errors reach the test', async () => {
    const messages = await check([
      {
        name: 'an output in a label for',
        html: '<!doctype html><html lang="en"><title>t</title><label for="a">A <output>1</output></label><input id="a"></html>',
      },
    ]);
    expect(messages.filter((m) => m.type === 'error').map((m) => m.message)).to.deep.equal([
      'Any “output” descendant of a “label” element with a “for” attribute must have an ID value that matches that “for” attribute.',
    ]);
  });
});
