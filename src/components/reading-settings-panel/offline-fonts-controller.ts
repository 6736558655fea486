import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { announce } from '../../announcer.js';
import type { PreferenceChangeEvent } from '../../preferences/preference-store.js';
import { readingSettings, type ReadingSettings } from '../../preferences/reading-settings.js';
import { FONT_CACHE } from '../../service-worker/font-cache.js';
import { firstUseWords } from '../../words/first-use-words.js';
import { fill } from '../../words/template.js';

/**
 * The fonts the site ships (the others are the device's own): each choice's family as the
 * stylesheet names it (src/styles/edition/tokens.css).
 */
const OPTIONAL_FONTS = {
  atkinson: 'Atkinson Hyperlegible',
  opendyslexic: 'OpenDyslexic',
} as const satisfies Partial<Record<ReadingSettings['font'], string>>;
type OptionalFont = keyof typeof OPTIONAL_FONTS;

const FONTS = Object.keys(OPTIONAL_FONTS) as OptionalFont[];

const isOptional = (font: string): font is OptionalFont => Object.hasOwn(OPTIONAL_FONTS, font);

/** A family as CSS or a FontFace gives it, quotes taken off. */
const unquoted = (family: string) => family.trim().replace(/^(["'])(.*)\1$/, '$2');

/** The address of each face of a family in the page's stylesheets: its woff2 file, which every browser the edition supports takes. */
function fontFiles(family: string): string[] {
  const files: string[] = [];
  const visit = (sheet: CSSStyleSheet) => {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      return; // another origin's sheet: none of the edition's fonts are there
    }
    for (const rule of rules) {
      if (rule instanceof CSSImportRule && rule.styleSheet) visit(rule.styleSheet);
      if (!(rule instanceof CSSFontFaceRule) || unquoted(rule.style.getPropertyValue('font-family')) !== family)
        continue;
      const woff2 = /url\(\s*["']?([^"')]+?)["']?\s*\)\s*format\(\s*["']?woff2/.exec(
        rule.style.getPropertyValue('src'),
      );
      if (woff2) files.push(new URL(woff2[1], sheet.href ?? document.baseURI).href);
    }
  };
  for (const sheet of document.styleSheets) visit(sheet);
  return files;
}

/** Whether every face of a family is in the font cache, where the worker answers from offline. */
async function kept(family: string) {
  const files = fontFiles(family);
  try {
    const cache = await caches.open(FONT_CACHE);
    for (const file of files) if (!(await cache.match(file, { ignoreVary: true }))) return false;
    return files.length > 0;
  } catch {
    return false; // no Cache Storage here (an insecure page, some private modes): nothing is kept
  }
}

/**
 * Whether the site answers now: a HEAD request for this page, past every cache (the worker
 * handles only GET requests). navigator.onLine alone says too little: a train's signal can be
 * there with nothing getting through, and a site can be down.
 */
async function siteAnswers() {
  if (!navigator.onLine) return false;
  try {
    await fetch(location.href, { method: 'HEAD', cache: 'no-store' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether each optional font can be had now, for the reading settings. Online every font can:
 * the browser downloads it when the setting uses it. Offline only a font kept on this device
 * can: every face of it in the worker's font cache. A font is kept whole once first used, where
 * the offline worker controls the page: when the reader chooses it online, or opens the panel
 * online with it chosen, every face of it loads (the worker keeps each as it passes; the page
 * keeps any it did not, as before it controlled the page), not only those the page has needed
 * so far. A font that cannot be had is marked in the panel, and choosing one is said, so it is
 * never silently replaced by the fallback. Checked each time the panel opens, when the reader
 * chooses an optional font, and when the browser goes online or offline: a font chosen offline
 * is kept once the site answers again.
 */
export class OfflineFontsController implements ReactiveController {
  /** The optional fonts that cannot be had now: not kept on this device, and the site does not answer. */
  unavailable: ReadonlySet<string> = new Set<OptionalFont>();

  private readonly host: ReactiveControllerHost;
  private readonly settings = readingSettings();
  private readonly isOpen: () => boolean;
  private wasOpen = false;
  private listeners?: AbortController;
  /** The latest check; checks run one after the other. */
  private checking = Promise.resolve();

  /** @param isOpen whether the host shows the fonts now (the panel is open) */
  constructor(host: ReactiveControllerHost, isOpen: () => boolean) {
    this.host = host;
    this.isOpen = isOpen;
    host.addController(this);
  }

  hostConnected() {
    this.listeners = new AbortController();
    const options = { signal: this.listeners.signal };
    const recheck = () => void this.check();
    window.addEventListener('online', recheck, options);
    window.addEventListener('offline', recheck, options);
    this.settings.addEventListener(
      'change',
      (event) => void this.changed(event as PreferenceChangeEvent<ReadingSettings>),
      options,
    );
  }

  /** Each opening looks again: the site may have gone, or come back, with the browser none the wiser. */
  hostUpdated() {
    const open = this.isOpen();
    if (open && !this.wasOpen) void this.check();
    this.wasOpen = open;
  }

  hostDisconnected() {
    this.listeners?.abort();
  }

  /** Looks again, and keeps the chosen font where the site answers. Resolves once done. */
  check(): Promise<void> {
    this.checking = this.checking.then(async () => {
      const online = await siteAnswers();
      const unavailable = new Set<OptionalFont>();
      if (!online) for (const font of FONTS) if (!(await kept(OPTIONAL_FONTS[font]))) unavailable.add(font);
      this.unavailable = unavailable;
      this.host.requestUpdate();
      const font = this.settings.value.font;
      if (online && isOptional(font)) await this.keep(font);
    });
    return this.checking;
  }

  /** The reader chose a font in the panel: kept whole if it can be had, said if it cannot. */
  private async changed(event: PreferenceChangeEvent<ReadingSettings>) {
    const font = this.settings.value.font;
    if (event.source !== 'reader' || !event.changed.includes('font') || !isOptional(font)) return;
    await this.check();
    // Unless chosen again meanwhile.
    if (this.settings.value.font === font && this.unavailable.has(font)) {
      const words = firstUseWords().settings;
      announce(fill(words.fontNeedsConnection, { font: words.each.font.choices[font] }), 'reading-settings');
    }
  }

  /** Keeps every face of a font, where the offline worker controls the page (without it, nothing is kept for offline). */
  private async keep(font: OptionalFont) {
    if (!navigator.serviceWorker?.controller) return;
    const family = OPTIONAL_FONTS[font];
    // Each face loads once, the page's own use of it included, through the worker, which keeps it.
    const faces = [...document.fonts].filter((face) => unquoted(face.family) === family);
    await Promise.all(faces.map((face) => face.load().catch(() => undefined)));
    try {
      const cache = await caches.open(FONT_CACHE);
      for (const file of fontFiles(family)) if (!(await cache.match(file, { ignoreVary: true }))) await cache.add(file);
    } catch {
      // The connection went, or storage is full: offline, the panel will say the font needs a connection.
    }
  }
}
