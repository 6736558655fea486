// The web app manifest, so the installed edition carries the site's name, language and
// description and the page's light background. A one-article site is named after its
// article; a site of several after itself, starting at its index.
import type { Site } from '../site.ts';
import { ICONS } from './icons.ts';
import { THEME_COLORS } from './page.ts';

export function webManifest({ config, pages, hasIndex }: Site): string {
  const home = hasIndex ? undefined : pages[0].article.meta;
  const manifest = {
    id: './',
    name: home ? `${config.title}: ${home.title}` : config.title,
    short_name: config.title,
    description: home ? home.description : (config.description ?? `${pages.length} articles from ${config.title}`),
    lang: home ? home.lang : config.language,
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
