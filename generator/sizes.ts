// What a first visit costs: every precached file and sw.js (optional fonts apart), compressed as the
// static server sends it, against the two budgets the edition keeps (docs/loading.md). Over a
// budget the site still builds, with a warning that says where the bytes went.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { getManifest } from 'workbox-build';
import type { PrecacheConfig, Scripts } from './bundle/edition-bundles.ts';
import type { Diagnostic } from './diagnostics.ts';
import { isFontSample } from './bundle/font-samples.ts';
import { compressBody, type Encoding } from './serve.ts';

/** What a first visit may download, compressed, optional fonts apart (docs/loading.md). */
export const FIRST_VISIT_BUDGET_KB = 100;
/** The script a page runs before a first interaction, sw.js included, in Brotli (docs/loading.md). */
export const FIRST_INTERACTION_BUDGET_KB = 25;

/** The figures of a first visit, as the build report gives them. */
export interface SizeFigures {
  /** Everything a first visit downloads (precached files and sw.js), in gzip, which any host can send. */
  firstVisit: {
    gzipBytes: number;
    budgetBytes: number;
    /** The precached page with the most bytes, which a budget warning names. */
    heaviestPage: { file: string; gzipBytes: number };
  };
  /** The script a page runs before a first interaction (the entry, its static imports, sw.js), in Brotli. */
  beforeInteraction: { brotliBytes: number; budgetBytes: number; files: string[] };
  /** The chunks loaded on first use, in Brotli. */
  firstUse: { brotliBytes: number; files: string[] };
  precache: { count: number; bytes: number; gzipBytes: number };
  /** The optional fonts, cached only when a reader chooses one. */
  optionalFonts: { count: number; woff2Bytes: number };
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export interface Sizes {
  /** Each file a first visit downloads, compressed as the static server sends it. */
  table: { file: string; gzip: number; brotli: number; role: string }[];
  figures: SizeFigures;
}

/**
 * Compressed sizes by encoding and content: the edition's own scripts are the same in every build
 * a process makes (the tests make dozens), and Brotli at its best takes most of a build's time.
 */
const compressedSizes = new Map<string, number>();

function compressedSize(content: Buffer, encoding: Encoding): number {
  const key = `${encoding} ${createHash('sha256').update(content).digest('base64')}`;
  let size = compressedSizes.get(key);
  if (size === undefined) compressedSizes.set(key, (size = compressBody(content, encoding).length));
  return size;
}

/**
 * What a first visit downloads (every precached file and sw.js, optional fonts apart), compressed as
 * the static server sends it: the script a page runs before a first interaction (the entry,
 * the chunks it imports statically and sw.js, in Brotli), and the whole first visit (in gzip,
 * what any host can send).
 */
export async function measureSizes(out: string, scripts: Scripts, precache: PrecacheConfig): Promise<Sizes> {
  const size = (encoding: Encoding) => (file: string) => compressedSize(readFileSync(path.join(out, file)), encoding);
  const [brotli, gzip] = [size('br'), size('gzip')];
  const total = (list: string[], measure = gzip) => list.reduce((sum, file) => sum + measure(file), 0);
  const { manifestEntries, size: precacheBytes } = await getManifest(precache);
  const precached = (manifestEntries ?? []).map((entry) => entry.url);
  const beforeInteraction = [...scripts.onLoad, 'sw.js'];
  const role = (file: string) =>
    beforeInteraction.includes(file) ? 'on load' : scripts.lazy.includes(file) ? 'on first use' : '';
  const table = [...precached, 'sw.js'].map((file) => ({
    file,
    gzip: gzip(file),
    brotli: brotli(file),
    role: role(file),
  }));
  const pages = table.filter(({ file }) => file.endsWith('.html'));
  const heaviest = (pages.length > 0 ? pages : table).reduce((a, b) => (b.gzip > a.gzip ? b : a));
  // The samples are precached, so counted above.
  const fonts = (await readdir(path.join(out, 'assets/fonts')))
    .filter((file) => !isFontSample(file))
    .map((file) => `assets/fonts/${file}`);
  return {
    table,
    figures: {
      firstVisit: {
        gzipBytes: total(precached) + gzip('sw.js'),
        budgetBytes: FIRST_VISIT_BUDGET_KB * 1024,
        heaviestPage: { file: heaviest.file, gzipBytes: heaviest.gzip },
      },
      beforeInteraction: {
        brotliBytes: total(beforeInteraction, brotli),
        budgetBytes: FIRST_INTERACTION_BUDGET_KB * 1024,
        files: beforeInteraction,
      },
      firstUse: { brotliBytes: total(scripts.lazy, brotli), files: scripts.lazy },
      precache: { count: precached.length, bytes: precacheBytes, gzipBytes: total(precached) },
      optionalFonts: { count: fonts.length, woff2Bytes: total(fonts.filter((f) => f.endsWith('.woff2'))) },
    },
  };
}

/** The build's size lines: each file a first visit downloads, the script before a first interaction, the precache, the first visit. */
export function sizeTable(outName: string, { table, figures }: Sizes): string[] {
  const { beforeInteraction, firstUse, precache, firstVisit, optionalFonts } = figures;
  return [
    ...table.map(
      ({ file, gzip, brotli, role }) =>
        `  ${file.padEnd(40)} ${kb(gzip).padStart(9)} gzip ${kb(brotli).padStart(9)} br  ${role}`,
    ),
    `script before a first interaction: ${kb(beforeInteraction.brotliBytes)} Brotli, ${beforeInteraction.files.join(' + ')} (budget ${FIRST_INTERACTION_BUDGET_KB} KB); ${kb(firstUse.brotliBytes)} Brotli more on first use, in ${firstUse.files.length} chunks`,
    `precache: ${precache.count} files, ${kb(precache.bytes)} (${kb(precache.gzipBytes)} gzip)`,
    `${outName}/: ${kb(firstVisit.gzipBytes)} gzip for a first visit with sw.js (budget ${FIRST_VISIT_BUDGET_KB} KB); ${optionalFonts.count} optional font files, ${kb(optionalFonts.woff2Bytes)} as woff2, cached when chosen`,
  ];
}

/**
 * A warning for each budget a first visit exceeds, at the source of the heaviest page when an
 * article is (`sourceOf` names a page's source), else at the output file.
 */
export function budgetWarnings(
  { figures }: Sizes,
  outName: string,
  sourceOf: (page: string) => string | undefined,
): Diagnostic[] {
  const { firstVisit, beforeInteraction } = figures;
  const warnings: Diagnostic[] = [];
  const warning = (file: string, message: string) =>
    warnings.push({ file, line: 1, severity: 'warning', rule: 'budget', message });
  if (firstVisit.gzipBytes > firstVisit.budgetBytes) {
    const heaviest = firstVisit.heaviestPage;
    const source = sourceOf(heaviest.file);
    warning(
      source ?? path.join(outName, heaviest.file),
      `a first visit downloads ${kb(firstVisit.gzipBytes)} gzip, over the ${FIRST_VISIT_BUDGET_KB} KB budget (slow on a slow connection); the heaviest page is ${heaviest.file}, ${kb(heaviest.gzipBytes)} gzip${
        source
          ? ': this article. Shorten it, or split it into several articles: a site of several downloads its index on a first visit, and each article when it is read'
          : ''
      }`,
    );
  }
  if (beforeInteraction.brotliBytes > beforeInteraction.budgetBytes)
    warning(
      path.join(outName, beforeInteraction.files[0]),
      `the script a page runs before a first interaction is ${kb(beforeInteraction.brotliBytes)} Brotli, over the ${FIRST_INTERACTION_BUDGET_KB} KB budget: this is the edition's own code, not your articles; please report it`,
    );
  return warnings;
}
