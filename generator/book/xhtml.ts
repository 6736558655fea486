// A parse5 tree written as XML (the XHTML syntax of HTML), the way the book's content documents
// need it: every element closed, void elements self-closed, text and attributes escaped for
// XML. The tree, not the page's HTML string, is what is written, so nothing in the article's
// markup can leave the XML malformed. The article holds HTML elements only: its source's SVG
// and MathML are left out before it is rendered (NON_TEXT in generator/article/raw-html.ts).
import type { DefaultTreeAdapterTypes } from 'parse5';
import { escapeXml } from '../escape.ts';
import { VOID } from '../article/raw-html.ts';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

export const isElement = (node: Node): node is Element => 'tagName' in node;

/** Nodes as XML: elements and text; comments are left out. */
export function xmlOf(nodes: Node[]): string {
  return nodes.map(xmlNode).join('');
}

function xmlNode(node: Node): string {
  if (node.nodeName === '#text' && 'value' in node) return escapeXml(node.value);
  if (!isElement(node)) return '';
  const open = `<${node.tagName}${node.attrs.map(({ name, value }) => ` ${name}="${escapeXml(value)}"`).join('')}`;
  return VOID.has(node.tagName) ? `${open}/>` : `${open}>${xmlOf(node.childNodes)}</${node.tagName}>`;
}
