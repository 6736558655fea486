// A page as HTML with each component's shadow content written out inline, where a checker
// that reads markup (the Nu Html Checker does not look inside shadow roots or declarative
// <template shadowrootmode>) sees what the browser renders: the host's shadow content first,
// then its light children, as the flat tree has them when the shadow root has a slot.

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
const RAW_TEXT = new Set(['script', 'style']);

const escapeText = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\u00a0/g, '&nbsp;');
const escapeAttribute = (value: string) =>
  value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/\u00a0/g, '&nbsp;');

function serialize(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) {
    const parent = node.parentElement?.localName ?? '';
    return RAW_TEXT.has(parent) ? (node as Text).data : escapeText((node as Text).data);
  }
  if (node.nodeType === Node.COMMENT_NODE) return `<!--${(node as Comment).data}-->`;
  if (node.nodeType !== Node.ELEMENT_NODE) return '';
  const el = node as Element;
  const tag = el.localName;
  // `part` (CSS Shadow Parts) names an element for the page's stylesheet and means something
  // only inside a shadow root; written out here it is not markup the checker knows.
  const attributes = [...el.attributes]
    .filter((a) => !(a.name === 'part' && el.getRootNode() !== el.ownerDocument))
    .map((a) => (a.value === '' ? ` ${a.name}` : ` ${a.name}="${escapeAttribute(a.value)}"`))
    .join('');
  if (VOID.has(tag)) return `<${tag}${attributes}>`;
  const children = tag === 'template' ? (el as HTMLTemplateElement).content.childNodes : el.childNodes;
  const shadow = el.shadowRoot ? [...el.shadowRoot.childNodes].map(serialize).join('') : '';
  return `<${tag}${attributes}>${shadow}${[...children].map(serialize).join('')}</${tag}>`;
}

/** The document as HTML, every open shadow root's content inline in its host. */
export function htmlWithShadowContent(doc: Document): string {
  return `<!doctype html>\n${serialize(doc.documentElement)}\n`;
}
