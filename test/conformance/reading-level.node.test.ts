// The conformance report states the article's measured reading level (WCAG 3.1.5); this keeps
// that statement true when the article changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { renderArticle } from '../../generator/article/article.ts';
import { readingLevel } from '../../tools/reading-level.ts';

test('docs/accessibility.md states the article’s measured reading level', async () => {
  const file = 'assets/articles/psychedelic-therapy.md';
  const article = await renderArticle(readFileSync(file, 'utf8'), file);
  const level = readingLevel(article.html, article.meta.title);
  const report = readFileSync('docs/accessibility.md', 'utf8');
  assert.match(report, new RegExp(`Flesch–Kincaid grade level \\*\\*${level.grade}\\*\\*`));
  assert.match(report, new RegExp(`Flesch reading ease \\*\\*${level.ease}\\*\\*`));
});
