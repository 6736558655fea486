// The HTML page around a rendered article. Shared by the dev server and the build,
// so what a developer sees is what ships.
import { createHash } from 'node:crypto';
import { audioObject } from './audio/page-audio.mjs';

/** @typedef {import('./article.mjs').Article} Article */

/**
 * @typedef {object} PageAssets
 * @property {string} script URL of the module that enhances the page
 * @property {string} stylesheet URL of the edition's stylesheet
 * @property {string} headSnippet inline script run in <head> before first paint (src/head-snippet.ts)
 * @property {string} [serviceWorker] URL of the offline worker; only the build sets it, so the
 *   dev server never registers a caching worker and development is never served stale
 * @property {import('./audio/page-audio.mjs').PageAudio} [audio] the article's audio edition, where the build rendered one
 * @property {string} [feed] URL of the site's podcast feed, where the build wrote one
 */

export const SITE_NAME = 'Reader edition';

/** The light and dark themes' --bg in src/styles/edition.css (a build test keeps them equal). */
export const THEME_COLORS = { light: '#fbfaf7', dark: '#15161a' };

/**
 * On a phone the contents collapse before first paint, so the article starts on the first
 * screen; without JavaScript they stay open. Inline so it runs as the parser reaches it.
 */
const COLLAPSE_TOC_ON_PHONES =
  "if(matchMedia('(max-width: 63.99rem)').matches)document.getElementById('toc-details').open=false";

/**
 * The Content-Security-Policy: same-origin resources only; inline script only for the
 * snippets whose hashes it lists (JSON-LD is data, which CSP does not execute).
 * @param {string[]} inlineScripts
 */
export const contentSecurityPolicy = (inlineScripts) => [
  "default-src 'self'",
  `script-src 'self' ${inlineScripts.map(hash).join(' ')}`,
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * @param {Article} article
 * @param {PageAssets} assets
 * @param {string | null} [lexicon] pronunciation lexicon JSON for read-aloud
 */
export function renderPage(article, assets, lexicon = null) {
  const { meta } = article;
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: meta.title,
    description: meta.description,
    inLanguage: meta.lang,
    author: { '@type': 'Person', name: meta.author },
    wordCount: article.wordCount,
    timeRequired: `PT${article.readingMinutes}M`,
    isAccessibleForFree: true,
    accessMode: ['textual'],
    accessibilityFeature: ['tableOfContents', 'structuralNavigation', 'readingOrder', 'displayTransformability'],
    accessibilityHazard: ['noFlashingHazard', 'noMotionSimulationHazard', 'noSoundHazard'],
    ...(assets.audio && { audio: audioObject(assets.audio) }),
  };
  const toc = article.sections
    .map((section) => `<li><a href="#${escapeHtml(section.id)}">${escapeHtml(section.text)}</a></li>`)
    .join('\n');

  return `<!doctype html>
<html lang="${escapeHtml(meta.lang)}" dir="auto">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy([assets.headSnippet, COLLAPSE_TOC_ON_PHONES])}">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(meta.title)} · ${SITE_NAME}</title>
<meta name="description" content="${escapeHtml(meta.description)}">
<meta name="author" content="${escapeHtml(meta.author)}">
<meta name="color-scheme" content="light dark">
<meta name="theme-color" content="${THEME_COLORS.light}" media="(prefers-color-scheme: light)">
<meta name="theme-color" content="${THEME_COLORS.dark}" media="(prefers-color-scheme: dark)">
<link rel="manifest" href="./manifest.webmanifest">
<link rel="icon" href="./icons/icon.svg" type="image/svg+xml">
<link rel="apple-touch-icon" href="./icons/apple-touch-icon.png">
${assets.serviceWorker ? `<meta name="service-worker" content="${escapeHtml(assets.serviceWorker)}">\n` : ''}<script>${assets.headSnippet}</script>
<link rel="stylesheet" href="${escapeHtml(assets.stylesheet)}">
<script type="module" src="${escapeHtml(assets.script)}"></script>
<script type="application/ld+json">${jsonForHtml(jsonLd)}</script>
${lexicon ? `<script type="application/json" id="pronunciation-lexicon">${jsonForHtml(JSON.parse(lexicon))}</script>` : ''}
${assets.audio ? `<script type="application/json" id="audio-edition">${jsonForHtml(assets.audio)}</script>\n` : ''}${assets.feed ? `<link rel="alternate" type="application/rss+xml" title="${SITE_NAME} podcast" href="${escapeHtml(assets.feed)}">\n` : ''}</head>
<body>
<a class="skip-link" href="#article">Skip to the article</a>
<header class="site-header">
<div class="toolbar">
<p class="site-name">${SITE_NAME}</p>
<read-aloud-player></read-aloud-player>
<offline-status></offline-status>
<reading-settings></reading-settings>
</div>
</header>
<div class="layout">
<nav class="toc" aria-labelledby="toc-label">
<details id="toc-details" open>
<summary id="toc-label">Contents</summary>
<edition-toc>
<ol>
${toc}
</ol>
</edition-toc>
</details>
</nav>
<script>${COLLAPSE_TOC_ON_PHONES}</script>
<main id="article" tabindex="-1">
<article class="article" lang="${escapeHtml(meta.lang)}">
<header class="article-header">
<h1>${escapeHtml(meta.title)}</h1>
<p class="article-meta" data-edition>By ${escapeHtml(meta.author)} · <span>${article.readingMinutes} min read</span></p>
</header>
${withListenButtons(article.html)}
</article>
</main>
</div>
<footer class="site-footer">
<p>${SITE_NAME} of “${escapeHtml(meta.title)}” by ${escapeHtml(meta.author)}. Private by design: nothing on this page is loaded from or reported to anywhere else.</p>
</footer>
<line-focus></line-focus>
</body>
</html>
`;
}

/**
 * A "Listen from here" control after each section heading and FAQ question. It is the
 * edition's, not the article's (data-edition), and shows only where speech works.
 * @param {string} html
 */
function withListenButtons(html) {
  return html.replace(/<\/h[23]>/g, '$&<listen-here data-edition></listen-here>');
}

/** @param {string} script */
function hash(script) {
  return `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
}

/** @param {string} text */
export function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * JSON inside <script> must not be able to close the element.
 * @param {unknown} value
 */
function jsonForHtml(value) {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
