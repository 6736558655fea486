// Languages as a reader names them: the primary subtag that voices are matched on, and the
// page's words for a language or regional variant.

export const primaryLanguage = (lang: string) => lang.split('-')[0].toLowerCase();

/** A language or regional variant in the page's words ("British English"); undefined where the browser cannot say. */
export function languageDisplayName(lang: string, pageLang = document.documentElement.lang || 'en') {
  try {
    return new Intl.DisplayNames([pageLang], { type: 'language' }).of(lang);
  } catch {
    return undefined;
  }
}
