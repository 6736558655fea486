// Front matter as static-site generators keep it: YAML between `---` lines (Jekyll, Hugo,
// Eleventy) or TOML between `+++` lines (Hugo, Zola). The block is found here as gray-matter
// found it (which this replaces); `yaml` or smol-toml parses it, and both report the line of
// a mistake.
import { parseDocument, type ScalarTag, type Tags } from 'yaml';
import { parse as parseToml, TomlError } from 'smol-toml';

/** One delimiter per format. */
const FORMATS = {
  '---': { name: 'YAML', parse: parseYaml },
  '+++': { name: 'TOML', parse: parseToml },
} as const;

type Delimiter = keyof typeof FORMATS;

export interface FrontMatter {
  data: Record<string, unknown>;
  /** The Markdown after the block. */
  content: string;
  /** 0-based line of the file where `content` starts. */
  bodyLine: number;
  /** 1-based line of a top-level key, 1 when not found. */
  lineOf: (key: string) => number;
  /** A top-level key's value as written on its line (without quotes or a comment), if it is on one. */
  writtenValue: (key: string) => string | undefined;
}

/** `line` and `column` are 1-based in the file. */
export type FrontMatterFail = (line: number, message: string, column?: number) => never;

/** Raised by the parsers below for a mistake in the block; lines count from the opening line. */
class SyntaxMistake extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number | undefined,
  ) {
    super(message);
  }
}

/**
 * @param source the whole file
 * @returns null when the file has no front matter
 */
export function readFrontMatter(source: string, fail: FrontMatterFail): FrontMatter | null {
  const delimiter = /^(---|\+\+\+)[ \t]*\r?$/m.exec(source.split('\n', 1)[0])?.[1] as Delimiter | undefined;
  if (!delimiter) return null;
  const format = FORMATS[delimiter];
  // The block runs from the rest of the opening line to the first line that starts with the
  // delimiter, or to the end of the file if none does; the body starts on the line after it.
  const rest = source.slice(delimiter.length);
  const close = `\n${delimiter}`;
  const closeIndex = rest.indexOf(close);
  // Without the CR of a CRLF before the closing line, which YAML would keep in the last value.
  const block = closeIndex === -1 ? rest : rest.slice(0, closeIndex).replace(/\r$/, '');
  const content =
    closeIndex === -1
      ? ''
      : rest
          .slice(closeIndex + close.length)
          .replace(/^\r/, '')
          .replace(/^\n/, '');

  let parsed: unknown = {};
  // A block of nothing but comments is empty, and not parsed.
  if (block.replace(/^\s*#[^\n]+/gm, '').trim() !== '') {
    try {
      parsed = format.parse(block);
    } catch (error) {
      if (error instanceof TomlError) {
        const quote = unclosedQuote(block.split('\n')[error.line - 1] ?? '', error.message);
        return fail(
          error.line,
          `front matter is not valid ${format.name}: ${quote ? `the text that opens with ${quote.mark} here is not closed; end it with ${quote.mark} on the same line` : error.message.split('\n')[0]}`,
          fileColumn(error.line, quote ? quote.column : error.column, delimiter),
        );
      }
      if (error instanceof SyntaxMistake) {
        return fail(
          error.line,
          `front matter is not valid ${format.name}: ${error.message}`,
          fileColumn(error.line, error.column, delimiter),
        );
      }
      throw error;
    }
  }
  // An empty YAML document (only "~", say) is no keys at all.
  parsed ??= {};
  if (typeof parsed !== 'object' || Array.isArray(parsed) || parsed instanceof Date) {
    const first = block.split('\n').findIndex((line, i) => i > 0 && line.trim() !== '' && !line.trim().startsWith('#'));
    return fail(
      first > 0 ? first + 1 : 1,
      `front matter must be keys and values, such as "title: My article", not ${Array.isArray(parsed) ? 'a list' : 'a single value'}`,
    );
  }

  const lines = source.split('\n');
  const bodyLine = lines.length - content.split('\n').length;
  const blockLines = lines.slice(0, bodyLine);
  const keyPattern = (key: string) =>
    new RegExp(`^\\s*["']?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*[:=]`);
  return {
    data: { ...(parsed as Record<string, unknown>) },
    content,
    bodyLine,
    lineOf: (key) => {
      const at = blockLines.findIndex((line) => keyPattern(key).test(line));
      return at >= 0 ? at + 1 : 1;
    },
    writtenValue: (key) => {
      const line = blockLines.find((text) => keyPattern(key).test(text));
      return line
        ?.replace(keyPattern(key), '')
        .replace(/\s+#.*$/, '')
        .trim()
        .replace(/^(["'])(.*)\1$/, '$2');
    },
  };
}

/**
 * A TOML string left open: smol-toml says "unfinished string", or, when a line follows,
 * "control characters are not allowed" (the newline) at the line's end. Its opening quote
 * and 1-based column, found as the first quote after "=".
 */
function unclosedQuote(line: string, message: string): { mark: string; column: number } | undefined {
  if (!/unfinished string|control characters are not allowed in strings/.test(message)) return undefined;
  const at = line.search(/=\s*["']/);
  if (at === -1) return undefined;
  const column = line.indexOf(line.slice(at).match(/["']/)![0], at);
  return { mark: line[column] === "'" ? "'" : '"', column: column + 1 };
}

/** The block starts after the opening delimiter, so its first line's columns are shifted by it. */
const fileColumn = (line: number, column: number | undefined, delimiter: Delimiter) =>
  column !== undefined && line === 1 ? column + delimiter.length : column;

/**
 * Scalars read as js-yaml 3 (through gray-matter) read them, so no source changes meaning:
 * YAML 1.1 (012 is octal, merge keys work), but only true and false are booleans (`lang: no`
 * stays Norwegian, `title: Yes` stays a title), and a number with a leading zero ("09",
 * "09.5") stays text, as the YAML 1.1 specification has it. A date stays the text written:
 * read as a Date it would be an instant in UTC, shown a day off in some time zones, and an
 * impossible day (2024-02-30) would roll over into the next month unseen. The article checks it.
 */
const jsYamlScalars = (tags: Tags): Tags =>
  tags.map((tag) => {
    if (typeof tag !== 'object' || !('test' in tag) || !tag.test) return tag;
    const scalar: ScalarTag = tag;
    if (scalar.tag === 'tag:yaml.org,2002:bool') {
      return { ...scalar, test: scalar.identify?.(true) ? /^(?:[Tt]rue|TRUE)$/ : /^(?:[Ff]alse|FALSE)$/ };
    }
    if (scalar.tag === 'tag:yaml.org,2002:timestamp') return { ...scalar, resolve: (text: string) => text };
    if (scalar.tag === 'tag:yaml.org,2002:int' && !scalar.format)
      return { ...scalar, test: /^[-+]?(?:0|[1-9][0-9_]*)$/ };
    // The plain decimal float (not .inf or 1e3): "." and "09.5" stay text.
    if (scalar.tag === 'tag:yaml.org,2002:float' && scalar.test?.test('1.5'))
      return { ...scalar, test: /^(?:[-+]?(?:0|[1-9][0-9_]*)\.[0-9_]*|\.[0-9_]+)$/ };
    return tag;
  });

function parseYaml(block: string): unknown {
  const doc = parseDocument(block, { version: '1.1', customTags: jsYamlScalars });
  // A warning is something the parser could not read as written (an unknown tag, say), which
  // js-yaml stopped at too: so it stops the build.
  const [mistake] = [...doc.errors, ...doc.warnings];
  if (mistake) {
    const [at] = mistake.linePos ?? [];
    throw new SyntaxMistake(
      mistake.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''),
      at?.line ?? 1,
      at?.col,
    );
  }
  try {
    return doc.toJS();
  } catch (error) {
    // What cannot be turned into values (too many aliases, say) has no better place than the start.
    throw new SyntaxMistake(error instanceof Error ? error.message : String(error), 1, undefined);
  }
}
