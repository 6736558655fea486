// Node tests of the article renderer: the build must fail loudly, naming file and line,
// on a source it cannot present faithfully, and must never pass raw HTML through.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { renderArticle, ArticleSourceError } from '../../scripts/article.mjs';

const FRONT = `---
title: A test article
author: Someone
lang: en
description: A short article used by the tests.
---
`;

/** @param {string} body */
const render = (body, front = FRONT) => renderArticle(front + body, 'articles/test.md');

/**
 * @param {() => unknown} fn
 * @param {number} line
 * @param {RegExp} message
 */
function throwsAt(fn, line, message) {
  assert.throws(fn, (error) => {
    assert.ok(error instanceof ArticleSourceError);
    assert.equal(error.line, line);
    assert.match(error.message, new RegExp(`^articles/test\\.md:${line}: `));
    assert.match(error.message, message);
    return true;
  });
}

test('the real article renders with all its sections', () => {
  const file = 'assets/articles/psychedelic-therapy.md';
  const article = renderArticle(readFileSync(file, 'utf8'), file);
  assert.equal(article.sections.length, 12);
  assert.ok(article.wordCount > 1800);
  assert.equal(article.readingMinutes, Math.round(article.wordCount / 230));
});

test('missing front matter names line 1', () => {
  assert.throws(() => renderArticle('## Hello\n\nText.\n', 'articles/test.md'), /^ArticleSourceError: articles\/test\.md:1: the file must start with front matter/);
});

test('a missing metadata field names its line', () => {
  throwsAt(() => render('Text.\n', FRONT.replace('author: Someone\n', 'author:\n')), 3, /needs "author"/);
});

test('invalid YAML names the line in the file', () => {
  throwsAt(() => render('Text.\n', FRONT.replace('author: Someone', 'author: Some: one')), 3, /not valid YAML/);
});

test('an invalid language tag is rejected', () => {
  throwsAt(() => render('Text.\n', FRONT.replace('lang: en', 'lang: English')), 4, /BCP 47/);
});

test('a level-one heading in the body names its line', () => {
  throwsAt(() => render('Intro.\n\n# Another title\n'), 9, /use "##"/);
});

test('a skipped heading level names its line', () => {
  throwsAt(() => render('## Section\n\nText.\n\n#### Too deep\n'), 11, /skips from h2 to h4/);
});

test('an image without alt text or from another site is rejected', () => {
  throwsAt(() => render('Intro.\n\n![](photo.jpg)\n'), 9, /needs alt text/);
  throwsAt(() => render('Intro.\n\n![A photo](https://example.com/p.jpg)\n'), 9, /not loaded from elsewhere/);
});

test('an attribution with no quote is rejected', () => {
  throwsAt(() => render('Intro.\n\n> — Somebody\n'), 9, /no quoted text/);
});

test('raw HTML and script in a source are shown as text, never passed through', () => {
  const { html } = render('<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)> here.\n\n[link](javascript:alert(1))\n');
  assert.doesNotMatch(html, /<script|<img|href="javascript:/i);
  assert.match(html, /&lt;script&gt;/);
});

test('attribute syntax cannot add event handlers or styles', () => {
  const { html } = render('## Section {onclick=alert(1) style=color:red .ok}\n\nText.\n');
  assert.doesNotMatch(html, /onclick|style=/);
  assert.match(html, /<section aria-labelledby="section" class="ok">/);
});

test('a quote with an attribution becomes a figure with a caption', () => {
  const { html } = render('> Quoted words.\n>\n> — **A Person**, Their Role\n');
  assert.match(html, /^<figure class="quote"><blockquote>\n<p>Quoted words\.<\/p>\n<\/blockquote>\n<figcaption><strong>A Person<\/strong>, Their Role<\/figcaption><\/figure>/);
});

test('a heading before a table becomes its caption, with scoped headers', () => {
  const { html } = render('## Figures\n\n| Name | Value |\n| --- | --- |\n| A | 1 |\n');
  assert.match(html, /<table>\n<caption><h2 id="figures" tabindex="-1">Figures<\/h2>\n<\/caption>/);
  assert.match(html, /<th scope="col">Name<\/th>/);
  assert.match(html, /<th scope="row">A<\/th>\n<td>1<\/td>/);
});
