// Front matter as static-site generators keep it: YAML between `---` lines (Jekyll, Hugo,
// Eleventy) or TOML between `+++` lines (Hugo, Zola). gray-matter finds the block; js-yaml
// or smol-toml parses it, and both report the line of a mistake.
import matter from 'gray-matter';
import { parse as parseToml } from 'smol-toml';

/** One delimiter per format; gray-matter is told which, since it reads one kind per call. */
const FORMATS = {
  '---': { language: 'yaml', name: 'YAML' },
  '+++': { language: 'toml', name: 'TOML' },
};

/**
 * @typedef {object} FrontMatter
 * @property {Record<string, unknown>} data
 * @property {string} content the Markdown after the block
 * @property {number} bodyLine 0-based line of the file where `content` starts
 * @property {(key: string) => number} lineOf 1-based line of a top-level key, 1 when not found
 */

/**
 * @param {string} source the whole file
 * @param {(line: number, message: string) => never} fail `line` is 1-based in the file
 * @returns {FrontMatter | null} null when the file has no front matter
 */
export function readFrontMatter(source, fail) {
  const delimiter = /^(---|\+\+\+)[ \t]*\r?$/m.exec(source.split('\n', 1)[0])?.[1];
  if (!delimiter) return null;
  const format = FORMATS[/** @type {'---' | '+++'} */ (delimiter)];
  let parsed;
  try {
    // Options are always passed, which also keeps gray-matter from sharing a cached (and
    // mutable) result between two files with the same text.
    parsed = matter(source, { delimiters: delimiter, language: format.language, engines: { toml: parseToml } });
  } catch (error) {
    const e = /** @type {{ mark?: { line: number }, reason?: string, line?: number, message?: string }} */ (error);
    // js-yaml counts from 0 and smol-toml from 1, both from the rest of the opening line.
    const line = e.mark ? e.mark.line + 1 : typeof e.line === 'number' ? e.line : 1;
    const reason = e.reason ?? String(e.message ?? error).split('\n')[0];
    return fail(line, `front matter is not valid ${format.name}: ${reason}`);
  }
  const lines = source.split('\n');
  const bodyLine = lines.length - parsed.content.split('\n').length;
  const block = lines.slice(0, bodyLine);
  const keyPattern = (/** @type {string} */ key) => new RegExp(`^\\s*["']?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*[:=]`);
  return {
    data: { ...parsed.data },
    content: parsed.content,
    bodyLine,
    lineOf: (key) => {
      const at = block.findIndex((line) => keyPattern(key).test(line));
      return at >= 0 ? at + 1 : 1;
    },
  };
}
