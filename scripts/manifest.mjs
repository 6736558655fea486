// The web app manifest, from the home article's front matter, so the installed edition
// carries the article's language, description and the page's light background.
import { ICONS } from './icons.mjs';
import { SITE_NAME, THEME_COLORS } from './page.mjs';

/** @param {import('./article.mjs').ArticleMeta} meta the home article's front matter */
export function webManifest(meta) {
  const manifest = {
    id: './',
    name: `${SITE_NAME}: ${meta.title}`,
    short_name: SITE_NAME,
    description: meta.description,
    lang: meta.lang,
    dir: 'auto',
    start_url: './',
    scope: './',
    display: 'standalone',
    theme_color: THEME_COLORS.light,
    background_color: THEME_COLORS.light,
    icons: ICONS.filter((icon) => icon.purpose).map(({ file, type, size, purpose }) => ({
      src: `./${file}`,
      type,
      sizes: size ? `${size}x${size}` : 'any',
      purpose,
    })),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
