// Node tests of the article renderer: the build must fail loudly, naming file and line,
// on a source it cannot present faithfully, and must never pass unsafe HTML through.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { renderArticle, ArticleSourceError } from '../../generator/article/article.ts';
import { withListenButtons } from '../../generator/page/page.ts';

test('"Listen from here" follows each heading as its sibling; a table after a heading is captioned in its words', async () => {
  const { html } = await render(
    '## Figures\n\n| Name | Value |\n| --- | --- |\n| A | 1 |\n\n## After *it*\n\nText.\n\n### A question?\n\nAn answer.\n',
  );
  const page = withListenButtons(html);
  // The table after a heading is captioned in the heading's words: text only, the edition's.
  assert.match(
    page,
    /<h2 id="figures">Figures<\/h2><listen-here heading="figures" data-edition><\/listen-here>\n<table>\n<caption class="visually-hidden" data-edition="">Figures<\/caption>/,
  );
  assert.match(
    page,
    /<h2 id="after-it">After <em>it<\/em><\/h2><listen-here heading="after-it" data-edition><\/listen-here>/,
  );
  assert.match(
    page,
    /<h3 id="a-question">A question\?<\/h3><listen-here heading="a-question" data-edition><\/listen-here>/,
  );
  assert.equal(page.match(/<listen-here/g)?.length, 3);
  assert.doesNotMatch(page, /<caption[^>]*>[^]*<listen-here[^]*<\/caption>/);
});

const FRONT = `---
title: A test article
author: Someone
lang: en
description: A short article used by the tests.
---
`;

const render = (body: string, front = FRONT) => renderArticle(front + body, 'articles/test.md');

async function throwsAt(fn: () => Promise<unknown>, line: number, message: RegExp) {
  await assert.rejects(fn, (error) => {
    assert.ok(error instanceof ArticleSourceError);
    assert.equal(error.diagnostic.line, line);
    assert.match(error.message, new RegExp(`^articles/test\\.md:${line}: `));
    assert.match(error.message, message);
    return true;
  });
}

test('the real article renders with all its sections', async () => {
  const file = 'assets/articles/psychedelic-therapy.md';
  const article = await renderArticle(readFileSync(file, 'utf8'), file);
  assert.deepEqual(article.warnings, []);
  assert.equal(article.sections.length, 12);
  assert.ok(article.wordCount > 1800);
  assert.equal(article.readingMinutes, Math.round(article.wordCount / 230));
});

test('missing front matter names line 1', async () => {
  await assert.rejects(
    () => renderArticle('## Hello\n\nText.\n', 'articles/test.md'),
    /^ArticleSourceError: articles\/test\.md:1: the file must start with front matter/,
  );
});

test('a missing title names its line', async () => {
  await throwsAt(() => render('Text.\n', FRONT.replace('title: A test article\n', 'title:\n')), 2, /needs "title"/);
});

test('invalid YAML names the line in the file', async () => {
  await throwsAt(() => render('Text.\n', FRONT.replace('author: Someone', 'author: Some: one')), 3, /not valid YAML/);
});

test('an invalid language tag is rejected', async () => {
  await throwsAt(() => render('Text.\n', FRONT.replace('lang: en', 'lang: English')), 4, /BCP 47/);
});

test('a skipped heading level names its line', async () => {
  await throwsAt(() => render('## Section\n\nText.\n\n#### Too deep\n'), 11, /skips from h2 to h4/);
});

test('an image without alt text or from another site is rejected', async () => {
  await throwsAt(() => render('Intro.\n\n![](photo.jpg)\n'), 9, /needs alt text/);
  await throwsAt(() => render('Intro.\n\n![A photo](https://example.com/p.jpg)\n'), 9, /not loaded from elsewhere/);
});

test('an attribution with no quote is rejected', async () => {
  await throwsAt(() => render('Intro.\n\n> — Somebody\n'), 9, /no quoted text/);
});

test('script, event handlers and javascript: links in a source never reach the page', async () => {
  const { html, warnings } = await render(
    '<script>alert(1)</script>\n\nText <b onclick=alert(1)>bold</b> here.\n\n[link](javascript:alert(1))\n',
  );
  assert.doesNotMatch(html, /<script|onclick|href="javascript:/i);
  // The script's text goes with it; markdown-it already shows a javascript: link as plain text, which is said too.
  assert.match(html, /^\n<p>Text <b>bold<\/b> here\.<\/p>\n<p>\[link\]\(javascript:alert\(1\)\)<\/p>\n$/);
  assert.deepEqual(
    warnings.map((w) => w.line).sort((a, b) => a - b),
    [7, 9, 11],
  );
});

test('attribute syntax cannot add event handlers, styles or unknown classes', async () => {
  const { html, warnings } = await render(
    '## Section {onclick=alert(1) style=color:red .ok}\n\nText.\n\n## FAQ {.faq}\n',
  );
  assert.doesNotMatch(html, /onclick|style=|class="ok"/);
  // Sections carry no name, so they are not region landmarks; their headings give the outline.
  assert.match(html, /<section><h2 id="section">/);
  assert.match(html, /<section class="faq"><h2 id="faq">/);
  assert.doesNotMatch(html, /aria-labelledby/);
  assert.match(warnings[0].message, /class "\.ok" is not one the edition knows/);
  assert.equal(warnings[0].line, 7);
});

test('a quote with an attribution becomes the quote and an attribution paragraph, not a figure named by it', async () => {
  const { html } = await render('> Quoted words.\n>\n> — **A Person**, Their Role\n');
  assert.match(
    html,
    /^<div class="quote"><blockquote>\n<p>Quoted words\.<\/p>\n<\/blockquote>\n<p class="attribution"><strong>A Person<\/strong>, Their Role<\/p><\/div>/,
  );
  assert.doesNotMatch(html, /<figure|<figcaption/);
});

test('a table after a heading is captioned in its words, the heading kept in the outline, with scoped headers', async () => {
  const { html } = await render('## Figures\n\n| Name | Value |\n| --- | --- |\n| A | 1 |\n');
  assert.match(
    html,
    /<h2 id="figures">Figures<\/h2>\n<table>\n<caption class="visually-hidden" data-edition="">Figures<\/caption>/,
  );
  assert.match(html, /<th scope="col">Name<\/th>/);
  assert.match(html, /<th scope="row">A<\/th>\n<td>1<\/td>/);
});
