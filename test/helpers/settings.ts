// Drives the reading settings panel inside an edition frame the way a reader would:
// through its native controls, with real input and change events.
import { choicesOf, READING_SETTINGS, type ReadingSettings } from '../../src/preferences/reading-settings.js';
import { announced } from './announcer.js';
import type { Edition } from './edition.js';
import { SETTINGS_KEY } from './storage.js';
import { animationFrames } from './waiting.js';

/** Stores reading settings for the next page load, as a returning reader has them. */
export function storeSettings(settings: Partial<ReadingSettings>) {
  localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
}

/** The largest text and the widest spacing the panel offers: every slider at its maximum. */
export const LARGEST: Partial<ReadingSettings> = Object.fromEntries(
  Object.entries(READING_SETTINGS).flatMap(([key, setting]) => ('max' in setting ? [[key, setting.max]] : [])),
);

/** The themes a reader can choose, "follow system" first. */
export const THEMES = choicesOf(READING_SETTINGS.theme);

export function panel(edition: Edition) {
  const root = edition.doc.querySelector('reading-settings-panel')!.shadowRoot!;
  return {
    root,
    toggle: root.querySelector<HTMLButtonElement>('.toggle')!,
    /** What the page's announcer says now. */
    status: () => announced(edition),
    notices: () => [...root.querySelectorAll('.notice')].map((p) => p.textContent!.trim()),
    range: (id: string) => root.getElementById(id) as HTMLInputElement,
    radio: (name: string, value: string) =>
      root.querySelector<HTMLInputElement>(`input[name="${name}"][value="${value}"]`)!,
    checkbox: (name: string) => root.querySelector<HTMLInputElement>(`input[name="${name}"]`)!,
    button: (text: string) =>
      [...root.querySelectorAll('button')].find((b) => b.textContent!.replace(/\s+/g, ' ').trim() === text)!,
  };
}

export async function openPanel(edition: Edition) {
  const p = panel(edition);
  if (p.toggle.getAttribute('aria-expanded') !== 'true') p.toggle.click();
  await settled(edition);
  return p;
}

/** Moves a slider as a reader would: the value changes and an input event fires. */
export async function slide(edition: Edition, id: string, value: number) {
  const input = panel(edition).range(id);
  input.value = String(value);
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await settled(edition);
}

export async function choose(edition: Edition, name: string, value: string) {
  panel(edition).radio(name, value).click();
  await settled(edition);
}

export async function check(edition: Edition, name: string, checked: boolean) {
  const box = panel(edition).checkbox(name);
  if (box.checked !== checked) box.click();
  await settled(edition);
}

/** Waits for the components to render and the browser to lay the page out again. */
export async function settled(edition: Edition) {
  // Line focus's code loads once the setting is on (src/main.ts).
  if (edition.doc.documentElement.dataset.lineFocus === 'on')
    await edition.win.customElements.whenDefined('line-focus');
  for (const tag of ['reading-settings-panel', 'line-focus']) {
    await (edition.doc.querySelector(tag) as unknown as { updateComplete: Promise<unknown> } | null)?.updateComplete;
  }
  // Laid out again: the next frame.
  await animationFrames(1, edition.win);
}

/** Reloads the page in its frame, as on a next visit. */
export async function reload(edition: Edition): Promise<Edition> {
  const loaded = new Promise((resolve) => edition.frame.addEventListener('load', resolve, { once: true }));
  edition.win.location.reload();
  await loaded;
  const win = edition.frame.contentWindow as Edition['win'];
  const doc = edition.frame.contentDocument!;
  await win.customElements.whenDefined('reading-settings-panel');
  const next = { frame: edition.frame, doc, win };
  await settled(next);
  return next;
}

export const px = (value: string) => parseFloat(value);

/** Computed style of the article's first body paragraph, or of another element in it. */
export function articleStyle(edition: Edition, selector = 'article > p') {
  return edition.win.getComputedStyle(edition.doc.querySelector(selector)!);
}
