// Node tests of raw HTML in a source: what the allowlist keeps, what it removes, and that
// every removal is a warning naming the line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { renderArticle } from '../../generator/article/article.ts';

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
