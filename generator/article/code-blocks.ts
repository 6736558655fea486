// Code blocks as a keyboard and screen-reader user needs them: the language kept on the code
// (`class="language-rust"`), inside a focusable region named "Code example in Rust, 12 lines",
// so a long line can be scrolled with the arrow keys (WCAG 2.1.1) and browse mode can skip
// the block by its name. Read aloud says that name and not the code (data-speak="code").
// Footnotes get a labelled section and back links with names.
import type { MarkdownIt } from 'markdown-it';
import { phrasesFor } from '../../src/speech/phrases.ts';
import { editionLanguage, wordsFor } from '../../src/words/tables.ts';
import { escapeHtml } from '../escape.ts';

/** How languages are named aloud (names, not phrases: read-aloud says them in any language); an unknown one as written. */
const LANGUAGE_NAMES: Record<string, string> = {
  bash: 'Bash',
  c: 'C',
  cpp: 'C++',
  'c++': 'C++',
  cs: 'C#',
  csharp: 'C#',
  css: 'CSS',
  diff: 'diff',
  go: 'Go',
  html: 'HTML',
  java: 'Java',
  javascript: 'JavaScript',
  js: 'JavaScript',
  json: 'JSON',
  jsx: 'JSX',
  kotlin: 'Kotlin',
  lua: 'Lua',
  markdown: 'Markdown',
  md: 'Markdown',
  php: 'PHP',
  python: 'Python',
  py: 'Python',
  rb: 'Ruby',
  ruby: 'Ruby',
  rs: 'Rust',
  rust: 'Rust',
  scss: 'SCSS',
  sh: 'shell',
  shell: 'shell',
  console: 'console',
  sql: 'SQL',
  swift: 'Swift',
  toml: 'TOML',
  ts: 'TypeScript',
  tsx: 'TSX',
  typescript: 'TypeScript',
  xml: 'XML',
  yaml: 'YAML',
  yml: 'YAML',
  zsh: 'Zsh',
};

/** Info strings that say "no particular language". */
const PLAIN = ['', 'text', 'txt', 'plain', 'plaintext', 'output'];

/**
 * A language's name as said aloud; empty for plain text.
 * @param language the fence's language, as written
 */
export function languageName(language: string): string {
  const key = language.toLowerCase();
  // Own keys only: a fence in "constructor" must not find Object's.
  return PLAIN.includes(key) ? '' : Object.hasOwn(LANGUAGE_NAMES, key) ? LANGUAGE_NAMES[key] : language;
}

/**
 * The accessible name of a code block, in the words read aloud says for it in the article's language (`lang`).
 * @param language the fence's language, as written
 */
export function codeLabel(language: string, lines: number, lang = 'en'): string {
  return phrasesFor(lang).code(languageName(language), lines);
}

/** The article's language, as the Markdown renderer's env carries it (generator/article/article.ts). */
const langOf = (env: unknown): string => (env as { lang?: string } | undefined)?.lang ?? 'en';

/** lang="en" on the edition's words where the article's language has none of its own (src/words/tables.ts). */
const markOf = (lang: string) => (editionLanguage(lang).marked ? ' lang="en" dir="ltr"' : '');

/** markdown-it-footnote's note on a footnote's tokens: which note, and which of its references. */
type FootnoteMeta = { id: number; subId: number };

export function codeBlocks(md: MarkdownIt): void {
  const block = (code: string, language: string, lang: string) => {
    const text = code.replace(/\n$/, '');
    const lines = text === '' ? 0 : text.split('\n').length;
    const label = codeLabel(language, lines, lang);
    const name = languageName(language);
    const languageClass = name ? ` class="language-${escapeHtml(language)}"` : '';
    const data = name ? ` data-language="${escapeHtml(name)}"` : '';
    // A named group, not a region: a landmark for every code example would crowd the landmark list.
    return `<div class="code-block" role="group" tabindex="0" aria-label="${escapeHtml(label)}" data-speak="code"${data}${markOf(lang)} data-lines="${lines}"><pre><code${languageClass}>${escapeHtml(text)}\n</code></pre></div>\n`;
  };
  md.renderer.rules.fence = (tokens, i, _options, env) => {
    const token = tokens[i];
    const language = token.info.trim().split(/\s+/)[0] ?? '';
    return block(token.content, language, langOf(env));
  };
  md.renderer.rules.code_block = (tokens, i, _options, env) => block(tokens[i].content, '', langOf(env));

  // Footnotes: a section named "Notes" at the end, references and back links that say where they go.
  // Headed by the author's own heading over the notes, if there was one (generator/article/edition-structure.ts).
  md.renderer.rules.footnote_block_open = (tokens, i, _options, env) => {
    const heading = tokens[i].meta?.heading as unknown;
    const lang = langOf(env);
    return `<section class="footnotes">\n<h2 id="footnotes"${heading === undefined ? markOf(lang) : ''}>${escapeHtml(String(heading ?? wordsFor(lang).build.notes))}</h2>\n<ol class="footnotes-list">\n`;
  };
  md.renderer.rules.footnote_block_close = () => '</ol>\n</section>\n';
  const ref = md.renderer.rules.footnote_ref;
  md.renderer.rules.footnote_ref = (tokens, i, options, env, self) =>
    // Read aloud skips the reference mark; the notes are read where they are, at the end.
    (ref?.(tokens, i, options, env, self) ?? '').replace(
      '<sup class="footnote-ref">',
      '<sup class="footnote-ref" data-speak="skip">',
    );
  md.renderer.rules.footnote_anchor = (tokens, i, options, env, self) => {
    const meta = tokens[i].meta as FootnoteMeta;
    const id = md.renderer.rules.footnote_anchor_name?.(tokens, i, options, env, self) ?? String(meta.id + 1);
    const sub = meta.subId > 0 ? `:${meta.subId}` : '';
    const lang = langOf(env);
    return ` <a href="#fnref${id}${sub}" class="footnote-backref" data-speak="skip" aria-label="${escapeHtml(wordsFor(lang).build.backToReference(meta.id + 1))}"${markOf(lang)}>↩</a>`;
  };
}
