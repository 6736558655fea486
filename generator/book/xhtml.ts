// A parse5 tree written as XML (the XHTML syntax of HTML), the way the book's content documents
// need it: every element closed, void elements self-closed, text and attributes escaped for
// XML. The tree, not the page's HTML string, is what is written, so nothing in the article's
// markup can leave the XML malformed.
import { html, type DefaultTreeAdapterTypes } from 'parse5';
import { escapeXml } from '../escape.ts';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/** HTML's void elements: nothing inside, written `<br/>`. */
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

export const isElement = (node: Node): node is Element => 'tagName' in node;

/** The children of an element or fragment, as XML; an element in another namespace than its parent's (SVG, MathML) declares it. */
export function xmlOf(nodes: Node[], namespace: string = html.NS.HTML): string {
  return nodes.map((node) => xmlNode(node, namespace)).join('');
}

function xmlNode(node: Node, namespace: string): string {
  if (node.nodeName === '#text' && 'value' in node) return escapeXml(node.value);
  if (!isElement(node)) return '';
  const declared = node.namespaceURI === namespace ? '' : ` xmlns="${escapeXml(node.namespaceURI)}"`;
  const attributes = node.attrs
    .map(({ name, prefix, value }) => ` ${prefix ? `${prefix}:` : ''}${name}="${escapeXml(value)}"`)
    .join('');
  const open = `<${node.tagName}${declared}${attributes}`;
  if (node.namespaceURI === html.NS.HTML && VOID.has(node.tagName)) return `${open}/>`;
  const content = xmlOf(node.childNodes, node.namespaceURI);
  return content === '' && node.namespaceURI !== html.NS.HTML ? `${open}/>` : `${open}>${content}</${node.tagName}>`;
}
