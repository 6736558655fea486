// What a page driven over WebDriver (WebKit, ./driven-page.ts) does, for waits to look again on:
// the same changes as ./page-changes.ts tells for puppeteer, counted in the page itself, since
// WebDriver has no binding from the page back to the runner. A wait is a script in the page that
// answers at the next change; the runner's own events (requests, Cache Storage) are not seen, but
// the page's are: its worker's messages, media, DOM and load events.
import { watchPageSource, type Changes } from './page-changes.ts';

/** Which document, and how many changes it has told. */
interface Mark {
  document: string;
  count: number;
}

/** The page's count, in the window (a new document starts anew, with a new id). */
const STATE = '__pageChangeState';
const BINDING = '__pageChangedHere';

/** An in-page wait answers within this, below WebDriver's script timeout (30 s); the runner then looks again. */
const LONGEST_WAIT_MS = 10_000;

/** Installs the watcher once per document and answers its mark. */
const MARK_SCRIPT = `
  const page = window;
  if (!page.${STATE}) {
    const state = { document: Math.random().toString(36).slice(2), count: 0, waiters: [] };
    page.${STATE} = state;
    page.${BINDING} = () => {
      state.count += 1;
      for (const wake of state.waiters.splice(0)) wake();
    };
    ${watchPageSource(BINDING)};
  }
  return { document: page.${STATE}.document, count: page.${STATE}.count };
`;

/** Resolves at once if the page changed since the mark, else at its next change or after the time given. */
const WAIT_SCRIPT = `
  const [mark, ms] = arguments;
  const state = window.${STATE};
  if (!state || state.document !== mark.document || state.count > mark.count) return;
  return new Promise((done) => {
    const timer = setTimeout(done, ms);
    state.waiters.push(() => {
      clearTimeout(timer);
      done();
    });
  });
`;

export class WebDriverPageChanges implements Changes<Mark | undefined> {
  constructor(private readonly browser: WebdriverIO.Browser) {}

  /** Undefined while the page is between documents: the next look then waits for the new one (WebDriver does). */
  async mark(): Promise<Mark | undefined> {
    return (this.browser.execute(MARK_SCRIPT) as Promise<Mark>).catch(() => undefined);
  }

  async after(mark: Mark | undefined, ms: number): Promise<void> {
    if (!mark || ms <= 0) return;
    // A navigation ends the script with an error ("not called before the unload event"): a change too.
    await this.browser.execute(WAIT_SCRIPT, mark, Math.min(ms, LONGEST_WAIT_MS)).catch(() => undefined);
  }
}
