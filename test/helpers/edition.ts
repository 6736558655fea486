// Opens the real edition page in an iframe of a given size, so each test sees the page
// exactly as served, at a real viewport width, with or without JavaScript.

export interface EditionOptions {
  /** Page to open; the dev-server-rendered article by default. */
  path?: string;
  /** Viewport width in CSS px. */
  width?: number;
  height?: number;
  /** false runs the page with scripts disabled (sandboxed iframe), as for a reader without JavaScript. */
  scripts?: boolean;
}

export interface Edition {
  frame: HTMLIFrameElement;
  doc: Document;
  win: Window & typeof globalThis;
}

const opened: Element[] = [];
/** Content-Security-Policy violations seen in any frame since it loaded. */
const violations: string[] = [];

export async function openEdition({
  path = '/index.html',
  width = 1280,
  height = 800,
  scripts = true,
}: EditionOptions = {}): Promise<Edition> {
  const frame = document.createElement('iframe');
  frame.style.cssText = `width:${width}px;height:${height}px;border:0;display:block`;
  if (!scripts) frame.setAttribute('sandbox', 'allow-same-origin');
  // Focusable stand-ins for the browser's own interface before and after the page: Tab out
  // of the page lands here, so focus never leaves the test's window (Firefox would not give
  // a frame focus again after that).
  const before = outside('before the page');
  const after = outside('after the page');
  document.body.append(before, frame, after);
  opened.push(before, frame, after);
  // Lay the frame out at its size before its page starts parsing: inline scripts in the page
  // (the contents collapse on phones) read the viewport width as they run.
  frame.getBoundingClientRect();
  // Appending a frame without a page fires a load of its own (about:blank): wait for the page's.
  const loaded = new Promise<void>((resolve, reject) => {
    const onLoad = () => {
      if (frame.contentWindow?.location.href === 'about:blank') return;
      frame.removeEventListener('load', onLoad);
      resolve();
    };
    frame.addEventListener('load', onLoad);
    frame.addEventListener('error', () => reject(new Error(`could not load ${path}`)), { once: true });
  });
  frame.src = path;
  await loaded;
  const win = frame.contentWindow as Window & typeof globalThis;
  const doc = frame.contentDocument!;
  doc.addEventListener('securitypolicyviolation', (event) => {
    // axe-core, which the tests inject, adds style elements of its own; the edition must not.
    if (event.sourceFile.includes('/node_modules/axe-core/')) return;
    violations.push(
      `${event.violatedDirective} blocked ${event.blockedURI || 'inline code'} (${event.sourceFile}:${event.lineNumber})`,
    );
  });
  // Components come one task apart (src/own-task.ts): wait for every one the page holds, but
  // line focus, which loads only once a reader turns it on.
  if (scripts && !path.includes('without-modules')) {
    const tags = new Set([...doc.querySelectorAll(':not(:defined)')].map((element) => element.localName));
    tags.delete('line-focus');
    await Promise.all([...tags].map((tag) => win.customElements.whenDefined(tag)));
    // Some render a few at a time, in later tasks (listen-here.ts).
    const rendered = [...doc.querySelectorAll([...tags].join(', ') || ':not(*)')].map(
      (element) => (element as Element & { updateComplete?: Promise<unknown> }).updateComplete,
    );
    await Promise.all(rendered);
  }
  await doc.fonts?.ready;
  return { frame, doc, win };
}

function outside(label: string) {
  const button = document.createElement('button');
  button.textContent = label;
  button.className = 'outside-the-page';
  return button;
}

/**
 * Removes every frame opened by the tests so far, and fails the test if the page broke its
 * own Content-Security-Policy (a style attribute set by a component, say) while it ran.
 */
export function closeEditions() {
  for (const element of opened.splice(0)) element.remove();
  const seen = violations.splice(0);
  if (seen.length > 0) throw new Error(`Content-Security-Policy violations:\n${seen.join('\n')}`);
}

/** The words of a text: runs of letters and digits, with the punctuation at their edges removed. */
export function words(text: string): string[] {
  return text
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => w !== '');
}

/** The article's own text: everything in <article> except what the edition adds (marked data-edition). */
export function articleText(doc: Document): string {
  const article = doc.querySelector('article')!.cloneNode(true) as HTMLElement;
  for (const added of article.querySelectorAll('[data-edition]')) added.remove();
  // Block boundaries must separate words even where the markup has no whitespace between them.
  for (const block of article.querySelectorAll('p, h1, h2, h3, h4, li, th, td, figcaption, caption')) block.append(' ');
  return article.textContent ?? '';
}
