// Static-site generator shortcodes (Hugo `{{< … >}}` and `{{% … %}}`, Jekyll and Zola
// `{% … %}`, Zola `{{ name(…) }}`) call templates this edition does not have. Each one is
// reported with its line and left out of the page, rather than printed as text; what a
// paired shortcode wraps stays. Code is left alone: a shortcode shown in a code block is
// an example, not a call.

const SHORTCODE = /\{\{<[\s\S]*?>\}\}|\{\{%[\s\S]*?%\}\}|\{%[\s\S]*?%\}|\{\{\s*[A-Za-z_]\w*\([^)]*\)\s*\}\}/g;

interface ShortcodeOptions {
  /** 0-based lines inside code blocks. */
  codeLines: Set<number>;
  /** `line` is 0-based within the body. */
  warn: (line: number, rule: string, message: string) => void;
}

/**
 * @param markdown the article body
 * @returns the body without shortcodes, with the same lines
 */
export function removeShortcodes(markdown: string, { codeLines, warn }: ShortcodeOptions): string {
  const lineStarts = [0];
  for (let i = markdown.indexOf('\n'); i >= 0; i = markdown.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineAt = (offset: number) => {
    let line = 0;
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) line++;
    return line;
  };
  return markdown.replace(SHORTCODE, (match: string, offset: number) => {
    const line = lineAt(offset);
    if (codeLines.has(line) || insideCodeSpan(markdown.slice(lineStarts[line], offset))) return match;
    const name = /^\{[{%][<%]?\s*(\/?[\w.-]+)/.exec(match)?.[1] ?? 'shortcode';
    warn(line, 'shortcode', `shortcode "${name}" cannot be rendered here and is left out: ${oneLine(match)}`);
    // Keep the line count, so later messages still name the right lines.
    return '\n'.repeat(match.split('\n').length - 1);
  });
}

/** Whether the text before a match on its line leaves an inline code span open. */
const insideCodeSpan = (before: string): boolean => (before.match(/`+/g) ?? []).length % 2 === 1;

const oneLine = (text: string): string => {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
};
