// Node tests of raw HTML in a source: what the allowlist keeps, what it removes, and that
// every removal is a warning naming the line; that raw HTML which would swallow what follows
// stops the build at its line; and that what a browser parses of the page is what was cleaned.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { renderArticle } from '../../generator/article/article.ts';
import { buildSite } from '../../generator/build-site.ts';
import { ArticleSourceError } from '../../generator/diagnostics.ts';
import { inTempFolder, parse, rejectsAt, unchanged } from '../site/publisher-folder.node.ts';

const FRONT = '---\ntitle: HTML in Markdown\n---\n\n';

const render = (body: string) => renderArticle(FRONT + body, 'post.md');

test('meaning Markdown has no syntax for is kept, with lang, dir and title', async () => {
  const { html, warnings } = await render(
    'Press <kbd>Ctrl</kbd>+<kbd>C</kbd>; H<sub>2</sub>O, x<sup>2</sup>, <mark>marked</mark>, <small>small</small>, ' +
      '<abbr title="HyperText Markup Language">HTML</abbr>, <span lang="fr" dir="ltr">bonjour</span>.<br>Next line.\n',
  );
  assert.deepEqual(warnings, []);
  for (const kept of [
    '<kbd>Ctrl</kbd>',
    '<sub>2</sub>',
    '<sup>2</sup>',
    '<mark>marked</mark>',
    '<small>small</small>',
    '<abbr title="HyperText Markup Language">HTML</abbr>',
    '<span lang="fr" dir="ltr">bonjour</span>',
    '<br />',
  ]) {
    assert.ok(html.includes(kept), `${kept} in ${html}`);
  }
});

test('a details element keeps the Markdown inside it', async () => {
  const { html } = await render(
    '<details>\n<summary>More</summary>\n\nSome *emphasis* inside.\n\n</details>\n\nAfter.\n',
  );
  assert.match(
    html,
    /^<details>\n<summary>More<\/summary>\n<p>Some <em>emphasis<\/em> inside\.<\/p>\n<\/details>\n<p>After\.<\/p>\n$/,
  );
});

test('a raw table keeps its structure, spans and scopes', async () => {
  const { html, warnings } = await render(
    '<table>\n<caption>Scores</caption>\n<tr><th scope="col" colspan="2">Team</th></tr>\n<tr><td rowspan="2">A</td><td>1</td></tr>\n</table>\n',
  );
  assert.deepEqual(warnings, []);
  assert.match(html, /<caption>Scores<\/caption>/);
  assert.match(html, /<th scope="col" colspan="2">Team<\/th>/);
  assert.match(html, /<td rowspan="2">A<\/td>/);
});

test('scripts, styles, handlers, embeds, javascript: links and remote pictures never reach the page, each named with its line', async () => {
  const { html, warnings } = await render(
    [
      'Intro.', // line 5 of the file
      '', // 6
      '<script>steal()</script>', // 7
      '', // 8
      '<style>body { display: none }</style>', // 9
      '', // 10
      'A <b onclick="steal()">bold</b> word.', // 11
      '', // 12
      '<iframe src="https://video.example.com/1">fallback</iframe>', // 13
      '', // 14
      'A <a href="javascript:steal()">bad link</a> and a <a href="https://example.org/" target="_blank">good one</a>.', // 15
      '', // 16
      '<img src="https://tracker.example.com/pixel.gif" alt="">', // 17
      '', // 18
      '<form action="/x"><input name="q"></form>', // 19
      '',
    ].join('\n'),
  );
  for (const gone of [
    '<script',
    'steal',
    '<style',
    'display: none',
    'onclick',
    '<iframe',
    'fallback',
    'javascript:',
    'tracker',
    '<form',
    '<input',
    'target=',
  ]) {
    assert.ok(!html.includes(gone), `${gone} is not in the page:\n${html}`);
  }
  assert.match(html, /A <b>bold<\/b> word\./);
  assert.match(html, /A <a>bad link<\/a> and a <a href="https:\/\/example\.org\/">good one<\/a>/);
  assert.deepEqual(
    warnings.map((w) => `${w.file}:${w.line} ${w.message.split(':')[0]}`),
    [
      'post.md:7 <script> removed with its content',
      'post.md:9 <style> removed with its content',
      'post.md:11 event handler "onclick" removed from <b>',
      'post.md:13 <iframe> removed with its content',
      'post.md:15 link "javascript',
      'post.md:15 attribute "target" removed from <a>',
      'post.md:17 image "https',
      'post.md:19 <form> removed, its text kept',
      'post.md:19 <input> removed, its text kept',
    ],
  );
});

test('source classes and styles do not reach the page: one warning per kind, listing the lines', async () => {
  const { html, warnings } = await render(
    '<span class="big">a</span>\n\n<span class="red" style="color: red">b</span>\n',
  );
  assert.doesNotMatch(html, /class=|style=/);
  assert.deepEqual(
    warnings.map((w) => `${w.line} ${w.message}`),
    [
      '5 class attributes are not kept, the edition sets its own styles (lines 5, 7)',
      '7 style attributes are not kept, the edition sets its own styles (line 7)',
    ],
  );
});

test('an inline element left open is closed at the end of its paragraph, with a warning', async () => {
  const { html, warnings } = await render('Some <mark>marked text.\n\nA later paragraph.\n');
  assert.match(html, /<p>Some <mark>marked text\.<\/mark><\/p>\n<p>A later paragraph\.<\/p>/);
  assert.match(warnings[0].message, /<mark> is not closed in its paragraph/);
});

test('a raw picture needs alt text; alt="" marks it as decoration', async () => {
  await assert.rejects(
    render('Intro.\n\n<img src="photo.jpg">\n'),
    /^ArticleSourceError: post\.md:7: <img src="photo\.jpg"> needs alt text/,
  );
});

test('the fixture post: allowed and forbidden HTML side by side', async () => {
  const file = 'test/fixtures/articles/blog/borrowing-in-rust/index.md';
  const { html, warnings } = await renderArticle(await readFile(file, 'utf8'), file);
  assert.match(html, /<kbd>Ctrl<\/kbd>\+<kbd>C<\/kbd>/);
  assert.match(html, /<abbr title="Rust's package manager">Cargo<\/abbr>/);
  assert.doesNotMatch(
    html,
    /<script|hacked|<iframe|A video about lifetimes|onerror|right-thumbnail|float|javascript:|cdn\.example\.com/,
  );
  const lines = warnings.filter((w) => !/front matter/.test(w.message)).map((w) => w.line);
  assert.deepEqual(lines, [33, 39, 41, 50, 59, 33, 46]);
});

const MISTAKES = 'test/fixtures/publisher-mistakes/raw-html';

const renderMistake = async (name: string) => {
  const file = `${MISTAKES}/${name}`;
  return renderArticle(await readFile(file, 'utf8'), file);
};

test('a tag whose quote is never closed stops the build at its line, rather than swallow the text and sections after it', async () => {
  await unchanged(MISTAKES, () =>
    rejectsAt(
      renderMistake('missing-quote.md'),
      `${MISTAKES}/missing-quote.md`,
      7,
      'raw-html',
      /^the tag <div title="a note> is not closed \(a quote or ">" is missing\), so a browser would read everything after it as part of the tag; close the quote, or the tag$/,
    ),
  );
});

test('a missing quote before a link whose address is a handler: the build stops; with the quote closed, no handler is anywhere in the page', async () => {
  const source = await readFile(`${MISTAKES}/missing-quote-then-link.md`, 'utf8');
  // The whole build, as a publisher runs it: refused at the line, the folder untouched.
  await inTempFolder({ files: { 'post.md': source } }, async (dir) => {
    const out = path.join(dir, '..', `${path.basename(dir)}-out`);
    await rejectsAt(
      buildSite({ articles: dir, out, audio: false }),
      path.join(dir, 'post.md'),
      7,
      'raw-html',
      /^the tag <div title="a note> is not closed/,
    );
  });
  const { html } = await renderArticle(source.replace('"a note>', '"a note">'), 'post.md');
  const page = parse(`<!DOCTYPE html><body>${html}`);
  assert.equal(page.querySelector('div')?.getAttribute('title'), 'a note');
  assert.match(page.body.textContent ?? '', /A link whose address is a handler/);
  assert.deepEqual(handlers(page), []);
});

test('a comment never closed stops the build at its line, rather than hide the rest of the article', async () => {
  await rejectsAt(
    renderMistake('unclosed-comment.md'),
    `${MISTAKES}/unclosed-comment.md`,
    7,
    'raw-html',
    /^the comment "<!-- A note to myself: check the figures" is not closed, so everything after it would be hidden; end it with "-->"$/,
  );
  // A processing instruction or declaration is read as a comment up to the next ">".
  await assert.rejects(render('Intro.\n\n<?php echo 1\n\n## Then\n\nText.\n'), (error: unknown) => {
    assert.ok(error instanceof ArticleSourceError);
    assert.equal(error.diagnostic.line, 7);
    assert.match(error.diagnostic.message, /^"<\?php echo 1" is read as a comment up to a ">" that never comes/);
    return true;
  });
});

test('an element whose content is not text, never closed, stops the build at its line', async () => {
  await rejectsAt(
    renderMistake('unclosed-textarea.md'),
    `${MISTAKES}/unclosed-textarea.md`,
    5,
    'raw-html',
    /^<textarea> is not closed, so everything after it would be removed with it; close it with <\/textarea>$/,
  );
  // Closed, it goes with its content and a warning, as before.
  const { html, warnings } = await render('Intro.\n\n<video controls>\n\nA *fallback*.\n\n</video>\n\nAfter.\n');
  assert.equal(html, '<p>Intro.</p>\n\n<p>After.</p>\n');
  assert.deepEqual(
    warnings.map((w) => `${w.line} ${w.message.split(':')[0]}`),
    ['7 <video> removed with its content'],
  );
});

test('a block element left open keeps the rest of the article inside it, with a warning at its line', async () => {
  const { html, warnings } = await render('Intro.\n\n<div lang="fr">\n\nBonjour.\n\n## Suite\n\nFin.\n');
  assert.match(
    html,
    /^<p>Intro\.<\/p>\n<div lang="fr">\n<p>Bonjour\.<\/p>\n<section><h2 id="suite">Suite<\/h2>\n<p>Fin\.<\/p>\n<\/section><\/div>$/,
  );
  assert.deepEqual(
    warnings.map((w) => `${w.line} ${w.rule} ${w.message}`),
    ['7 unclosed-element <div> is not closed, so the rest of the article is inside it; close it with </div>'],
  );
});

test('links are read as a browser reads them: spaces, tabs and entities do not hide a script, and // names another site', async () => {
  const { html, warnings } = await render(
    'A <a href="java&#x09;script:alert(1)">b</a> <a href=" javascript:alert(1)">c</a> <a href="//example.org/">d</a> <a href="/\\example.org/">e</a> <a href="/notes">f</a>.\n',
  );
  assert.equal(html, '<p>A <a>b</a> <a>c</a> <a>d</a> <a>e</a> <a href="/notes">f</a>.</p>\n');
  assert.deepEqual(
    warnings.map((w) => w.message.replace(/^link ".*" removed from <a>: /, '')),
    [
      'only web, mail and phone links are kept',
      'only web, mail and phone links are kept',
      'write the whole address, with https://',
      'write the whole address, with https://',
    ],
  );
});

test('HTML nested thousands deep stops the build at its line, not with a stack trace', async () => {
  await assert.rejects(render(`Intro.\n\n${'<div>'.repeat(5000)}Deep.\n`), (error: unknown) => {
    assert.ok(error instanceof ArticleSourceError, String(error));
    assert.equal(`${error.diagnostic.file}:${error.diagnostic.line}`, 'post.md:7');
    assert.match(error.diagnostic.message, /^the HTML here nests elements more than 256 deep/);
    return true;
  });
});

/** Every attribute of the parsed page that runs script: a handler, or a script address. */
function handlers(page: Document): string[] {
  return [...page.querySelectorAll('*')].flatMap((element) =>
    [...element.attributes]
      .filter(
        (attribute) =>
          /^on/i.test(attribute.name) ||
          /^(javascript|vbscript|data):/i.test(attribute.value.replace(/[\u0000-\u0020]/g, '')),
      )
      .map((attribute) => `<${element.localName} ${attribute.name}="${attribute.value}">`),
  );
}

test('whatever the raw HTML, the page a browser parses has no script, handler, embed or style from the source', async () => {
  // Broken and hostile pieces, mixed with Markdown at random (the same every run).
  const raw = [
    '<div title="',
    '"',
    "'",
    '>',
    '<!--',
    '-->',
    '<p title="x">',
    '</p>',
    '<a href="javascript:alert(1)">',
    '<a href="java&#x0A;script:alert(1)">',
    '</a>',
    '<img src=x onerror=alert(1)>',
    '<svg><script>alert(1)</script></svg>',
    '<svg><style><img src=x onerror=alert(1)></style></svg>',
    '<math><mi><mglyph><style><img src=x onerror=alert(1)>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<textarea>',
    '</textarea>',
    '<style>',
    '</style>',
    '<table>',
    '<td>',
    '</table>',
    '<select><option>',
    '<template><b onclick=x>',
    '<form><button formaction=javascript:alert(1)>go</button></form>',
    '<span title="\uE0000\uE002">',
    '<b title="a" style="color:red" class="c" onmouseover="x">',
    '</b>',
    '<details open>',
    '<iframe srcdoc="<script>alert(1)</script>">',
    '<object data="x.swf">',
    '<embed src="x">',
    '<base href="//evil.example/">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  ];
  const markdown = [
    '[a link](onmouseover=alert(1)//)',
    '[another](" onmouseover="alert(1))',
    '[a note](#x "onmouseover=alert(1)//")',
    '[a fragment](#onmouseover=alert(1)//)',
    '## onmouseover',
    '```onmouseover=alert(1)//\ncode\n```',
    '*emphasis*',
    '`code "with" quotes`',
    '## A heading',
    '> A quote',
    '- an item',
    'Plain words',
    'x="y"',
    '\uE0011\uE002',
  ];
  const separators = ['', ' ', '\n', '\n\n'];
  let seed = 20240531;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const pick = <T>(list: T[]) => list[random(list.length)];
  let rendered = 0;
  for (let run = 0; run < 300; run++) {
    let body = 'Intro.\n\n';
    for (let i = 0; i < 8; i++) body += pick(random(2) ? raw : markdown) + pick(separators);
    let html;
    try {
      ({ html } = await render(body));
    } catch (error) {
      // Refused with a place and a reason is a publisher's mistake reported, which is fine.
      assert.ok(error instanceof ArticleSourceError, `${String(error)} for:\n${body}`);
      continue;
    }
    rendered++;
    const page = parse(`<!DOCTYPE html><body>${html}`);
    const forbidden = page.querySelectorAll(
      'script, style, iframe, object, embed, svg, math, textarea, noscript, template, form, button, select, base, meta, [style], [srcdoc], [formaction]',
    );
    assert.deepEqual(
      [...forbidden].map((element) => element.outerHTML),
      [],
      `for:\n${body}\n${html}`,
    );
    assert.deepEqual(handlers(page), [], `for:\n${body}\n${html}`);
    // The edition's own classes only: not the source's.
    assert.equal(page.querySelector('.c'), null, `for:\n${body}\n${html}`);
  }
  assert.ok(rendered > 50, `${rendered} of 300 rendered`);
});
