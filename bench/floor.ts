// The floor: what the edition is measured against. The same article, rendered from the same
// source by the same code as the build, as bare HTML: no CSS, no script, no font.
import { escapeHtml } from '../generator/escape.ts';
import { homePage, loadSite } from '../generator/site.ts';

/** What the floor's head needs of an article's front matter. */
export interface FloorMeta {
  lang: string;
  title: string;
}

const head = (meta: FloorMeta) => `<!doctype html>
<html lang="${escapeHtml(meta.lang)}">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(meta.title)}</title>
`;

/** The home article as the floor page, and its language (for the speech floor); the seed's, or `articles`'s one article. */
export async function floorArticle(articles?: string): Promise<{ html: string; meta: FloorMeta }> {
  const home = homePage(await loadSite(articles));
  // The bench measures the seed's one article, which is the home page.
  if (!home) throw new Error('the site has no home article (index.html lists several): the bench needs one article');
  const { article } = home;
  return {
    html: `${head(article.meta)}<h1>${escapeHtml(article.meta.title)}</h1>\n${article.html}`,
    meta: article.meta,
  };
}

/**
 * The floor for time to speech: a bare page whose button speaks one sentence in its click
 * handler. The bench times it exactly as it times the edition (bench/speech.ts). `sentence` is
 * what the edition speaks first.
 */
export function speechFloorPage(meta: FloorMeta, sentence: string): string {
  return `${head(meta)}<button type="button">Listen</button>
<script>
document.querySelector('button').addEventListener('click', () => {
  const utterance = new SpeechSynthesisUtterance(${JSON.stringify(sentence).replace(/</g, '\\u003c')});
  utterance.lang = document.documentElement.lang;
  speechSynthesis.speak(utterance);
});
</script>
`;
}
