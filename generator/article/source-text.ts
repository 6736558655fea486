// An article source's bytes as text, as the publisher wrote it: UTF-8 as every static-site
// generator expects, and what is not said so, with the line where it starts. Characters that
// no editor shows (control characters) are taken out, since they would reach the page and
// the voice unseen.
import type { Diagnostic } from '../diagnostics.ts';

export interface SourceText {
  text: string;
  warnings: Diagnostic[];
}

/** Control characters but tab, line feed and carriage return: C0, DEL and C1. */
const CONTROL = /[\u0000-\u0008\u000B-\u000C\u000E-\u001F\u007F-\u009F]/gu;

/**
 * Decodes a source. UTF-8 (with or without a byte order mark) is read as it is; UTF-16 with
 * its byte order mark is read as UTF-16; anything else is read as Windows-1252, the superset
 * of Latin-1 that old Windows and Mac editors saved, with a warning quoting the first line it
 * changed, so a publisher can see whether it reads right (an East Asian encoding would not).
 */
export function decodeSource(bytes: Uint8Array, file: string): SourceText {
  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (utf16) {
    return {
      text: new TextDecoder(utf16).decode(bytes),
      warnings: [
        warning(file, 1, `saved as ${utf16.toUpperCase()}: read as such; save it as UTF-8, which every tool reads`),
      ],
    };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), warnings: [] };
  } catch {
    // A line feed byte is never part of a longer UTF-8 sequence, so lines can be tried one by one.
    const strict = new TextDecoder('utf-8', { fatal: true });
    let start = 0;
    let line = 1;
    for (; start < bytes.length; line++) {
      const end = bytes.indexOf(0x0a, start);
      const slice = bytes.subarray(start, end === -1 ? bytes.length : end);
      try {
        strict.decode(slice);
      } catch {
        break;
      }
      start = end === -1 ? bytes.length : end + 1;
    }
    const text = new TextDecoder('windows-1252').decode(bytes);
    const shown = text.split('\n')[line - 1].trim();
    return {
      text,
      warnings: [
        warning(
          file,
          line,
          `not UTF-8: read as Windows-1252 (Latin-1), which makes this line “${shown.length > 60 ? `${shown.slice(0, 59)}…` : shown}”; if it does not read right, save the file as UTF-8`,
        ),
      ],
    };
  }
}

/** The text without control characters, and a warning naming them and their lines. */
export function withoutControlCharacters(text: string, file: string): SourceText {
  if (text.search(CONTROL) === -1) return { text, warnings: [] };
  const found = new Map<string, number[]>();
  text.split('\n').forEach((line, i) => {
    for (const [character] of line.matchAll(CONTROL)) {
      const code = `U+${character.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`;
      const lines = found.get(code) ?? [];
      if (lines.at(-1) !== i + 1) lines.push(i + 1);
      found.set(code, lines);
    }
  });
  const first = Math.min(...[...found.values()].map((lines) => lines[0]));
  const list = [...found].map(([code, lines]) => `${code} (line${lines.length > 1 ? 's' : ''} ${lines.join(', ')})`);
  return {
    text: text.replace(CONTROL, ''),
    warnings: [
      warning(
        file,
        first,
        `control characters removed, which no editor shows and no reader should meet: ${list.join(', ')}`,
      ),
    ],
  };
}

function warning(file: string, line: number, message: string): Diagnostic {
  return { file, line, severity: 'warning', rule: 'source-text', message };
}
