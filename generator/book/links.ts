// What the build says about links the book cannot follow: a link to another page or file of the
// site leads to its address in the book, which must know the site's address to give it; without
// one, the book keeps the link's text alone (content-document.ts). Said once per article, as a
// note: the page is right and the book still reads, so `--strict` does not stop a build for it.
import type { Article } from '../article/article.ts';
import type { Diagnostic } from '../diagnostics.ts';

/** @param baseUrl the site's address as the build has it (--base-url, site.toml's base_url, SITE_BASE_URL) */
export function unfollowedLinks(file: string, article: Article, baseUrl: string | undefined): Diagnostic[] {
  const [first, ...others] = article.siteLinks;
  if (baseUrl || !first) return [];
  const more =
    others.length === 0 ? '' : ` (and ${others.length} more link${others.length === 1 ? '' : 's'} to the site)`;
  return [
    {
      file,
      line: first.line,
      severity: 'note',
      rule: 'book-links',
      message: `the e-book keeps the link to "${first.href}"${more} as text alone: without the site's address it cannot lead there. Set base_url in site.toml (or --base-url) to keep them as links`,
    },
  ];
}
