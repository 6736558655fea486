// Each spoken sentence made an element of the book's content document, for the narration's
// Media Overlay to point at (docs/book.md). A sentence is a range of its block's text
// (`WrittenRange`), not an element in the page: a block read whole keeps or takes an id of its
// own; a range within a block is wrapped in `<span id>`, inside the innermost element holding all
// of it, splitting any inline element (a link, emphasis, code) that the sentence starts or ends
// inside, so the span holds whole nodes.
import { defaultTreeAdapter as tree, html, type DefaultTreeAdapterTypes } from 'parse5';
import type { WrittenRange } from '../audio/spoken-script.ts';
import { isElement } from './xhtml.ts';

type Element = DefaultTreeAdapterTypes.Element;
type Node = DefaultTreeAdapterTypes.Node;
type ParentNode = DefaultTreeAdapterTypes.ParentNode;

/** Elements a <span> may not hold (with <li>, which only a list holds). */
const BLOCKS = new Set(['pre', 'div', 'p', 'ul', 'ol', 'dl', 'table', 'figure', 'blockquote', 'section', 'details']);

/** Where a sentence stands among its block's children: before the child at `index`. */
interface Point {
  parent: ParentNode;
  index: number;
}

/**
 * @param elements the article's elements in document order, as they were before anything changed
 *   (`WrittenRange.element` counts them)
 * @param title the title's element, for ranges of the title
 * @returns the id of each sentence's element, range by range: a block read whole keeps its own
 *   id where it has one (a heading)
 */
export function markSentences(elements: Element[], title: Element, ranges: WrittenRange[]): string[] {
  return ranges.map((range, index) => {
    const block = range.element === 'title' ? title : elements[range.element];
    if (!block) throw new Error(`no element ${range.element} in the article for sentence ${index + 1}`);
    // "_" is never in a heading's id (slugify leaves it out), nor in the notes' (fn1, fnref1).
    const id = `s_${index + 1}`;
    const text = textOf(block);
    const whole = range.start === 0 && range.end === text.length;
    const own = block.attrs.find((attr) => attr.name === 'id');
    if (whole && own) return own.value;
    // A block with no text (a picture) or holding blocks (a code block's <pre>) cannot hold the span.
    if (text === '' || (whole && block.childNodes.some((child) => isElement(child) && BLOCKS.has(child.tagName)))) {
      block.attrs.push({ name: 'id', value: id });
      return id;
    }
    // A range that takes in a block (raw HTML's <div> inside a list item, which the spoken script
    // reads with the item) cannot be a span: its element is the smallest that holds it.
    const holder = holderAcrossBlocks(block, range);
    if (holder) {
      const held = holder.attrs.find((attr) => attr.name === 'id');
      if (held) return held.value;
      holder.attrs.push({ name: 'id', value: id });
      return id;
    }
    // The span goes inside the innermost element holding the whole sentence, which stays whole: a
    // task list's <label> keeps its checkbox with its words.
    const { element: within, offset } = innermost(block, range);
    const start = split(within, range.start - offset, 'start');
    const end = split(within, range.end - offset, 'end');
    const span = tree.createElement('span', html.NS.HTML, [{ name: 'id', value: id }]);
    for (const child of within.childNodes.slice(start, end)) {
      tree.detachNode(child);
      tree.appendChild(span, child);
    }
    const before = within.childNodes[start];
    if (before) tree.insertBefore(within, span, before);
    else tree.appendChild(within, span);
    return id;
  });
}

/** Where a range's text lies inside or across an element a span may not hold: the smallest element holding all of it. */
function holderAcrossBlocks(block: Element, range: WrittenRange): Element | undefined {
  const { chains } = textsOf(block, range);
  if (!chains.some((chain) => chain.some((element) => BLOCKS.has(element.tagName) || element.tagName === 'li')))
    return undefined;
  return commonAncestor(block, chains);
}

/** The innermost element of the block holding all of the range's text, and where its text starts in the block's. */
function innermost(block: Element, range: WrittenRange): { element: Element; offset: number } {
  const { chains, starts } = textsOf(block, range);
  const element = commonAncestor(block, chains);
  return { element, offset: starts.get(element) ?? 0 };
}

/**
 * The text nodes the range takes in, each as the chain of its ancestors below the block (outermost
 * first), and where each element's text starts in the block's.
 */
function textsOf(block: Element, { start, end }: WrittenRange): { chains: Element[][]; starts: Map<Element, number> } {
  const chains: Element[][] = [];
  const starts = new Map<Element, number>();
  let seen = 0;
  for (const text of textNodes(block)) {
    const chain: Element[] = [];
    for (let node = text.parentNode; node && node !== block && isElement(node); node = node.parentNode)
      chain.unshift(node);
    for (const element of chain) if (!starts.has(element)) starts.set(element, seen);
    if (seen < end && seen + text.value.length > start) chains.push(chain);
    seen += text.value.length;
  }
  return { chains, starts };
}

/** The deepest element all the chains share, else the block. */
function commonAncestor(block: Element, chains: Element[][]): Element {
  let common = block;
  for (
    let depth = 0;
    chains.length > 0 && chains.every((chain) => chain[depth] && chain[depth] === chains[0][depth]);
    depth++
  )
    common = chains[0][depth];
  return common;
}

/**
 * Splits the block's descendants at a text offset so that it falls between two of the block's
 * children; returns that child index. A start is placed before the text it starts, an end after
 * the text it ends (so an element without text on the boundary stays outside the sentence).
 */
function split(block: Element, offset: number, side: 'start' | 'end'): number {
  let point = textPoint(block, offset, side);
  while (point.parent !== block) {
    const element = point.parent as Element;
    const parent = element.parentNode;
    if (!parent) throw new Error('a sentence reaches outside its block');
    const at = parent.childNodes.indexOf(element);
    if (point.index === 0) point = { parent, index: at };
    else if (point.index === element.childNodes.length) point = { parent, index: at + 1 };
    else {
      // The rest goes into a copy of the element after it; an id stays with the first half only.
      const rest = tree.createElement(
        element.tagName,
        element.namespaceURI,
        element.attrs.filter((attr) => attr.name !== 'id').map((attr) => ({ ...attr })),
      );
      for (const child of element.childNodes.slice(point.index)) {
        tree.detachNode(child);
        tree.appendChild(rest, child);
      }
      const next = parent.childNodes[at + 1];
      if (next) tree.insertBefore(parent, rest, next);
      else tree.appendChild(parent, rest);
      point = { parent, index: at + 1 };
    }
  }
  return point.index;
}

/** The point at a text offset in the block: the text node split there if the offset falls inside one. */
function textPoint(block: Element, offset: number, side: 'start' | 'end'): Point {
  let seen = 0;
  for (const text of textNodes(block)) {
    const length = text.value.length;
    const inside = side === 'start' ? offset < seen + length : offset <= seen + length;
    if (inside && (side === 'start' || offset > seen)) {
      const parent = text.parentNode;
      if (!parent) break;
      const at = parent.childNodes.indexOf(text);
      const local = offset - seen;
      if (local === 0) return { parent, index: at };
      if (local === length) return { parent, index: at + 1 };
      // A node of its own: parse5's insertText would join it back to the text before it.
      const rest = tree.createTextNode(text.value.slice(local));
      text.value = text.value.slice(0, local);
      const next = parent.childNodes[at + 1];
      if (next) tree.insertBefore(parent, rest, next);
      else tree.appendChild(parent, rest);
      return { parent, index: at + 1 };
    }
    seen += length;
  }
  throw new Error(`offset ${offset} is outside the block's text (${seen} characters)`);
}

function* textNodes(parent: ParentNode): Generator<DefaultTreeAdapterTypes.TextNode> {
  for (const node of parent.childNodes) {
    if (node.nodeName === '#text' && 'value' in node) yield node;
    else if (isElement(node)) yield* textNodes(node);
  }
}

const textOf = (node: Node): string =>
  node.nodeName === '#text' && 'value' in node
    ? node.value
    : isElement(node)
      ? node.childNodes.map(textOf).join('')
      : '';
