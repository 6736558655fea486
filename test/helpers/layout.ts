// What a reader at large text, wide spacing or a narrow screen would meet: horizontal
// scrolling, clipped text, overlapping text, small targets, hidden or invisible focus.
import type { Edition } from './edition.js';
import { animationFrames } from './waiting.js';

/** The document and every open shadow root in it, nested ones included. */
export function allRoots(doc: Document): (Document | ShadowRoot)[] {
  const roots: (Document | ShadowRoot)[] = [doc];
  for (let i = 0; i < roots.length; i++) {
    for (const el of roots[i].querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
  }
  return roots;
}

/** WCAG 1.4.12's text-spacing bookmarklet, into the document and every shadow root. */
export function injectTextSpacing(edition: Edition) {
  const sheet = new edition.win.CSSStyleSheet();
  sheet.replaceSync(`
    * { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
    p { margin-bottom: 2em !important; }
  `);
  // Adopted sheets are CSSOM, which the page's Content-Security-Policy allows.
  for (const root of allRoots(edition.doc)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

const describeEl = (el: Element) =>
  `${el.localName}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`;

function visibleTextElements(edition: Edition) {
  const elements: Element[] = [];
  for (const root of allRoots(edition.doc)) {
    for (const el of root.querySelectorAll('*')) {
      if (![...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '')) continue;
      const rect = el.getBoundingClientRect();
      // Visually hidden text (1px clipped boxes) is for screen readers only.
      if (rect.width <= 1 || rect.height <= 1) continue;
      // Content of a closed <details> keeps a layout box but is never painted.
      if (
        el.closest('.visually-hidden') ||
        !el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true })
      )
        continue;
      elements.push(el);
    }
  }
  return elements;
}

/** Every place where text is cut off, runs off the page or lies on other text. */
export function layoutProblems(edition: Edition): string[] {
  const { doc, win } = edition;
  const problems: string[] = [];
  const width = doc.documentElement.clientWidth;
  if (doc.documentElement.scrollWidth > width) {
    // An element's box, or text overflowing its box, reaching past the edge.
    const right = (el: Element) => {
      const range = doc.createRange();
      range.selectNodeContents(el);
      return Math.max(el.getBoundingClientRect().right, range.getBoundingClientRect().right);
    };
    const widest = allRoots(doc)
      .flatMap((root) => [...root.querySelectorAll('*')])
      .filter((el) => right(el) > width + 1)
      .map((el) => `${describeEl(el)} to ${Math.round(right(el))} px`);
    problems.push(
      `the page scrolls sideways (${doc.documentElement.scrollWidth} > ${width} px): ${widest.slice(0, 5).join('; ')}`,
    );
  }

  const texts = visibleTextElements(edition);
  for (const el of texts) {
    const style = win.getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    if (rect.right > width + 1 || rect.left < -1)
      problems.push(`${describeEl(el)} runs off the page (${Math.round(rect.left)}–${Math.round(rect.right)} px)`);
    const clips = (overflow: string) => overflow !== 'visible';
    if (
      (clips(style.overflowX) && el.scrollWidth > el.clientWidth + 1) ||
      (clips(style.overflowY) && el.scrollHeight > el.clientHeight + 1)
    ) {
      if (!/auto|scroll/.test(style.overflowX + style.overflowY)) problems.push(`${describeEl(el)} is clipped`);
    }
  }

  // Overlap: the line boxes of one text node lying on another's, as far as they show (text
  // scrolled out of a scroller, such as the settings sheet, lies under nothing).
  const lines: { el: Element; rect: DOMRect }[] = [];
  for (const el of texts) {
    const clip = scrollport(el, win);
    for (const node of el.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE || node.textContent!.trim() === '') continue;
      const range = doc.createRange();
      range.selectNodeContents(node);
      for (const line of range.getClientRects()) {
        const rect = intersection(line, clip);
        if (rect.width > 1 && rect.height > 1) lines.push({ el, rect });
      }
    }
  }
  // Text in a layer over the page lies there by design, not by accident: the docked player
  // bar and the settings sheet (fixed; the page scrolls beneath them and leaves room for
  // them), the offline details (absolute, stacked above the page, open only until dismissed).
  const inFixedLayer = (el: Element) => {
    for (
      let node: Element | null = el;
      node;
      node = node.parentElement ?? (node.getRootNode() as ShadowRoot).host ?? null
    ) {
      const style = win.getComputedStyle(node);
      if (
        style.position === 'fixed' ||
        (style.position === 'absolute' && style.zIndex !== 'auto' && Number(style.zIndex) > 0)
      )
        return true;
    }
    return false;
  };
  const fixed = new Map(texts.map((el) => [el, inFixedLayer(el)]));
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < lines.length; j++) {
      if (fixed.get(lines[i].el) !== fixed.get(lines[j].el)) continue;
      const a = lines[i].rect;
      const b = lines[j].rect;
      const overlapX = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const overlapY = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      // A few px of shared line box is normal leading; half a line of shared ink is not.
      if (overlapX > 2 && overlapY > Math.min(a.height, b.height) / 2 && lines[i].el !== lines[j].el) {
        problems.push(`${describeEl(lines[i].el)} overlaps ${describeEl(lines[j].el)}`);
      }
    }
  }
  return [...new Set(problems)];
}

/** The part of the screen an element can show in: inside every scroller it sits in. */
function scrollport(el: Element, win: Window): DOMRect {
  let clip = new DOMRect(-1e9, -1e9, 2e9, 2e9);
  for (
    let node = el.parentElement ?? (el.getRootNode() as ShadowRoot).host ?? null;
    node;
    node = node.parentElement ?? (node.getRootNode() as ShadowRoot).host ?? null
  ) {
    const style = win.getComputedStyle(node);
    if (
      /auto|scroll|hidden|clip/.test(style.overflowX + style.overflowY) &&
      node !== node.ownerDocument.documentElement &&
      node !== node.ownerDocument.body
    ) {
      clip = intersection(clip, node.getBoundingClientRect());
    }
  }
  return clip;
}

function intersection(a: DOMRect, b: DOMRect): DOMRect {
  const left = Math.max(a.left, b.left);
  const top = Math.max(a.top, b.top);
  return new DOMRect(
    left,
    top,
    Math.max(0, Math.min(a.right, b.right) - left),
    Math.max(0, Math.min(a.bottom, b.bottom) - top),
  );
}

/** The focused element, looking inside shadow roots. */
export function deepActiveElement(doc: Document): Element | null {
  let active: Element | null = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The clickable area of a control: its label when the label wraps it (radios, checkboxes). */
export function targetOf(control: Element): Element {
  const label = control.closest('label');
  return label && ['checkbox', 'radio'].includes((control as HTMLInputElement).type) ? label : control;
}

/**
 * Resolves once scrolling (smooth, where a newly focused element or the reading is brought into
 * view) has stopped. The frame is the event: each frame the page is where a scroll put it, and
 * a smooth scroll may start a few frames after focus moves (Firefox's later than Chromium's),
 * so five frames in one place mean nothing is moving.
 */
export async function scrollSettled(edition: Edition) {
  const position = () => `${edition.win.scrollX},${edition.win.scrollY}`;
  let last = position();
  for (let still = 0, frames = 0; still < 5 && frames < 600; frames++) {
    await animationFrames(1, edition.win);
    const now = position();
    still = now === last ? still + 1 : 0;
    last = now;
  }
}

/** Why a focused element's focus is not visible or is covered by other content, if it is. */
export function focusProblem(edition: Edition, el: Element): string | undefined {
  const style = edition.win.getComputedStyle(el);
  const outline = parseFloat(style.outlineWidth);
  if (style.outlineStyle === 'none' || outline < 2) return `${describeEl(el)} shows no focus outline`;
  // A link broken over two lines has a box per line; its bounding box's corners are not on it.
  const boxes = style.display === 'inline' ? [...el.getClientRects()] : [el.getBoundingClientRect()];
  const width = edition.doc.documentElement.clientWidth;
  const height = edition.win.innerHeight;
  // An element larger than the viewport (a button at 300% text on a 256 px high screen)
  // cannot be wholly on screen: then what is on screen must be uncovered, and some must be.
  const whole = el.getBoundingClientRect();
  const fits = whole.width <= width && whole.height <= height;
  const visible = boxes
    .map((box) =>
      fits
        ? box
        : new DOMRect(
            Math.max(0, box.left),
            Math.max(0, box.top),
            Math.min(width, box.right) - Math.max(0, box.left),
            Math.min(height, box.bottom) - Math.max(0, box.top),
          ),
    )
    .filter((rect) => rect.width > 0 && rect.height > 0);
  if (visible.length === 0) return `${describeEl(el)} is off screen`;
  const points = visible.flatMap((rect) => {
    // Rounded corners are not part of the element for hit testing: sample just inside them.
    const inset = Math.min(Math.max(2, parseFloat(style.borderTopLeftRadius) || 0), rect.width / 2, rect.height / 2);
    return [
      [rect.left + inset, rect.top + inset],
      [rect.right - inset, rect.top + inset],
      [rect.left + inset, rect.bottom - inset],
      [rect.right - inset, rect.bottom - inset],
    ] as [number, number][];
  });
  const root = el.getRootNode() as Document | ShadowRoot;
  for (const [x, y] of points) {
    const hit = root.elementFromPoint(x, y);
    const label = el.closest('label');
    if (hit && onOverlayScrollbar(edition, hit, el, x)) continue;
    if (!hit || !(el === hit || el.contains(hit) || label?.contains(hit))) {
      return `${describeEl(el)} is covered at (${Math.round(x)}, ${Math.round(y)}) by ${hit ? describeEl(hit) : 'nothing (off screen)'}`;
    }
  }
  return undefined;
}

/** How far in from a scroller's edge WebKitGTK's overlay scrollbar takes the pointer (22 px measured). */
const OVERLAY_SCROLLBAR_PX = 24;

/**
 * Whether a point that hit-tests to `scroller`, an ancestor of `el`, is on the scroller's overlay
 * scrollbar. WebKitGTK draws a vertical scrollbar over the edge of the content, taking no room,
 * and hit-testing there finds the scroller rather than the control beneath; Safari shows its
 * overlay scrollbars only while scrolling. That is the browser's own interface, not the page
 * covering focus, so such a point is not counted; browsers whose scrollbars take room never match.
 */
function onOverlayScrollbar(edition: Edition, scroller: Element, el: Element, x: number): boolean {
  if (scroller === el || !scroller.contains(el) || !('offsetWidth' in scroller)) return false;
  const box = scroller as HTMLElement;
  const style = edition.win.getComputedStyle(box);
  const borders = parseFloat(style.borderLeftWidth) + parseFloat(style.borderRightWidth);
  const takesNoRoom = box.offsetWidth - borders === box.clientWidth;
  const scrolls = /auto|scroll/.test(style.overflowY) && box.scrollHeight > box.clientHeight;
  return takesNoRoom && scrolls && x >= box.getBoundingClientRect().right - OVERLAY_SCROLLBAR_PX;
}

/** Every element in flat-tree order: shadow content where a host has a shadow root. */
export function flatTree(root: Document | ShadowRoot | Element): Element[] {
  const out: Element[] = [];
  const visit = (node: Element) => {
    out.push(node);
    const children = node.shadowRoot ? node.shadowRoot.children : node.children;
    for (const child of children) visit(child);
  };
  for (const child of root instanceof Element ? [root] : root.children) visit(child);
  return out;
}

/** Targets exempt from WCAG 2.5.5's 44 px: links inside a sentence or paragraph of text. */
export function isInlineTarget(el: Element) {
  return (
    el.matches('a') && el.parentElement?.closest('p, li:not(nav li), td, th, figcaption') !== null && !el.closest('nav')
  );
}
