// An SVG picture is published as a drawing, never as a program: opened at its own address, an
// SVG runs its scripts on the site's origin, where the reading history and settings live.
// DOMPurify (a maintained sanitizer, with its SVG profile, in jsdom's window) removes scripts,
// handlers, foreignObject and the like; a pass after it removes what would load from elsewhere
// (links, url() and @import), which a drawing shown as an image never needs.
import type { DOMPurify } from 'dompurify';
import type { DOMWindow } from 'jsdom';

/** Raised for a file that cannot be read as an SVG drawing; the caller names the source line. */
export class SvgError extends Error {}

export interface CleanSvg {
  /** The drawing as published: the file itself when nothing was removed. */
  body: Buffer;
  /** What was removed, in words, each once (with a count where there were several). */
  removed: string[];
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A reference that loads nothing: a fragment of the drawing itself, or a picture inside it. */
const LOCAL_REFERENCE = /^\s*(#|data:image\/(png|jpeg|gif|webp|avif)[;,])/i;

/** A url() that points anywhere but the drawing itself or data in it. */
const EXTERNAL_URL = /url\(\s*['"]?\s*(?!#|data:)/i;

let sanitizer: Promise<{ window: DOMWindow; purify: DOMPurify }> | undefined;

/** jsdom and DOMPurify, loaded on the first SVG only: most sites have none. */
function loadSanitizer() {
  sanitizer ??= Promise.all([import('jsdom'), import('dompurify')]).then(
    ([{ JSDOM }, { default: createDOMPurify }]) => {
      const { window } = new JSDOM('');
      // jsdom's window has what DOMPurify uses, though its types name them apart from the DOM lib's.
      return { window, purify: createDOMPurify(window as unknown as Window & typeof globalThis) };
    },
  );
  return sanitizer;
}

/** The drawing without anything that runs or loads from elsewhere. */
export async function cleanSvg(body: Buffer): Promise<CleanSvg> {
  const text = body.toString('utf8');
  // Entities defined in the file could expand without end: a drawing needs none.
  if (/<!DOCTYPE[^>[]*\[/i.test(text))
    throw new SvgError('declares entities in its DOCTYPE; remove the DOCTYPE (a drawing needs none)');
  const { window, purify } = await loadSanitizer();
  const document = new window.DOMParser().parseFromString(text, 'image/svg+xml');
  const root = document.documentElement;
  const error = document.getElementsByTagName('parsererror')[0];
  if (error) throw new SvgError(`is not well-formed XML (${error.textContent?.trim().split('\n')[0] ?? 'unreadable'})`);
  if (root.namespaceURI !== SVG_NS || root.localName !== 'svg')
    throw new SvgError(`is not an SVG drawing: it starts with <${root.nodeName}>, not <svg>`);

  const removed: string[] = [];
  const { ELEMENT_NODE, PROCESSING_INSTRUCTION_NODE } = window.Node;
  // Before the drawing, an instruction may load a stylesheet: a cleaned drawing is its <svg> alone.
  for (const node of document.childNodes)
    if (node.nodeType === PROCESSING_INSTRUCTION_NODE) removed.push(`<?${node.nodeName}?>`);

  // <use> of the drawing's own shapes is common in drawings as exported; its links are checked below.
  purify.sanitize(root, { IN_PLACE: true, USE_PROFILES: { svg: true, svgFilters: true }, ADD_TAGS: ['use'] });
  // Comments go too, unsaid: they hold nothing a reader sees or a browser runs.
  for (const entry of purify.removed) {
    if ('attribute' in entry && entry.attribute) removed.push(`"${entry.attribute.name}" on <${entry.from.nodeName}>`);
    else if ('element' in entry && entry.element.nodeType === ELEMENT_NODE) removed.push(`<${entry.element.nodeName}>`);
    else if ('element' in entry && entry.element.nodeType === PROCESSING_INSTRUCTION_NODE)
      removed.push(`<?${entry.element.nodeName}?>`);
  }

  for (const element of [root, ...root.querySelectorAll('*')]) {
    if (
      element.localName === 'style' &&
      (/@import/i.test(element.textContent ?? '') || EXTERNAL_URL.test(element.textContent ?? ''))
    ) {
      element.remove();
      removed.push('<style> (it loads from elsewhere)');
      continue;
    }
    for (const attribute of [...element.attributes]) {
      const loads = ['href', 'src'].includes(attribute.localName)
        ? !LOCAL_REFERENCE.test(attribute.value)
        : EXTERNAL_URL.test(attribute.value);
      if (!loads) continue;
      element.removeAttributeNode(attribute);
      removed.push(`"${attribute.name}" on <${element.nodeName}> (it loads from elsewhere)`);
    }
  }
  if (removed.length === 0) return { body, removed };
  const counts = new Map<string, number>();
  for (const what of removed) counts.set(what, (counts.get(what) ?? 0) + 1);
  return {
    body: Buffer.from(new window.XMLSerializer().serializeToString(root)),
    removed: [...counts].map(([what, count]) => (count > 1 ? `${what} (${count})` : what)),
  };
}
