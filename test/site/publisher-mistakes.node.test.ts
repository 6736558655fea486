// The corpus of what a publisher may hand the command (issue 22): one table of cases, each a
// folder (a fixture in test/fixtures/publisher-mistakes, or one written for the case where it
// cannot be committed) and the command's arguments, with the exit code and every error and
// warning expected, at its `file:line`. Each case runs the command in-process, as a publisher
// runs it, and checks what they would read and get:
// - the sources are byte for byte as they were (and a refused output folder too);
// - the exit code; each diagnostic printed once, at its file and line; never the "bug in the
//   edition" message or a stack trace;
// - for a site built, every page as a browser parses it, and every published SVG: no handler
//   attribute, no script URL, no script but the edition's own (those of a clean build), no
//   <foreignObject> or script in an SVG; and every word of a source on its page, or a
//   `lost-words` warning naming that source.
// Three cases also run as a process, to show the process says and exits as main() does.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { JSDOM } from 'jsdom';
import { main, type Said } from '../../generator/command.ts';
import { formatDiagnostic, type Severity } from '../../generator/diagnostics.ts';
import { loadSite } from '../../generator/site.ts';
import { words } from '../../generator/page/page-words.ts';
import { WORD_BREAKS } from '../../generator/article/prose.ts';
import { BUILD_MARKER } from '../../generator/build-site.ts';
import { inTempFolder, parse, unchanged, type FolderSpec } from './publisher-folder.node.ts';

const MISTAKES = 'test/fixtures/publisher-mistakes';

/** An error or warning (or a note, where the case names it) the command must say. */
interface Expected {
  /** `file:line`, the file relative to the articles folder; none for what has no place in a source. */
  at?: string;
  severity: Severity;
  rule: string;
  message: RegExp;
}

interface Case {
  name: string;
  /** A folder of test/fixtures/publisher-mistakes, or one written for the case. */
  folder: string | FolderSpec;
  /** The articles folder inside it, when it is not the folder itself. */
  articles?: string;
  /** The command's arguments; by default a build of the articles without audio into a new folder. */
  args?: (at: { folder: string; articles: string; out: string }) => string[];
  /** Added to the default arguments. */
  extra?: string[];
  /** With the audio edition (from the render cache once rendered); without it by default. */
  audio?: true;
  /** What the output folder holds before the build; a build that fails leaves it as it was. */
  outBefore?: FolderSpec;
  exit: 0 | 1 | 2;
  /** Every error and warning said, and the notes the case is about. */
  said: Expected[];
  /** What else the built site must show, its pages as a browser parses them (by path). */
  site?: (pages: Map<string, Document>, out: string) => void | Promise<void>;
  /** Also run as a process, to compare. */
  spawn?: boolean;
}

/** Files of a fixture folder, to build some of them alone. */
const fixture = (folder: string, ...names: string[]): FolderSpec => ({
  files: Object.fromEntries(names.map((name) => [name, readFileSync(path.join(MISTAKES, folder, name))])),
});

const post = (body: string, frontMatter = 'title: A post') => `---\n${frontMatter}\n---\n\n${body}\n`;
const PNG = readFileSync(path.join(MISTAKES, 'picture-path-space', 'my hill.png'));
const EARLIER_BUILD: FolderSpec = {
  files: { [BUILD_MARKER]: 'an earlier build', 'index.html': '<!doctype html><title>The last good site</title>' },
};
/** 50,000 words: one article this long once failed the build on its first-visit budget. */
const LONG_ARTICLE = post(
  Array.from(
    { length: 3125 },
    (_, i) => `Paragraph ${i} tells how the river rose past the mill and fell again before the harvest.`,
  ).join('\n\n'),
  'title: A very long article',
);

const CASES: Case[] = [
  // Options and folders (issue 22, problems 1 and 7; "What to build" 1 and 2).
  {
    name: 'no command',
    folder: { files: { 'post.md': post('Text.') } },
    args: () => [],
    exit: 2,
    said: [{ severity: 'error', rule: 'usage', message: /^no command given$/ }],
  },
  {
    name: 'an unknown command',
    folder: { files: { 'post.md': post('Text.') } },
    args: () => ['publish'],
    exit: 2,
    said: [{ severity: 'error', rule: 'usage', message: /^unknown command "publish"$/ }],
  },
  {
    name: 'an unknown option',
    folder: { files: { 'post.md': post('Text.') } },
    extra: ['--output', 'site'],
    exit: 2,
    said: [{ severity: 'error', rule: 'usage', message: /^unknown option --output$/ }],
    spawn: true,
  },
  {
    name: 'an articles folder that does not exist',
    folder: { files: {} },
    args: ({ folder, out }) => ['build', '--articles', path.join(folder, 'posts'), '--out', out, '--no-audio'],
    exit: 1,
    said: [{ severity: 'error', rule: 'articles-folder', message: /posts: no such folder of article sources/ }],
  },
  {
    name: 'an articles "folder" that is a file',
    folder: { files: { 'post.md': post('Text.') } },
    args: ({ folder, out }) => ['build', '--articles', path.join(folder, 'post.md'), '--out', out, '--no-audio'],
    exit: 1,
    said: [{ severity: 'error', rule: 'articles-folder', message: /post\.md is a file, not a folder/ }],
  },
  {
    name: '--out is the articles folder',
    folder: { files: { 'post.md': post('Text.') } },
    args: ({ articles }) => ['build', '--articles', articles, '--out', articles, '--no-audio'],
    exit: 1,
    said: [{ severity: 'error', rule: 'out-folder', message: /is the articles folder/ }],
  },
  {
    name: '--out is the folder above the articles',
    folder: { files: { 'articles/post.md': post('Text.'), 'style.css': 'body {}' } },
    articles: 'articles',
    args: ({ folder, articles }) => ['build', '--articles', articles, '--out', folder, '--no-audio'],
    exit: 1,
    said: [{ severity: 'error', rule: 'out-folder', message: /holds the article sources/ }],
  },
  {
    name: '--out inside the articles folder',
    folder: { files: { 'post.md': post('Text.') } },
    args: ({ articles }) => ['build', '--articles', articles, '--out', path.join(articles, 'site'), '--no-audio'],
    exit: 1,
    said: [{ severity: 'error', rule: 'out-folder', message: /is inside the articles folder/ }],
  },
  {
    name: '--out a folder of ones own, not empty and not a build’s (as ~ would be)',
    folder: { files: { 'post.md': post('Text.') } },
    outBefore: { files: { 'Documents/letter.txt': 'Dear Ada', '.profile': 'PATH=~/bin:$PATH' } },
    exit: 1,
    said: [{ severity: 'error', rule: 'out-folder', message: /is not empty and was not written by reader-edition/ }],
  },
  {
    name: '--base-url without a scheme leaves the last good site',
    folder: { files: { 'post.md': post('Text.') } },
    outBefore: EARLIER_BUILD,
    extra: ['--base-url', 'example.org/site'],
    exit: 1,
    said: [{ severity: 'error', rule: 'base-url', message: /^--base-url: .*such as "https:\/\/example\.org\/blog\/"/ }],
  },
  {
    name: '--audio-cache is a file',
    folder: { files: { 'post.md': post('Text.'), cache: 'not a folder' } },
    args: ({ folder, articles, out }) => [
      'build',
      '--articles',
      articles,
      '--out',
      out,
      '--audio-cache',
      path.join(folder, 'cache'),
    ],
    exit: 1,
    said: [{ severity: 'error', rule: 'audio-cache', message: /cache is not a folder/ }],
  },
  {
    name: 'preview of a site never built',
    folder: { files: { 'post.md': post('Text.') } },
    args: ({ out }) => ['preview', '--out', out],
    exit: 1,
    said: [{ severity: 'error', rule: 'preview', message: /no built site here/ }],
  },
  // Folders with nothing to publish.
  {
    name: 'an empty folder',
    folder: { files: {} },
    exit: 1,
    said: [{ severity: 'error', rule: 'no-articles', message: /no article sources found/ }],
  },
  {
    name: 'only drafts',
    folder: {
      files: {
        'one.md': post('Not yet.', 'title: One\ndraft: true'),
        'two.md': post('Nor this.', 'title: Two\ndraft: true'),
      },
    },
    exit: 1,
    said: [
      {
        severity: 'error',
        rule: 'all-drafts',
        message: /every article is a draft .*one\.md.*two\.md.*nothing to publish/,
      },
    ],
  },
  {
    name: 'a folder of empty files',
    folder: { files: { 'post.md': '', 'other.md': '' } },
    exit: 1,
    said: [{ at: 'other.md:1', severity: 'error', rule: 'front-matter', message: /front matter/ }],
  },
  {
    name: 'a post of front matter only',
    folder: { files: { 'post.md': '---\ntitle: Nothing yet\n---\n' } },
    exit: 0,
    said: [],
  },
  {
    name: 'editor lock files (dangling links) and backups are skipped with a note',
    folder: {
      files: { 'post.md': post('Text.'), 'post.md~': 'old' },
      links: { '.#post.md': 'ada@laptop.1234:1700000000', 'gone.md': 'nowhere.md' },
    },
    exit: 0,
    said: [
      { at: '.#post.md:1', severity: 'note', rule: 'skipped', message: /lock file/ },
      { at: 'post.md~:1', severity: 'note', rule: 'skipped', message: /backup/ },
      { at: 'gone.md:1', severity: 'note', rule: 'skipped', message: /points at nowhere\.md, which does not exist/ },
    ],
    spawn: true,
  },
  {
    name: 'skipped files and the ignore list',
    folder: `${MISTAKES}/skipped-files`,
    exit: 0,
    said: [],
  },
  // Front matter and settings.
  {
    name: 'broken YAML front matter',
    folder: `${MISTAKES}/failing-source`,
    exit: 1,
    said: [{ at: 'a-post.md:4', severity: 'error', rule: 'front-matter', message: /YAML/ }],
    spawn: true,
  },
  {
    name: 'a TOML string never closed',
    folder: `${MISTAKES}/unclosed-toml-string`,
    exit: 1,
    said: [{ at: 'post.md:2', severity: 'error', rule: 'front-matter', message: /TOML/ }],
  },
  {
    name: 'no front matter',
    folder: { files: { 'post.md': '# A title in the text\n\nText.\n' } },
    exit: 1,
    said: [{ at: 'post.md:1', severity: 'error', rule: 'front-matter', message: /front matter/ }],
  },
  {
    name: 'a title that is not text',
    folder: { files: { 'post.md': post('Text.', 'title: [a, list]') } },
    exit: 1,
    said: [{ at: 'post.md:2', severity: 'error', rule: 'front-matter-value', message: /"title" must be text/ }],
  },
  {
    name: 'a language that is not a language tag',
    folder: { files: { 'post.md': post('Text.', 'title: A post\nlang: french') } },
    exit: 1,
    said: [{ at: 'post.md:3', severity: 'error', rule: 'front-matter-value', message: /BCP 47/ }],
  },
  {
    name: 'both site.toml and site.json',
    folder: { files: { 'post.md': post('Text.'), 'site.toml': 'title = "A"\n', 'site.json': '{"title": "B"}' } },
    exit: 1,
    said: [{ at: 'site.json:1', severity: 'error', rule: 'site-config', message: /site\.toml/ }],
  },
  {
    name: 'a setting the edition does not use',
    folder: `${MISTAKES}/strict-warning`,
    exit: 0,
    said: [{ at: 'site.toml:2', severity: 'warning', rule: 'unknown-setting', message: /colour/ }],
  },
  {
    name: 'the same under --strict',
    folder: `${MISTAKES}/strict-warning`,
    extra: ['--strict'],
    exit: 1,
    said: [
      { at: 'site.toml:2', severity: 'error', rule: 'unknown-setting', message: /colour/ },
      { severity: 'error', rule: 'strict', message: /1 warning, errors under --strict/ },
    ],
  },
  // Dates (problem 8).
  ...(
    [
      ['february-30.md', /2024-02-30 is not a date: February 2024 has 29 days/],
      ['month-13.md', /2024-13-45 is not a date: there is no month 13/],
      ['month-first.md', /order that differs between countries: write year-month-day: 2024-05-31/],
      ['toml-february-30.md', /2024-02-30 is not a date/],
    ] as const
  ).map(([name, message]): Case => ({
    name: `an impossible or ambiguous date: ${name}`,
    folder: fixture('impossible-dates', name),
    exit: 1,
    said: [{ at: `${name}:3`, severity: 'error', rule: 'front-matter-value', message }],
  })),
  {
    name: 'dates with a time zone are shown as written',
    folder: `${MISTAKES}/dates-as-written`,
    exit: 0,
    said: [],
    site: (pages) => {
      const shown = (page: string) => pages.get(page)?.querySelector('article time')?.textContent ?? '';
      assert.match(shown('evening-offset.html'), /\bMay 31\b|\b31 May\b/);
      assert.match(shown('toml-evening-offset.html'), /\bMay 31\b|\b31 May\b/);
      assert.match(shown('tokyo-midnight.html'), /\bJune 1\b|\b1 June\b/);
    },
  },
  // Names (problems 5 and 6).
  {
    name: 'posts named like pages the site writes (offline.md, index.md)',
    folder: `${MISTAKES}/reserved-names`,
    exit: 0,
    said: [
      { at: 'offline.md:1', severity: 'warning', rule: 'page-name', message: /offline/ },
      { at: 'index.md:1', severity: 'warning', rule: 'page-name', message: /index/ },
    ],
  },
  {
    name: 'a slug asking for the offline page’s name',
    folder: `${MISTAKES}/reserved-slug`,
    exit: 1,
    said: [{ at: 'gone.md:3', severity: 'error', rule: 'page-name', message: /offline/i }],
  },
  {
    name: 'two posts with the same slug',
    folder: {
      files: {
        'one.md': post('One.', 'title: One\nslug: same'),
        'two.md': post('Two.', 'title: Two\nslug: same'),
      },
    },
    exit: 1,
    said: [{ at: 'two.md:3', severity: 'error', rule: 'page-name', message: /same/ }],
  },
  {
    name: 'file names that are not URL-safe ("post #1?.md", "Notes & Sketches/")',
    folder: `${MISTAKES}/unsafe-names`,
    exit: 0,
    said: [],
    site: (pages) => {
      const index = pages.get('index.html')!;
      for (const link of index.querySelectorAll('a[href]')) {
        const href = link.getAttribute('href')!;
        // The e-book's name ends in its content's hash, upper case as the assets' are.
        if (!href.startsWith('#')) assert.match(href, /^[./a-z0-9-]+(?:-[0-9A-F]{8}\.epub)?$/, href);
      }
      for (const element of index.querySelectorAll('[id]')) assert.doesNotMatch(element.id, /\s/);
    },
  },
  // Raw HTML (problem 2, "What to build" 3 and 4).
  ...(
    [
      ['missing-quote.md', 7, /the tag <div title="a note> is not closed \(a quote or ">" is missing\)/],
      ['missing-quote-then-link.md', 7, /the tag <div title="a note> is not closed/],
      ['unclosed-comment.md', 7, /the comment "<!-- A note to myself: check the figures" is not closed/],
      ['unclosed-textarea.md', 5, /textarea/],
    ] as const
  ).map(([name, line, message]): Case => ({
    name: `raw HTML that would swallow what follows: ${name}`,
    folder: fixture('raw-html', name),
    exit: 1,
    said: [{ at: `${name}:${line}`, severity: 'error', rule: 'raw-html', message }],
  })),
  {
    name: 'a tag in a paragraph with a quote missing, which would show as text and lose its end tag',
    folder: fixture('raw-html', 'missing-quote-inline.md'),
    exit: 1,
    said: [
      {
        at: 'missing-quote-inline.md:7',
        severity: 'error',
        rule: 'raw-html',
        message:
          /^the tag <div title="a note>here<\/div>, and more … is not closed \(a quote or ">" is missing\), so it would show as text/,
      },
    ],
  },
  {
    name: "a whole tag with an attribute Markdown does not take as HTML (a framework's @click): named as that, not as a missing quote",
    folder: {
      files: {
        'post.md': post(
          'Press <span class="a" :title="b">this</span>, or\n<button type="button" @click="go()">here</button>.',
        ),
      },
    },
    exit: 1,
    said: [
      {
        at: 'post.md:6',
        severity: 'error',
        rule: 'raw-html',
        message:
          /^the tag <button type="button" @click="go\(\)"> has an attribute, "@click", whose name Markdown does not take as HTML \(names are letters, digits and _ \. : -\), so the tag would show as text and its end tag would vanish; rename the attribute, or remove it$/,
      },
    ],
  },
  {
    name: 'a broken tag after the same tag in a code span, and after an escaped backslash: placed where it is written',
    folder: {
      files: {
        'post.md': post('Write `<span title="a note">` for a note,\nnot \\\\<span title="a note>here</span>.'),
      },
    },
    exit: 1,
    said: [
      {
        at: 'post.md:6',
        severity: 'error',
        rule: 'raw-html',
        message: /^the tag <span title="a note>here<\/span>\. is not closed/,
      },
    ],
  },
  {
    name: 'a tag escaped to be shown as text, and a comparison that looks like one',
    folder: fixture('raw-html', 'escaped-tag.md'),
    exit: 0,
    said: [],
    site: (pages) => {
      const text = pages.get('index.html')!.querySelector('article')!.textContent!.replace(/\s+/g, ' ');
      assert.match(text, /escape it: <span class="x">, and a < b = "c" is a comparison\./);
    },
  },
  {
    name: 'a script, an iframe, handlers and javascript: links in raw HTML',
    folder: {
      files: {
        'post.md': post(
          [
            'Before.',
            '',
            '<script>alert(document.domain)</script>',
            '',
            '<iframe src="https://example.org/"></iframe>',
            '',
            '<p onclick="alert(1)" ONMOUSEOVER=alert(2)>A paragraph with handlers.</p>',
            '',
            '<a href=" java&#x09;script:alert(3)">A link</a> and <a href="vbscript:msgbox">another</a>.',
            '',
            '<form action="javascript:alert(4)"><button formaction="javascript:alert(5)">Go</button></form>',
            '',
            'After.',
          ].join('\n'),
        ),
      },
    },
    exit: 0,
    said: [
      { at: 'post.md:7', severity: 'warning', rule: 'raw-html', message: /script/ },
      { at: 'post.md:9', severity: 'warning', rule: 'raw-html', message: /iframe/ },
      { at: 'post.md:11', severity: 'warning', rule: 'raw-html', message: /handler "onclick" removed/ },
      { at: 'post.md:11', severity: 'warning', rule: 'raw-html', message: /handler "onmouseover" removed/ },
      { at: 'post.md:13', severity: 'warning', rule: 'raw-html', message: /link " java\tscript:alert\(3\)" removed/ },
      { at: 'post.md:13', severity: 'warning', rule: 'raw-html', message: /link "vbscript:msgbox" removed/ },
      { at: 'post.md:15', severity: 'warning', rule: 'raw-html', message: /<form> removed/ },
      { at: 'post.md:15', severity: 'warning', rule: 'raw-html', message: /<button> removed, its text kept/ },
    ],
  },
  {
    name: 'a handler as a Markdown link target, the quote closed',
    folder: {
      files: {
        'post.md': post(
          '<div title="a note">\n\n[A link](onmouseover=alert(document.domain)//)\n\n</div>\n\n<span title=x>Text.</span>',
        ),
      },
    },
    exit: 0,
    said: [
      {
        at: 'post.md:7',
        severity: 'warning',
        rule: 'link',
        message:
          /the link to "onmouseover=alert\(document\.domain\)\/\/" is left out, its text kept: it does not exist/,
      },
    ],
  },
  {
    name: 'markup that parsers read differently: inline SVG and MathML, noscript, template, style, base, meta',
    folder: {
      files: {
        'post.md': post(
          [
            'Before.',
            '',
            '<svg><script>alert(1)</script><a href="javascript:alert(2)"><text>A drawing</text></a></svg>',
            '',
            '<math><mi xlink:href="javascript:alert(3)">x</mi></math>',
            '',
            '<noscript><p title="</noscript><img src=x.png alt=y onerror=alert(4)>">Quiet.</p></noscript>',
            '',
            '<template><img src=x onerror=alert(5)></template>',
            '',
            '<style>body { background: url("javascript:alert(6)") }</style>',
            '',
            '<base href="https://example.org/"><meta http-equiv="refresh" content="0; url=javascript:alert(7)">',
            '',
            '<img src="x.png" alt="A picture" onerror="alert(8)"> and <object data="x.swf">an object</object>',
            '',
            'After.',
          ].join('\n'),
        ),
        'x.png': PNG,
      },
    },
    exit: 0,
    // Each said once, and what they held not again as lost words.
    said: [
      { at: 'post.md:7', severity: 'warning', rule: 'raw-html', message: /<svg> removed with its content/ },
      { at: 'post.md:9', severity: 'warning', rule: 'raw-html', message: /<math> removed with its content/ },
      { at: 'post.md:11', severity: 'warning', rule: 'raw-html', message: /<noscript> removed with its content/ },
      // A browser with scripts ends the <noscript> in the attribute: the picture is an element, its handler removed.
      { at: 'post.md:11', severity: 'warning', rule: 'raw-html', message: /handler "onerror" removed from <img>/ },
      { at: 'post.md:13', severity: 'warning', rule: 'raw-html', message: /<template> removed with its content/ },
      { at: 'post.md:15', severity: 'warning', rule: 'raw-html', message: /<style> removed with its content/ },
      { at: 'post.md:17', severity: 'warning', rule: 'raw-html', message: /<base> removed/ },
      { at: 'post.md:17', severity: 'warning', rule: 'raw-html', message: /<meta> removed/ },
      { at: 'post.md:19', severity: 'warning', rule: 'raw-html', message: /handler "onerror" removed from <img>/ },
      { at: 'post.md:19', severity: 'warning', rule: 'raw-html', message: /<object> removed with its content/ },
    ],
  },
  {
    name: 'script links in Markdown: entities, autolinks, references',
    folder: {
      files: {
        'post.md': post(
          [
            '[An entity](javascript&#58;alert(1)) and [another](&#106;avascript:alert(2)).',
            '',
            'An autolink <javascript:alert(3)> and a [reference][x].',
            '',
            '[x]: javascript:alert(4)',
            '',
            '![A picture](javascript:alert(5))',
          ].join('\n'),
        ),
      },
    },
    exit: 0,
    said: [
      {
        at: 'post.md:11',
        severity: 'warning',
        rule: 'picture',
        message: /shown as text: pictures must be files beside the article, not javascript: addresses/,
      },
    ],
  },
  {
    name: 'javascript:, data:, file: and vbscript: Markdown links',
    folder: `${MISTAKES}/refused-link-schemes`,
    exit: 0,
    said: [
      { at: 'post.md:5', severity: 'warning', rule: 'link', message: /javascript:/ },
      { at: 'post.md:5', severity: 'warning', rule: 'link', message: /data:/ },
      { at: 'post.md:7', severity: 'warning', rule: 'link', message: /file:/ },
      { at: 'post.md:7', severity: 'warning', rule: 'link', message: /vbscript:/ },
    ],
  },
  {
    name: 'a "{…}" ending a line, read as attributes',
    folder: `${MISTAKES}/lost-words-attributes`,
    exit: 0,
    said: [{ at: 'post.md:5', severity: 'warning', rule: 'lost-words', message: /apple banana/ }],
  },
  // Pictures and SVG (problem 3, 7).
  {
    name: 'an SVG with a script, a handler, a foreignObject and an external picture',
    folder: `${MISTAKES}/svg-picture`,
    exit: 0,
    said: [{ at: 'post.md:7', severity: 'warning', rule: 'picture', message: /script/ }],
  },
  {
    name: 'an SVG with a script in a CDATA section and a use of another site',
    folder: {
      files: {
        'post.md': post('![A drawing](drawing.svg)'),
        'drawing.svg':
          '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">' +
          '<script type="text/ecmascript"><![CDATA[ alert(1) ]]></script>' +
          '<a xlink:href="javascript:alert(2)"><rect width="10" height="10"/></a>' +
          '<use href="https://example.org/sprite.svg#icon"/>' +
          '<set attributeName="onmouseover" to="alert(3)"/>' +
          '<animate attributeName="href" to="javascript:alert(4)"/>' +
          '</svg>',
      },
    },
    exit: 0,
    said: [{ at: 'post.md:5', severity: 'warning', rule: 'picture', message: /script/ }],
  },
  {
    name: 'an SVG that declares entities',
    folder: `${MISTAKES}/svg-entities`,
    exit: 1,
    said: [{ at: 'post.md:7', severity: 'error', rule: 'picture', message: /entit/ }],
  },
  {
    name: 'a picture named "50% off.png"',
    folder: { files: { 'post.md': post('![Half price](<50% off.png>)'), '50% off.png': PNG } },
    exit: 0,
    said: [],
  },
  {
    name: 'a picture path with a space, unbracketed',
    folder: `${MISTAKES}/picture-path-space`,
    exit: 0,
    said: [
      { at: 'post.md:7', severity: 'warning', rule: 'picture', message: /shown as text: its address has a space/ },
    ],
  },
  {
    name: 'a picture that is missing',
    folder: { files: { 'post.md': post('Text.\n\n![A view](view.png)') } },
    exit: 1,
    said: [{ at: 'post.md:7', severity: 'error', rule: 'picture', message: /view\.png/ }],
  },
  {
    name: 'a picture without alt text',
    folder: { files: { 'post.md': post('![](view.png)'), 'view.png': PNG } },
    exit: 1,
    said: [{ at: 'post.md:5', severity: 'error', rule: 'alt-text', message: /alt/ }],
  },
  {
    name: 'a picture from another site',
    folder: { files: { 'post.md': post('![A view](https://example.org/view.png)') } },
    exit: 1,
    said: [
      {
        at: 'post.md:5',
        severity: 'error',
        rule: 'picture',
        message: /must be a file of this site, not loaded from elsewhere/,
      },
    ],
  },
  {
    name: 'a picture that is not one',
    folder: { files: { 'post.md': post('![A view](view.png)'), 'view.png': 'not a picture' } },
    exit: 1,
    said: [{ at: 'post.md:5', severity: 'error', rule: 'picture', message: /not a picture|picture/ }],
  },
  {
    name: 'a picture through a link out of the articles folder',
    folder: {
      files: { 'articles/post.md': post('![A key](key.png)'), 'secret.png': PNG },
      links: { 'articles/key.png': '../secret.png' },
    },
    articles: 'articles',
    exit: 1,
    said: [{ at: 'post.md:5', severity: 'error', rule: 'picture', message: /outside/ }],
  },
  {
    name: 'a bundle folder linked from inside the articles folder, and one from outside',
    folder: {
      files: {
        'articles/post.md': post('Text.', 'title: A post\ndate: 2024-01-01'),
        'articles/drafts/bundle/index.md': post('Inside.', 'title: Inside\ndate: 2024-01-02'),
        'elsewhere/index.md': post('Outside.', 'title: Outside\ndate: 2024-01-03'),
      },
      links: { 'articles/linked': 'drafts/bundle', 'articles/outside': '../elsewhere' },
    },
    articles: 'articles',
    exit: 0,
    said: [{ at: 'outside:1', severity: 'warning', rule: 'skipped', message: /outside/ }],
  },
  // Links between posts and to files (problem 9).
  {
    name: 'links to other posts’ sources, to files, and to nothing',
    folder: `${MISTAKES}/links`,
    exit: 0,
    said: [
      {
        at: 'first.md:12',
        severity: 'warning',
        rule: 'link',
        message: /"missing\.md" is left out, its text kept: it does not exist/,
      },
      { at: 'first.md:12', severity: 'warning', rule: 'link', message: /"missing\.pdf" .* does not exist/ },
      { at: 'first.md:13', severity: 'warning', rule: 'link', message: /"draft\.md" .* is a draft/ },
      {
        at: 'first.md:13',
        severity: 'warning',
        rule: 'link',
        message: /"page\.html" .* outside its pages' protections/,
      },
      {
        at: 'first.md:13',
        severity: 'warning',
        rule: 'link',
        message: /"\.\.\/reserved-slug\/first\.md" .* outside the articles folder/,
      },
      { at: 'first.md:14', severity: 'warning', rule: 'link', message: /"\.private-notes\.txt" .* hidden/ },
      // The site has no address (no base_url): its books keep these links as text.
      {
        at: 'first.md:6',
        severity: 'note',
        rule: 'book-links',
        message:
          /^the e-book keeps the link to "\.\/second\.html" \(and 8 more links to the site\) as text alone: .* Set base_url in site\.toml/,
      },
      { at: 'second.md:6', severity: 'note', rule: 'book-links', message: /"\.\/first\.html" as text alone/ },
    ],
    site: (pages) => {
      const hrefs = [...pages.get('first.html')!.querySelectorAll('article a[href]')].map((a) =>
        a.getAttribute('href'),
      );
      for (const href of ['./second.html', './second.html#part', './third.html'])
        assert.ok(hrefs.includes(href), hrefs.join(' '));
      assert.ok(!hrefs.some((href) => /\.md(#|$)/.test(href!)), hrefs.join(' '));
    },
  },
  {
    name: 'a link to a place the page does not have',
    folder: `${MISTAKES}/dangling-anchor`,
    exit: 0,
    said: [
      { at: 'post.md:5', severity: 'warning', rule: 'link', message: /#results/ },
      { at: 'post.md:6', severity: 'warning', rule: 'link', message: /#appendix/ },
    ],
  },
  // Text as written (problem 10, "What to build" 6).
  {
    name: 'a byte-order mark and Windows line ends',
    folder: {
      files: { 'post.md': `\uFEFF${post('First line.\n\n## A part\n\nSecond line.').replaceAll('\n', '\r\n')}` },
    },
    exit: 0,
    said: [],
    site: (pages) => assert.equal(pages.get('index.html')?.querySelector('h2')?.textContent, 'A part'),
  },
  {
    name: 'a source saved as Latin-1',
    folder: { files: { 'post.md': Buffer.from(post('Un café à la crème.'), 'latin1') } },
    exit: 0,
    said: [{ at: 'post.md:5', severity: 'warning', rule: 'source-text', message: /Windows-1252/ }],
    site: (pages) => assert.match(pages.get('index.html')!.querySelector('article')!.textContent!, /café à la crème/),
  },
  {
    name: 'control characters in the text',
    folder: { files: { 'post.md': post('A bell\u0007 and an escape\u001b[31m here.') } },
    exit: 0,
    said: [{ at: 'post.md:5', severity: 'warning', rule: 'source-text', message: /control/ }],
  },
  {
    name: 'headings of emoji only, empty, repeated or named like the page’s own',
    folder: `${MISTAKES}/heading-ids`,
    exit: 0,
    said: [
      { at: 'index.md:15', severity: 'warning', rule: 'empty-heading', message: /has no words, so it is left out/ },
    ],
    site: (pages) => {
      const ids = [...pages.get('index.html')!.querySelectorAll('[id]')].map((element) => element.id);
      assert.ok(ids.every((id) => id !== ''));
      assert.equal(new Set(ids).size, ids.length, ids.join(' '));
    },
  },
  {
    name: 'a heading that skips a level',
    folder: { files: { 'post.md': post('## Part\n\nText.\n\n#### Detail\n\nMore.') } },
    exit: 1,
    said: [{ at: 'post.md:9', severity: 'error', rule: 'heading-level', message: /h4|level/ }],
  },
  {
    name: 'a note referred to but not written',
    folder: `${MISTAKES}/footnote-undefined`,
    exit: 0,
    said: [{ at: 'post.md:5', severity: 'warning', rule: 'footnote', message: /\[\^9\]/ }],
  },
  {
    name: 'a note written but never referred to',
    folder: `${MISTAKES}/footnote-unreferenced`,
    exit: 0,
    said: [{ at: 'post.md:9', severity: 'warning', rule: 'footnote', message: /orphan/ }],
  },
  {
    name: 'an author’s own "Footnotes" heading',
    folder: `${MISTAKES}/footnotes-heading`,
    exit: 0,
    said: [],
  },
  {
    name: 'a 2,000-line code block',
    folder: {
      files: {
        'post.md': post(
          `A listing:\n\n\`\`\`js\n${Array.from({ length: 3125 }, (_, i) => `console.log(${i}); // <script>alert(${i})</script>`).join('\n')}\n\`\`\``,
        ),
      },
    },
    exit: 0,
    said: [],
  },
  {
    name: 'a 50,000-word article, over the first-visit budget no more',
    folder: { files: { 'post.md': LONG_ARTICLE } },
    exit: 0,
    said: [],
  },
  // Language and the audio edition (problems 10 to 12).
  {
    name: 'an article in French',
    folder: { files: { 'post.md': post('Le fleuve monte au printemps.', 'title: Le fleuve\nlang: fr') } },
    exit: 0,
    said: [],
    site: (pages) =>
      assert.equal(pages.get('index.html')!.querySelector('article')!.closest('[lang]')!.getAttribute('lang'), 'fr'),
  },
  {
    name: 'text the build’s voice cannot say, with audio',
    folder: `${MISTAKES}/unsayable`,
    audio: true,
    exit: 0,
    said: [
      { at: 'post.md:5', severity: 'warning', rule: 'unsayable', message: /cannot say “東京”/ },
      { at: 'post.md:7', severity: 'warning', rule: 'unsayable', message: /cannot say “🎉”/ },
    ],
  },
  ...(
    [
      ['podcast-category-case', 'site.toml:4', 'error', 'site-config', /written "Technology", not "technology"/],
      ['podcast-explicit-text', 'site.toml:5', 'error', 'site-config', /"podcast\.explicit" must be true or false/],
      ['podcast-image-missing', 'site.toml:5', 'error', 'site-config', /"art\/cover\.png" is not there/],
      ['podcast-image-not-square', 'site.toml:5', 'error', 'site-config', /1400×1000 px: .* crop it to a square/],
      ['podcast-image-outside', 'site.toml:5', 'error', 'site-config', /is outside the articles folder/],
      ['podcast-image-small', 'site.toml:5', 'warning', 'podcast-feed', /600 px wide: .* under 1400 px/],
      ['podcast-language', 'site.toml:5', 'error', 'site-config', /must be a BCP 47 tag .*, not "English"/],
      ['podcast-not-table', 'site.json:3', 'error', 'site-config', /"podcast" must be a table of the feed's settings/],
      ['podcast-owner-email', 'site.toml:6', 'error', 'site-config', /"editor at example\.org" is not an email/],
      ['podcast-subcategory-alone', 'site.toml:2', 'error', 'site-config', /a subcategory needs its category/],
      ['podcast-subcategory-wrong', 'site.toml:5', 'error', 'site-config', /"Mental Health" is not a .* of "Arts"/],
      ['podcast-unknown-key', 'site.toml:6', 'warning', 'unknown-setting', /"podcast\.itunes_type" is not a/],
    ] as const
  ).map(([folder, at, severity, rule, message]): Case => ({
    name: `podcast settings: ${folder}`,
    folder: `${MISTAKES}/${folder}`,
    exit: severity === 'error' ? 1 : 0,
    said: [{ at, severity, rule, message }],
  })),
  {
    name: 'the podcast feed from the site’s settings, with audio',
    folder: {
      files: {
        'site.toml': [
          'title = "River Notes"',
          'description = "Notes on a river, through the year."',
          'base_url = "https://example.org/river/"',
          '[podcast]',
          'author = "Ada Writer"',
          'category = "Science"',
          'subcategory = "Earth Sciences"',
          'owner_email = "podcasts@example.org"',
        ].join('\n'),
        'one.md': post('The river rises.', 'title: Spring\ndate: 2024-04-01\nauthor: Tomás Okafor'),
        'two.md': post('La rivière descend.', 'title: Automne\ndate: 2024-10-01\nlang: fr'),
      },
    },
    audio: true,
    exit: 0,
    said: [],
    site: async (pages, out) => {
      const feed = await readFile(path.join(out, 'feed.xml'), 'utf8');
      assert.match(feed, /<itunes:category text="Science">\s*<itunes:category text="Earth Sciences"\s*\/>/);
      assert.doesNotMatch(feed, /Health/);
      assert.match(feed, /<itunes:author>Tomás Okafor<\/itunes:author>/);
      assert.match(pages.get('one.html')!.body.textContent!, /\d+ KB/);
    },
  },
  {
    name: 'a podcast setting podcast apps would refuse',
    folder: `${MISTAKES}/podcast-category-unknown`,
    exit: 1,
    said: [
      {
        at: 'site.toml:5',
        severity: 'error',
        rule: 'site-config',
        message: /"Psychology" is not one of Apple's podcast categories/,
      },
    ],
  },
  {
    name: 'a podcast setting of the wrong type',
    folder: `${MISTAKES}/podcast-wrong-type`,
    exit: 1,
    said: [
      {
        at: 'site.json:5',
        severity: 'error',
        rule: 'site-config',
        message: /"podcast\.title" must be non-empty text, not 42/,
      },
    ],
  },
];

type Run = { code: number; out: string[]; err: string[]; said: Said[] };

/** Runs the command in this process, its output captured. */
async function run(args: string[]): Promise<Run> {
  const result: Run = { code: -1, out: [], err: [], said: [] };
  result.code = await main(args, {
    out: (line) => result.out.push(...line.split('\n')),
    err: (line) => result.err.push(...line.split('\n')),
    said: (said) => result.said.push(said),
  });
  return result;
}

/** Writes a folder from its spec. */
async function write(dir: string, { files = {} }: FolderSpec) {
  for (const [name, body] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), body);
  }
}

/** The files under a folder, by path relative to it. */
const filesUnder = async (dir: string) =>
  (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));

/** An executable script's identity: its address, or its text's hash. Data scripts are JSON and never run. */
function executableScripts(document: Document): string[] {
  return [...document.querySelectorAll('script')].flatMap((script) => {
    const type = (script.getAttribute('type') ?? '').trim().toLowerCase();
    if (type === 'application/json' || type === 'application/ld+json') {
      assert.doesNotThrow(() => JSON.parse(script.textContent ?? ''), `a ${type} script is JSON`);
      return [];
    }
    return [
      script.getAttribute('src') ??
        createHash('sha256')
          .update(script.textContent ?? '')
          .digest('hex'),
    ];
  });
}

const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'poster',
  'cite',
  'data',
  'srcset',
]);
const SCRIPT_URL = /^(javascript|vbscript|data:text\/html)/i;

/** No handler and no script URL on any element under `root`. */
function assertNoHandlerOrScriptUrl(root: Element, where: string) {
  for (const element of [root, ...root.querySelectorAll('*')]) {
    for (const { name, value } of element.attributes) {
      assert.ok(!/^on/i.test(name), `${where}: ${element.tagName} has the handler ${name}="${value}"`);
      if (URL_ATTRIBUTES.has(name.toLowerCase()))
        assert.doesNotMatch(value.replace(/[\u0000-\u0020]/g, ''), SCRIPT_URL, `${where}: ${element.tagName} ${name}`);
    }
  }
}

/** The words an element shows, read as page-words.ts reads a page (a space where a block or break is). */
function pageWords(root: Element): string[] {
  let text = '';
  const visit = (node: Node) => {
    if (node.nodeType === node.TEXT_NODE) text += node.textContent;
    if (node.nodeType !== node.ELEMENT_NODE) return;
    const element = node as Element;
    const name = element.localName;
    if (['script', 'style', 'template'].includes(name)) return;
    const gap = WORD_BREAKS.has(name) ? ' ' : '';
    text += gap;
    if (name === 'img') text += ` ${element.getAttribute('alt') ?? ''} `;
    for (const child of element.childNodes) visit(child);
    text += gap;
  };
  visit(root);
  return words(text);
}

/** The source words a page does not show, counted. */
function missingWords(source: string[], page: string[]): string[] {
  const count = new Map<string, number>();
  for (const word of page) count.set(word, (count.get(word) ?? 0) + 1);
  return source.filter((word) => {
    const left = count.get(word) ?? 0;
    count.set(word, left - 1);
    return left <= 0;
  });
}

let editionScripts: Set<string>;
const temporary: string[] = [];

before(async () => {
  // The edition's own scripts, as a clean build writes them (an index page, and an article's).
  const out = await mkdtemp(path.join(tmpdir(), 'reader-edition-corpus-clean-'));
  temporary.push(out);
  editionScripts = new Set();
  for (const articles of [`${MISTAKES}/footnotes-heading`, `${MISTAKES}/dates-as-written`]) {
    const site = path.join(out, path.basename(articles));
    const { code } = await run(['build', '--articles', articles, '--out', site, '--no-audio']);
    assert.equal(code, 0);
    for (const file of (await filesUnder(site)).filter((f) => f.endsWith('.html')))
      for (const script of executableScripts(parse(await readFile(path.join(site, file), 'utf8'))))
        editionScripts.add(script);
  }
  assert.ok(editionScripts.size >= 3, `${editionScripts.size} scripts of the edition's own`);
});

after(async () => {
  for (const dir of temporary) await rm(dir, { recursive: true, force: true });
});

/** Checks a built site: pages and SVGs as browsers parse them, and every source word on its page or warned about. */
async function checkSite(articles: string, out: string, said: Said[], row: Case) {
  const files = await filesUnder(out);
  const pages = new Map<string, Document>();
  for (const file of files.filter((f) => f.endsWith('.html'))) {
    const document = parse(await readFile(path.join(out, file), 'utf8'));
    pages.set(file, document);
    assertNoHandlerOrScriptUrl(document.documentElement, file);
    for (const script of executableScripts(document))
      assert.ok(editionScripts.has(script), `${file}: a script that is not the edition's: ${script}`);
    assert.equal(document.querySelectorAll('iframe, object, embed, base, frame').length, 0, file);
  }
  for (const file of files.filter((f) => f.endsWith('.svg'))) {
    const svg = new JSDOM(await readFile(path.join(out, file)), { contentType: 'image/svg+xml' }).window.document;
    assertNoHandlerOrScriptUrl(svg.documentElement, file);
    assert.equal(svg.getElementsByTagName('script').length, 0, `${file} holds a script`);
    assert.equal(svg.getElementsByTagName('foreignObject').length, 0, `${file} holds a foreignObject`);
    for (const element of svg.querySelectorAll('*'))
      for (const name of ['href', 'xlink:href'])
        if (element.hasAttribute(name))
          assert.match(element.getAttribute(name)!, /^#/, `${file}: ${name} to elsewhere`);
    for (const element of svg.querySelectorAll('set, animate'))
      assert.doesNotMatch(
        element.getAttribute('attributeName') ?? '',
        /^on|href$/i,
        `${file}: animates a handler or link`,
      );
  }
  // Every word of each source on its page, or a warning about that source.
  const site = await loadSite(articles);
  for (const page of site.pages) {
    const document = pages.get(page.page);
    assert.ok(document, `${page.page} was written`);
    const source = page.article.prose.body.flatMap((run) => words(run.text));
    const missing = missingWords(source, pageWords(document.querySelector('article')!));
    if (missing.length > 0)
      assert.ok(
        said.some((d) => d.rule === 'lost-words' && d.file === page.file),
        `${page.file}: ${missing.slice(0, 8).join(' ')} not on its page, and no lost-words warning`,
      );
  }
  await row.site?.(pages, out);
}

/** The row's expectations against what the command said and printed. */
function checkSaid(row: Case, articles: string, result: Run) {
  const printed = [...result.out, ...result.err];
  assert.ok(!printed.some((line) => /bug in reader-edition/.test(line)), `a bug: ${printed.join('\n')}`);
  assert.ok(!printed.some((line) => /^\s+at /.test(line)), `a stack trace: ${printed.join('\n')}`);
  const place = (d: Said) =>
    d.file === undefined ? undefined : `${path.relative(articles, d.file).split(path.sep).join('/')}:${d.line}`;
  // Each said once, at its file and line, where the publisher reads it.
  for (const d of result.said) {
    const line = d.file === undefined ? undefined : formatDiagnostic(d);
    const where = d.severity === 'note' ? result.out : result.err;
    const count = line ? where.filter((l) => l === line).length : where.filter((l) => l.includes(d.message)).length;
    assert.equal(count, 1, `printed once: ${line ?? d.message}\n${printed.join('\n')}`);
  }
  const shown = result.said.map((d) => `${place(d) ?? '-'} ${d.severity} ${d.rule}: ${d.message}`);
  const unmatched = [...result.said];
  for (const expected of row.said) {
    const found = unmatched.findIndex(
      (d) =>
        place(d) === expected.at &&
        d.severity === expected.severity &&
        d.rule === expected.rule &&
        expected.message.test(d.message),
    );
    assert.ok(
      found >= 0,
      `not said: ${expected.at ?? '-'} ${expected.severity} ${expected.rule}: ${expected.message}\nsaid:\n${shown.join('\n')}`,
    );
    unmatched.splice(found, 1);
  }
  const unexpected = unmatched.filter((d) => d.severity !== 'note');
  assert.deepEqual(
    unexpected.map((d) => `${place(d) ?? '-'} ${d.severity} ${d.rule}: ${d.message}`),
    [],
    'said, not expected',
  );
}

const exec = promisify(execFile);

/** The command as a process: its exit code and output lines. */
async function spawn(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const lines = (text: string) => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));
  try {
    const { stdout, stderr } = await exec(process.execPath, ['--import', 'tsx', 'generator/cli.ts', ...args]);
    return { code: 0, out: lines(stdout), err: lines(stderr) };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, out: lines(stdout), err: lines(stderr) };
  }
}

async function runCase(row: Case, folder: string) {
  const outside = await mkdtemp(path.join(tmpdir(), 'reader-edition-corpus-out-'));
  try {
    const out = path.join(outside, 'site');
    const articles = path.join(folder, row.articles ?? '');
    const args = row.args?.({ folder, articles, out }) ?? [
      'build',
      ...['--articles', articles, '--out', out],
      ...(row.audio ? [] : ['--no-audio']),
      ...(row.extra ?? []),
    ];
    if (row.outBefore) await write(out, row.outBefore);
    const result = row.outBefore && row.exit !== 0 ? await unchanged(out, () => run(args)) : await run(args);
    assert.equal(result.code, row.exit, [...result.out, ...result.err].join('\n'));
    checkSaid(row, articles, result);
    if (row.exit === 0 && args[0] === 'build') await checkSite(articles, out, result.said, row);
    if (row.spawn) {
      const process = await spawn(args);
      assert.deepEqual(process, { code: result.code, out: result.out, err: result.err });
    }
  } finally {
    await rm(outside, { recursive: true, force: true });
  }
}

describe('the corpus of publisher mistakes', { concurrency: 2 }, () => {
  test('covers at least 45 cases', () => assert.ok(CASES.length >= 45, `${CASES.length} cases`));
  for (const row of CASES) {
    test(row.name, () =>
      typeof row.folder === 'string'
        ? unchanged(row.folder, () => runCase(row, row.folder as string))
        : inTempFolder(row.folder, (dir) => runCase(row, dir)),
    );
  }
});
