// Serves each article page from its Markdown source on every request, so edits show on reload.
// Shared by web-dev-server.config.mjs and web-test-runner.config.mjs.
import { readFile } from 'node:fs/promises';
import type { Plugin } from '@web/dev-server-core';
import { transform } from 'esbuild';
import { escapeHtml } from '../generator/escape.ts';
import { loadSite, pageContext } from '../generator/site.ts';
import { renderIndexPage, renderPage } from '../generator/page/page.ts';
import { bundleInlineScript, HEAD_SNIPPET_ENTRY } from '../generator/bundle/inline-script.ts';
import { webManifest } from '../generator/page/manifest.ts';
import { ICONS, renderIcons } from '../generator/page/icons.ts';
import { DEV_SAMPLE_PATH, fontSample, withDevSampleUrls } from '../generator/bundle/font-samples.ts';
import { recommendedVoiceData, VOICES_DIR } from '../generator/page/voice-data.ts';
import { IMAGES_DIR } from '../generator/article/pictures.ts';
import { FILES_DIR } from '../generator/article/local-files.ts';

/** Assets as the dev server serves them: TypeScript compiled on the fly by the esbuild plugin. */
const DEV_ASSETS = { script: './src/main.ts', stylesheet: './src/styles/edition.css' };

/**
 * The locale warm-up worker: the page starts it at this .js address (src/speech/first-listen.ts),
 * where the build writes it; here it is compiled from its source on each request.
 */
const LOCALE_WORKER = { path: '/src/locale-warm-up.worker.js', source: 'src/locale-warm-up.worker.ts' };

/**
 * A binary body (a picture, an icon, a font sample). dev-server-core types a served body as a
 * string, but hands it to Koa, which sends a Buffer as it is.
 */
const binary = (body: Buffer | string, type: string | undefined): { body: string; type?: string } => ({
  body: body as string,
  type,
});

export function articlePages(): Plugin {
  return {
    name: 'article-pages',
    async serve(context) {
      if (context.path === LOCALE_WORKER.path) {
        const { code } = await transform(await readFile(LOCALE_WORKER.source, 'utf8'), {
          loader: 'ts',
          sourcefile: LOCALE_WORKER.source,
        });
        return { body: code, type: 'js' };
      }
      // The manifest and icons as the build writes them, so the page's links resolve here too.
      if (context.path === '/manifest.webmanifest') {
        return { body: webManifest(await loadSite()), type: 'application/manifest+json' };
      }
      if (ICONS.some((icon) => `/${icon.file}` === context.path)) {
        const icon = (await renderIcons()).find((i) => `/${i.file}` === context.path);
        return icon && binary(icon.body, icon.type);
      }
      // The fonts' samples for the reading settings, cut as the build cuts them.
      const sample = DEV_SAMPLE_PATH.exec(context.path);
      if (sample) return binary(await fontSample(sample[1]), 'font/woff2');
      // The recommended voices for a language, as the build writes them.
      const voices = new RegExp(`^/${VOICES_DIR}/([a-z]{2,3})\\.json$`).exec(context.path);
      if (voices) return { body: JSON.stringify(await recommendedVoiceData(voices[1])), type: 'json' };
      // Pictures and linked files, made from the articles' files as the build makes them.
      if (context.path.startsWith(`/${IMAGES_DIR}/`) || context.path.startsWith(`/${FILES_DIR}/`)) {
        const site = await loadSite();
        const file = site.pages.flatMap((p) => p.article.files).find((f) => `/${f.path}` === context.path);
        return file && binary(file.body, context.path.split('.').pop());
      }
      const wanted = decodedPath(context.path === '/' ? '/index.html' : context.path);
      if (wanted === undefined || !/^\/[\p{L}\p{M}\p{N}_-]+\.html$/u.test(wanted)) return undefined;
      try {
        const site = await loadSite();
        const headSnippet = await bundleInlineScript(HEAD_SNIPPET_ENTRY);
        const assets = { ...DEV_ASSETS, headSnippet };
        if (site.hasIndex && wanted === '/index.html')
          return { body: renderIndexPage(site.config, site.pages, assets), type: 'html' };
        const page = site.pages.find((p) => `/${p.page}` === wanted);
        if (!page) return undefined;
        return { body: renderPage(page.article, assets, page.lexicon, pageContext(site, page)), type: 'html' };
      } catch (error) {
        // A broken source shows what is wrong and where, never a blank page. (dev-server-core
        // answers whatever a plugin serves with 200: a serve result has no status.)
        const message = error instanceof Error ? error.message : String(error);
        console.error(message);
        return {
          type: 'html',
          body: `<!doctype html><html lang="en"><title>Article source error</title><h1>The article source has an error</h1><pre>${escapeHtml(message)}</pre>`,
        };
      }
    },
    transform(context) {
      // The optional fonts' samples are named in the stylesheet's tokens (src/styles/edition/tokens.css).
      if (context.path === '/src/styles/edition/tokens.css') return { body: withDevSampleUrls(String(context.body)) };
      return undefined;
    },
  };
}

/** A request's path decoded, or undefined for one no page can have (a stray "%"). */
function decodedPath(pathname: string): string | undefined {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
}
