// Serves each article page from its Markdown source on every request, so edits show on reload.
// Shared by web-dev-server.config.mjs and web-test-runner.config.mjs.
import { homePage, loadSite } from './site.mjs';
import { renderPage, escapeHtml } from './page.mjs';
import { bundleInlineScript, HEAD_SNIPPET_ENTRY } from './inline-script.mjs';
import { webManifest } from './manifest.mjs';
import { ICONS, renderIcons } from './icons.mjs';

/** Assets as the dev server serves them: TypeScript compiled on the fly by the esbuild plugin. */
const DEV_ASSETS = { script: './src/main.ts', stylesheet: './src/styles/edition.css' };

/** @returns {import('@web/dev-server-core').Plugin} */
export function articlePages() {
  return {
    name: 'article-pages',
    async serve(context) {
      // The manifest and icons as the build writes them, so the page's links resolve here too.
      if (context.path === '/manifest.webmanifest') {
        return { body: webManifest(homePage(await loadSite()).article.meta), type: 'application/manifest+json' };
      }
      if (ICONS.some((icon) => `/${icon.file}` === context.path)) {
        const icon = (await renderIcons()).find((i) => `/${i.file}` === context.path);
        return icon && { body: icon.body, type: icon.type };
      }
      const wanted = context.path === '/' ? '/index.html' : context.path;
      if (!/^\/[\w-]+\.html$/.test(wanted)) return undefined;
      try {
        const site = await loadSite();
        const page = site.find((p) => `/${p.page}` === wanted);
        if (!page) return undefined;
        const headSnippet = await bundleInlineScript(HEAD_SNIPPET_ENTRY);
        return { body: renderPage(page.article, { ...DEV_ASSETS, headSnippet }, page.lexicon), type: 'html' };
      } catch (error) {
        // A broken source shows what is wrong and where, never a blank page.
        const message = error instanceof Error ? error.message : String(error);
        console.error(message);
        return {
          status: 500,
          type: 'html',
          body: `<!doctype html><html lang="en"><title>Article source error</title><h1>The article source has an error</h1><pre>${escapeHtml(message)}</pre>`,
        };
      }
    },
  };
}
