// One escaping helper per output format the generator writes. Each is the only one for its
// format: HTML (pages, their attributes, the dev server's error page), XML (the podcast feed)
// and WebVTT (the audio edition's cues).

/** Text or a double- or single-quoted attribute value in HTML: the five special characters as numeric references. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Text and attribute values as XML: the five special characters escaped, and characters XML
 * cannot carry at all (control characters, U+FFFE, U+FFFF) left out.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[&<>"']/g, (c) => XML_ENTITIES[c] ?? c);
}

/** Cue text is markup: &, < and > are escaped; a line break would end the cue's text early. */
export function escapeWebvtt(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\s*\n\s*/g, ' ');
}
