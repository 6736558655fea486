// Finds the sentence of a spoken script that a place on the page stands for: a node and
// offset (a selection, a caret), a point on screen (a click or tap), a heading (a "Listen
// from here" button, a contents link), the top of the screen, or a sentence of another script
// of the same article.
import type { Segment, SpokenScript } from './spoken-script.js';

/** The segment whose sentence holds this position in the text, if any segment's block contains it. */
export function segmentAtNode(script: SpokenScript, node: Node, offset: number): number | undefined {
  const candidates = script.segments.filter((s) => s.block.contains(node));
  if (candidates.length === 0) return undefined;
  // The node's offset within its block's text.
  const block = candidates[0].block;
  const before = block.ownerDocument.createRange();
  before.setStart(block, 0);
  before.setEnd(node, offset);
  const at = before.toString().length;
  return (candidates.find((s) => at < s.end) ?? candidates[candidates.length - 1]).index;
}

/** The text position under a point in the viewport, by whichever caret API the browser has. */
export function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | undefined {
  const caretDoc = doc as Document & {
    // The standard (Firefox, recent Chromium).
    caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
    // WebKit and older Chromium.
    caretRangeFromPoint?(x: number, y: number): Range | null;
  };
  const caret = caretDoc.caretPositionFromPoint?.(x, y);
  if (caret) return { node: caret.offsetNode, offset: caret.offset };
  const range = caretDoc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
}

/** The segment under a point in the viewport: the sentence whose text holds the caret position there. */
export function segmentAtPoint(script: SpokenScript, doc: Document, x: number, y: number): number | undefined {
  const caret = caretAt(doc, x, y);
  return caret ? segmentAtNode(script, caret.node, caret.offset) : undefined;
}

/** The segment where a selection starts (its anchor), if it is in the script's text. */
export function segmentAtSelection(script: SpokenScript, selection: Selection | null): number | undefined {
  return selection?.anchorNode ? segmentAtNode(script, selection.anchorNode, selection.anchorOffset) : undefined;
}

/**
 * The first segment whose block reaches below the top of the viewport: where a reader's eyes are
 * (not a note read at its reference: the notes stand at the article's end, below the screen).
 */
export function firstSegmentOnScreen(script: SpokenScript): number | undefined {
  return script.segments.find((s) => !s.away && s.block.getBoundingClientRect().bottom > 0)?.index;
}

/**
 * The segment of `script` that reads the sentence another script of the same article reads in
 * `segment` (another verbosity, or the recording's standard one): the same block and start; where
 * `script` does not read it (a picture not said), the next sentence it reads on the page.
 */
export function sameSentence(script: SpokenScript, segment: Segment): number {
  const { block, start } = segment;
  const same = script.segments.find((s) => s.block === block && s.start === start);
  const after = (s: Segment) =>
    s.block === block ? s.start >= start : (block.compareDocumentPosition(s.block) & FOLLOWING) !== 0;
  return (same ?? script.segments.find((s) => !s.away && after(s)) ?? script.segments.at(-1))?.index ?? 0;
}

/** Node.DOCUMENT_POSITION_FOLLOWING. */
const FOLLOWING = 4;

/**
 * The segment that announces a heading (its section's or question's first), if the script reads
 * it; for a section heading it does not read (the notes', once each note was read where it is
 * referenced), the first sentence it reads of that section, so "Listen from here" still leads somewhere.
 */
export function segmentOfHeading(script: SpokenScript, heading: Element | null): number | undefined {
  if (!heading) return undefined;
  const section = heading.matches('h2, h3, h4, h5, h6') ? heading.closest('section') : null;
  return (
    script.segments.find((s) => s.block === heading)?.index ??
    script.segments.find((s) => section?.contains(s.block))?.index
  );
}
