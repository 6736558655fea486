// Files an article names by a relative address: the pictures it shows, the other articles and
// the files it links to. Each must be inside the articles folder by its real path, so neither
// "../" nor a symbolic link can publish a file from elsewhere on the machine. A link to another
// article's source points at the page it becomes; a linked file is published under FILES_DIR.
import { createHash } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { isLocalSource } from './raw-html.ts';

/** Where linked files are published, each in a folder named by its content's hash so its own name is kept for downloads. */
export const FILES_DIR = 'assets/files';

/**
 * Files a link may not publish as they are: a page, drawing or script opened from the site's
 * address would run there, outside the pages' Content-Security-Policy.
 */
const ACTIVE = new Set(['.html', '.htm', '.xhtml', '.svg', '.svgz', '.xml', '.js', '.mjs']);

/** A file to write, relative to the site's folder. */
export interface LinkedFile {
  path: string;
  body: Buffer;
}

/** What the site knows of the folder's sources, for links between articles. */
export interface LinkTargets {
  /** The page an article source (by its real path) is published as, why it is not, or undefined if it is none. */
  article(real: string): { page: string } | { unpublished: string } | undefined;
  /** Why a file of the articles folder is left out of the site (hidden, an editor's file, ignored), if it is. */
  skipped(file: string): string | undefined;
}

/** A link's new address, or why it leads nowhere (and the file it names); null for a link left as written. */
export type ResolvedLink = { href: string } | { written: string; problem: string } | null;

/**
 * A name that every host serves and every browser reaches as written: lower case, letters of
 * any script and digits kept ("Lire à voix haute" becomes "lire-a-voix-haute": accents on
 * Latin, Greek and Cyrillic letters go, as in heading ids; the marks other scripts spell with
 * stay), anything else between them one "-". Empty when nothing is left.
 */
export function urlSafeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}_]+/gu, '-')
    .replace(/^[-_]+|[-_]+$/g, '');
}

/** The file an address names: without query or fragment, percent-escapes decoded where they are valid ("100%.png" is that file). */
export function filePath(src: string): string {
  const address = src.replace(/[?#].*$/, '');
  try {
    return decodeURIComponent(address);
  } catch {
    return address;
  }
}

/** Whether `file` is `folder` or inside it. */
export function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/**
 * Whether a file is inside the articles folder: as written, then by its real path, so a
 * symbolic link inside the folder that leads out of it is outside. "missing" when it does not exist.
 */
export async function containment(root: string, target: string): Promise<'inside' | 'outside' | 'missing'> {
  if (!isInside(path.resolve(root), path.resolve(target))) return 'outside';
  const real = await realpath(target).catch(() => null);
  if (real === null) return 'missing';
  const realRoot = await realpath(root).catch(() => path.resolve(root));
  return isInside(realRoot, real) ? 'inside' : 'outside';
}

/** Resolves the relative links of one article, and keeps the files they publish. */
export class LinkResolver {
  /** The linked files to publish, by path under the site's folder. */
  readonly files = new Map<string, LinkedFile>();

  constructor(
    private readonly file: string,
    private readonly root: string,
    private readonly targets?: LinkTargets,
  ) {}

  async resolve(href: string): Promise<ResolvedLink> {
    if (!isLocalSource(href)) return null;
    const [, address = '', rest = ''] = /^([^?#]*)(.*)$/s.exec(href) ?? [];
    // "#part" or "?q": this page.
    if (address === '') return null;
    const written = filePath(address);
    const nowhere = (problem: string) => ({ written, problem });
    const target = path.resolve(path.dirname(this.file), written);
    const where = await containment(this.root, target);
    if (where === 'outside') return nowhere('it is outside the articles folder, whose files alone are published');
    if (where === 'missing') return nowhere('it does not exist');
    const skipped = this.targets?.skipped(target);
    if (skipped) return nowhere(`the site leaves it out: ${skipped}`);

    let real = await realpath(target);
    if ((await stat(real)).isDirectory()) {
      const index = await realpath(path.join(real, 'index.md')).catch(() => null);
      if (!index) return nowhere('it is a folder, not an article (a folder with an index.md)');
      real = index;
    }
    if (real.endsWith('.md')) {
      // Without the site (one article rendered alone), there is no page to point at yet.
      if (!this.targets) return null;
      const found = this.targets.article(real);
      if (!found) return nowhere("it is not one of the site's articles");
      if ('unpublished' in found) return nowhere(`it is ${found.unpublished}, not published`);
      return { href: `./${found.page === 'index.html' ? '' : found.page}${rest}` };
    }
    const extension = path.extname(real).toLowerCase();
    const stem = path.basename(real, path.extname(real));
    if (ACTIVE.has(extension))
      return nowhere(
        `a ${extension} file opened from the site would run outside its pages' protections; show a drawing as a picture, or link to a page published elsewhere`,
      );
    const body = await readFile(real);
    const name = [stem, extension.slice(1)]
      .map((part) => urlSafeName(part))
      .filter(Boolean)
      .join('.');
    const published = `${FILES_DIR}/${createHash('sha256').update(body).digest('hex').slice(0, 10)}/${name || 'file'}`;
    this.files.set(published, { path: published, body });
    return { href: `./${published}${rest}` };
  }
}
