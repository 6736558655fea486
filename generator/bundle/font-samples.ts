// The reading settings show each optional font's name in that font, so a reader sees what it
// looks like before choosing it. The whole fonts are about 280 KB; a sample needs only the
// letters of the font's name, so the build cuts each font down to them (a few KB) with
// harfbuzz's subsetter. The stylesheet (src/styles/edition/tokens.css) names a sample as url('font-sample:NAME'): the build's
// esbuild plugin turns that into a hashed file beside the fonts, the dev server into
// /font-samples/NAME.woff2.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Plugin } from 'esbuild';
import subsetFont from 'subset-font';
import { READING_SETTINGS } from '../../src/preferences/reading-settings.ts';
import { WORDS } from '../../src/words/tables.ts';

const require = createRequire(import.meta.url);

type FontChoice = (typeof READING_SETTINGS.font.choices)[number];

/** Each optional font: its reading setting's choice, and its regular face as the package ships it. */
const FONTS: Record<string, { choice: FontChoice; file: string } | undefined> = {
  'atkinson-hyperlegible': {
    choice: 'atkinson',
    file: '@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-400-normal.woff2',
  },
  opendyslexic: { choice: 'opendyslexic', file: '@fontsource/opendyslexic/files/opendyslexic-latin-400-normal.woff2' },
};

const made = new Map<string, Promise<Buffer>>();

/**
 * The sample font for a name in the stylesheet: only the glyphs of the labels the panel shows, in every language.
 * @param name a key of FONTS
 */
export function fontSample(name: string): Promise<Buffer> {
  // Own keys only: /font-samples/constructor.woff2 must not find Object's.
  const font = Object.hasOwn(FONTS, name) ? FONTS[name] : undefined;
  if (!font) throw new Error(`font-sample:${name}: no such font (known: ${Object.keys(FONTS).join(', ')})`);
  let sample = made.get(name);
  if (!sample) {
    sample = (async () => {
      const labels = Object.values(WORDS).map((words) => words.firstUse.settings.each.font.choices[font.choice]);
      return subsetFont(await readFile(require.resolve(font.file)), labels.join(''), { targetFormat: 'woff2' });
    })();
    made.set(name, sample);
  }
  return sample;
}

export const fontSamplesPlugin: Plugin = {
  name: 'font-samples',
  setup(build) {
    build.onResolve({ filter: /^font-sample:/ }, ({ path }) => ({
      path: `${path.slice('font-sample:'.length)}-sample.woff2`,
      namespace: 'font-sample',
    }));
    build.onLoad({ filter: /.*/, namespace: 'font-sample' }, async ({ path }) => ({
      contents: await fontSample(path.replace(/-sample\.woff2$/, '')),
      loader: 'file',
    }));
  },
};

/**
 * The samples as the build writes them (esbuild's [name]-[hash] beside the fonts), which the
 * worker precaches with the page: offline, the panel still shows each font's name in that font.
 */
export const SAMPLE_FILES = 'assets/fonts/*-sample-*.woff2';

/** @param file a font file's path in the output folder */
export const isFontSample = (file: string) => /-sample-[A-Z0-9]{8}\.woff2$/.test(file);

/** The dev server's address for a sample. */
export const DEV_SAMPLE_PATH = /^\/font-samples\/([a-z-]+)\.woff2$/;

/** @param css src/styles/edition/tokens.css as written */
export function withDevSampleUrls(css: string): string {
  return css.replace(/font-sample:([a-z-]+)/g, '/font-samples/$1.woff2');
}
