// The edition's own code and styles, bundled by esbuild for the built site: the page's script
// (split into what runs on load and what is loaded on first use), the inline stylesheet with
// its optional fonts, the locale warm-up worker and the offline worker with its precache list.
// Each bundle also says which npm packages went into it, for the site's third-party notices.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { injectManifest, type ManifestTransform } from 'workbox-build';
import { FILES_DIR } from '../article/local-files.ts';
import { IMAGES_DIR } from '../article/pictures.ts';
import { PACKAGE_ROOT, packageFile } from '../package-root.ts';
import { minifyComponentStyles } from './component-styles.ts';
import { fontSamplesPlugin, SAMPLE_FILES } from './font-samples.ts';

const TARGET = ['es2022', 'chrome111', 'firefox115', 'safari16.4'];

/**
 * What every bundle of the edition's code shares: paths are the package's, not the current
 * folder's. Bundles of TypeScript name their tsconfig too, as esbuild ignores a tsconfig.json
 * inside node_modules (where a publisher has the edition), and Lit's decorators need its settings.
 */
const EDITION_CODE = { absWorkingDir: PACKAGE_ROOT, legalComments: 'none', logLevel: 'warning' } as const;

/**
 * Never precached: the worker itself, articles' pictures, the audio edition (MP3, cues,
 * podcast cover), downloaded when played, and the books (downloaded by those who want one). Nor are the optional fonts, which no pattern names
 * (cached when chosen); their samples are.
 */
export const PRECACHE_IGNORES = ['sw.js', `${IMAGES_DIR}/**`, `${FILES_DIR}/**`, 'assets/audio/**', '*.epub'];

export interface Scripts {
  /** The entry's URL, relative to the pages. */
  entry: string;
  /** The entry's static imports, fetched beside it rather than after it. */
  preloads: string[];
  /** What runs on load, relative to the output folder: the entry, then its static imports. */
  onLoad: string[];
  /** The chunks loaded on first use, relative to the output folder. */
  lazy: string[];
  /** The npm packages bundled in, by folder. */
  packages: Map<string, string>;
}

/**
 * The page's script, split: the entry and the chunks it imports statically run on load;
 * what components import() on first use (the player's speech code) is a chunk of its own,
 * fetched when needed and precached for offline reading.
 */
export async function buildScripts(out: string): Promise<Scripts> {
  const result = await esbuild.build({
    ...EDITION_CODE,
    entryPoints: { main: 'src/main.ts' },
    tsconfig: packageFile('tsconfig.json'),
    bundle: true,
    minify: true,
    splitting: true,
    format: 'esm',
    target: TARGET,
    outdir: path.join(out, 'assets'),
    entryNames: '[name]-[hash]',
    chunkNames: '[name]-[hash]',
    plugins: [minifyComponentStyles(TARGET)],
    metafile: true,
  });
  // The metafile names files relative to the package.
  const outputs = result.metafile.outputs;
  const underOut = (file: string) => path.relative(out, path.resolve(PACKAGE_ROOT, file)).split(path.sep).join('/');
  const entry = Object.keys(outputs).find((file) => outputs[file].entryPoint === 'src/main.ts');
  if (!entry) throw new Error('esbuild produced no output for src/main.ts');
  // Everything the entry imports statically is needed before a first interaction.
  const onLoad = new Set([entry]);
  for (const file of onLoad) {
    for (const imported of outputs[file].imports) if (imported.kind === 'import-statement') onLoad.add(imported.path);
  }
  const lazy = Object.keys(outputs).filter((file) => file.endsWith('.js') && !onLoad.has(file));
  // V8's explicit compile hint: nearly every function of what runs on load is called then (the
  // components' first renders), so Chromium compiles these files off the main thread as they
  // stream in, not one function at a time inside those tasks: the player's first task went from
  // 10.5 to 5.5 ms of CPU here. Not on the first-use chunk: compiled whole when it comes from
  // the worker, it made opening Reading settings 15 ms slower. Other engines read a comment.
  for (const file of onLoad) {
    const written = path.resolve(PACKAGE_ROOT, file);
    await writeFile(written, `//# allFunctionsCalledOnLoad\n${await readFile(written, 'utf8')}`);
  }
  return {
    entry: `./${underOut(entry)}`,
    preloads: [...onLoad].slice(1).map((file) => `./${underOut(file)}`),
    onLoad: [...onLoad].map(underOut),
    lazy: lazy.map(underOut),
    packages: bundledPackages(result.metafile),
  };
}

/**
 * The stylesheet, inlined into each page's <head> (its hash goes in the Content-Security-Policy),
 * so nothing but the HTML blocks the first paint: compressed it is about 3 KB, less than one
 * request's round trip would cost. The optional fonts it names are written to assets/fonts/,
 * with URLs relative to the pages, and download only when a setting uses them.
 */
export async function buildStylesheet(out: string): Promise<{ css: string; packages: Map<string, string> }> {
  const result = await esbuild.build({
    ...EDITION_CODE,
    entryPoints: ['src/styles/edition.css'],
    bundle: true,
    minify: true,
    target: TARGET,
    outdir: path.join(out, 'assets'),
    assetNames: 'fonts/[name]-[hash]',
    publicPath: './assets',
    loader: { '.woff2': 'file', '.woff': 'file' },
    // The optional fonts' names in those fonts, for the reading settings (generator/bundle/font-samples.ts).
    plugins: [fontSamplesPlugin, nodeModulesAsPackages],
    write: false,
    metafile: true,
  });
  const stylesheet = result.outputFiles.find((file) => file.path.endsWith('.css'));
  if (!stylesheet) throw new Error('esbuild produced no stylesheet for src/styles/edition.css');
  for (const file of result.outputFiles.filter((f) => f !== stylesheet)) {
    await mkdir(path.dirname(file.path), { recursive: true });
    await writeFile(file.path, file.contents);
  }
  const css = stylesheet.text.trim();
  if (/<\/style/i.test(css))
    throw new Error('src/styles/edition.css: the bundled stylesheet contains "</style" and cannot be inlined');
  return { css, packages: bundledPackages(result.metafile) };
}

/**
 * The stylesheet imports the fonts' packages by their path in this checkout's node_modules,
 * which the development server serves as they are. Installed as a package, the edition has
 * its dependencies beside it, not inside it: such an import is resolved as the package it names.
 */
const nodeModulesAsPackages: esbuild.Plugin = {
  name: 'node-modules-as-packages',
  setup(build) {
    const inNodeModules = /^(?:\.\.\/)+node_modules\//;
    build.onResolve({ filter: inNodeModules }, async ({ path: specifier, importer, kind, resolveDir }) => {
      const resolved = await build.resolve(specifier.replace(inNodeModules, ''), { importer, kind, resolveDir });
      return resolved.errors.length > 0 ? { errors: resolved.errors } : { path: resolved.path };
    });
  },
};

/**
 * The worker that loads the browser's locale data off the main thread (src/speech/first-listen.ts),
 * beside the pages like sw.js: one folder up from the script that starts it, as in src/.
 */
export async function buildLocaleWarmUp(out: string): Promise<void> {
  await esbuild.build({
    ...EDITION_CODE,
    entryPoints: ['src/locale-warm-up.worker.ts'],
    tsconfig: packageFile('src/service-worker/tsconfig.json'),
    minify: true,
    format: 'iife',
    target: TARGET,
    outfile: path.join(out, 'locale-warm-up.worker.js'),
  });
}

export type PrecacheConfig = ReturnType<typeof precacheConfig>;

const shortRevisions: ManifestTransform = (entries) => ({
  manifest: entries.map((entry) => ({ ...entry, revision: entry.revision?.slice(0, 8) ?? null })),
});

/**
 * Which files the worker precaches. The optional fonts are left to the runtime cache: a reader
 * downloads one only on choosing it; their samples (a few KB) come with the page, so the
 * reading settings show every font's name offline too. Hashed assets need no revision;
 * Workbox revisions the rest, by an MD5 cut to 8 hex digits, as the hashed names are: a
 * revision only has to change with its file, and the list is part of the script a first
 * visit runs before any interaction (docs/loading.md), 24 incompressible digits an entry.
 */
export function precacheConfig(out: string, ignores: string[]) {
  return {
    globDirectory: out,
    globPatterns: ['**/*.{html,js,css,svg,png,webmanifest,json}', SAMPLE_FILES],
    globIgnores: ignores,
    dontCacheBustURLsMatching: /^assets\/(?:fonts\/)?[^/]+-[A-Z0-9]{8}\.\w+$/,
    manifestTransforms: [shortRevisions],
  };
}

/** Bundles src/service-worker/sw.ts to sw.js (a classic script, for every browser), then injects the precache list; Workbox's warnings. */
export async function buildServiceWorker(
  out: string,
  precache: PrecacheConfig,
): Promise<{ warnings: string[]; packages: Map<string, string> }> {
  const swDest = path.join(out, 'sw.js');
  const { metafile } = await esbuild.build({
    ...EDITION_CODE,
    entryPoints: ['src/service-worker/sw.ts'],
    tsconfig: packageFile('src/service-worker/tsconfig.json'),
    bundle: true,
    minify: true,
    format: 'iife',
    target: TARGET,
    outfile: swDest,
    // Workbox keeps its development logging behind this check.
    define: { 'process.env.NODE_ENV': '"production"' },
    metafile: true,
  });
  const { warnings } = await injectManifest({ ...precache, swSrc: swDest, swDest });
  return { warnings, packages: bundledPackages(metafile) };
}

/** The npm packages a bundle took files from: each package's name and folder. */
function bundledPackages(metafile: esbuild.Metafile): Map<string, string> {
  const packages = new Map<string, string>();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /^(.*?node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(input);
    if (match) packages.set(match[2], path.resolve(PACKAGE_ROOT, match[1]));
  }
  return packages;
}
