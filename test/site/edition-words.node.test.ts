// Node tests of the edition's own words on the pages the build writes: in the article's language
// where the edition has a table for it (French), in English marked lang="en" where it has none
// (Arabic, German), the article itself staying in its own language and direction.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { renderArticle } from '../../generator/article/article.ts';
import { renderIndexPage, renderNotKeptPage, renderPage } from '../../generator/page/page.ts';
import { DEFAULT_CONFIG } from '../../generator/site-config.ts';
import { WORDS } from '../../src/words/tables.ts';
import { PAGE_ASSETS, parse } from './publisher-folder.node.ts';

const FRENCH = 'test/fixtures/articles/blog/un-article-en-francais.md';

const ARABIC = `---
title: القراءة بصوت عال
author: ليلى حسن
date: 2024-03-05
lang: ar
description: لماذا نستمع إلى المقالات.
---

الاستماع إلى نص ليس مثل قراءته.

## الإيقاع

كل كلمة مهمة عندما نستمع.[^1]

[^1]: ملاحظة.
`;

/** The language an element is in, as a screen reader reads it: its own lang or its nearest ancestor's. */
const langOf = (element: Element | null) => element?.closest('[lang]')?.getAttribute('lang');
const dirOf = (element: Element | null) => element?.closest('[dir]')?.getAttribute('dir');
/** Its text, white space as a browser shows it (no-break spaces kept). */
const text = (element: Element | null) => element?.textContent?.replace(/[ \t\n\r]+/g, ' ').trim();

/** The elements that hold the edition's words on an article's page. */
const EDITION_PARTS = [
  '.skip-link',
  '.site-header',
  '#toc-label',
  '.article-meta',
  'listen-here',
  'reading-place',
  '.article-nav',
  '.site-footer',
];

const NAV = { index: './', previous: { page: 'newer.html', title: 'A newer post', lang: 'en' } };

/** Every plain string of a table, with each function's words for sample arguments (one-word lists, which read as their word where text is expected). */
function allWords(table: unknown, args: unknown[] = [['X'], ['Y'], ['Z']]): string[] {
  if (typeof table === 'string') return [table];
  if (typeof table === 'function') return [String((table as (...a: unknown[]) => unknown)(...args))];
  if (Array.isArray(table)) return table.flatMap((item) => allWords(item, args));
  if (table && typeof table === 'object') return Object.values(table).flatMap((value) => allWords(value, args));
  return [];
}

test('a French article’s page has the edition’s words in French, in the page’s language', async () => {
  const article = await renderArticle(await readFile(FRENCH, 'utf8'), FRENCH);
  const page = parse(renderPage(article, PAGE_ASSETS, null, { nav: NAV }));
  assert.equal(page.documentElement.lang, 'fr');
  for (const selector of EDITION_PARTS) {
    const element = page.querySelector(selector);
    assert.ok(element, selector);
    assert.equal(langOf(element), 'fr', selector);
  }
  assert.equal(text(page.querySelector('.skip-link')), 'Aller à l’article');
  assert.equal(text(page.querySelector('#toc-label')), 'Sommaire');
  assert.equal(
    text(page.querySelector('.article-meta')),
    `Par Claire Dubois · 20 novembre 2023 · ${article.readingMinutes} min de lecture`,
  );
  assert.equal(page.querySelector('.article-nav')?.getAttribute('aria-label'), 'Autres articles');
  assert.deepEqual([...page.querySelectorAll('.article-nav a')].map(text), [
    'Tous les articles',
    'Précédent\u00a0: A newer post',
  ]);
  // The linked article's title keeps its own language.
  assert.equal(langOf(page.querySelector('.article-nav a[rel="prev"] span')), 'en');
  assert.match(
    text(page.querySelector('.site-footer')) ?? '',
    /^Reader edition\u00a0: «\u00a0Lire à voix haute\u00a0», de Claire Dubois\. Respect de la vie privée/,
  );
  // No English word of the edition is left on the page.
  const shown = page.body.textContent ?? '';
  for (const words of allWords(WORDS.en.build).filter((w) => w.length > 3))
    assert.ok(!shown.includes(words), `English left on a French page: ${words}`);
});

test('an Arabic article’s page has the edition’s words in English, marked so, and the article in Arabic, right to left', async () => {
  const article = await renderArticle(ARABIC, 'ar.md');
  const page = parse(renderPage(article, PAGE_ASSETS, null, { nav: NAV }));
  assert.equal(page.documentElement.lang, 'ar');
  assert.equal(page.documentElement.dir, 'rtl');
  for (const selector of EDITION_PARTS) {
    const element = page.querySelector(selector);
    assert.ok(element, selector);
    assert.equal(langOf(element), 'en', selector);
    assert.equal(dirOf(element), 'ltr', selector);
  }
  assert.equal(text(page.querySelector('.skip-link')), 'Skip to the article');
  assert.equal(text(page.querySelector('#toc-label')), 'Contents');
  assert.match(text(page.querySelector('.article-meta')) ?? '', /^By ليلى حسن · March 5, 2024 · \d+ min read$/);
  // The article's words inside the edition's: its author and title, in Arabic again.
  for (const span of page.querySelectorAll('.article-meta span[lang], .site-footer span[lang]')) {
    assert.equal(span.getAttribute('lang'), 'ar');
    assert.equal(span.getAttribute('dir'), 'rtl');
  }
  assert.equal(page.querySelectorAll('.site-footer span[lang="ar"]').length, 2, 'title and author');
  // The article itself: its heading, its paragraphs and the contents' links.
  const articleElement = page.querySelector('article');
  assert.equal(articleElement?.getAttribute('lang'), 'ar');
  assert.equal(articleElement?.getAttribute('dir'), 'rtl');
  for (const element of page.querySelectorAll(
    'article h1, article h2:not(#footnotes), article p:not(.article-meta), .toc li a:not([href="#footnotes"])',
  ))
    assert.equal(langOf(element), 'ar', text(element));
  // The notes' heading is the edition's word, in the article and in the contents.
  for (const element of [page.querySelector('#footnotes'), page.querySelector('.toc a[href="#footnotes"]')]) {
    assert.equal(text(element), 'Notes');
    assert.equal(langOf(element), 'en');
    assert.equal(dirOf(element), 'ltr');
  }
});

test('the index and the offline page speak the site’s language: French, or English marked where it has no table', async () => {
  const article = await renderArticle(await readFile(FRENCH, 'utf8'), FRENCH);
  for (const [language, skip, details, marked] of [
    ['fr', 'Aller à la liste des articles', /^Par Claire Dubois · 20 novembre 2023 · \d+ min de lecture$/, false],
    ['de', 'Skip to the list of articles', /^By Claire Dubois · November 20, 2023 · \d+ min read$/, true],
  ] as const) {
    const site = { ...DEFAULT_CONFIG, language };
    const index = parse(renderIndexPage(site, [{ page: 'a.html', article }], PAGE_ASSETS));
    assert.equal(text(index.querySelector('.skip-link')), skip);
    assert.match(text(index.querySelector('.index-entry .article-meta')) ?? '', details);
    assert.equal(langOf(index.querySelector('.index-entry .article-meta')), marked ? 'en' : language);
    assert.equal(langOf(index.querySelector('.index-entry h2')), 'fr');
    assert.equal(langOf(index.querySelector('.site-footer')), marked ? 'en' : language);
    assert.equal(langOf(index.querySelector('.site-header')), marked ? 'en' : language);
    const offline = parse(renderNotKeptPage(site, PAGE_ASSETS));
    assert.equal(text(offline.querySelector('h1')), marked ? 'Not available offline' : 'Indisponible hors ligne');
    assert.equal(langOf(offline.querySelector('kept-articles')), marked ? 'en' : language);
    assert.equal(langOf(offline.querySelector('.skip-link')), marked ? 'en' : language);
  }
});

test('the French table keeps French typography: a no-break space before : ; ? ! » and after «', () => {
  for (const words of allWords(WORDS.fr)) {
    assert.doesNotMatch(words, /(?<!\u00a0)[:;?!»]/, words);
    assert.doesNotMatch(words, /«(?!\u00a0)/, words);
  }
});
