// Pictures beside an article become responsive images: content-hashed copies in a few widths,
// AVIF for browsers that take it and JPEG (or PNG, where the picture has transparency) for
// the rest, with width and height so nothing shifts as they load. sharp does the work; a
// picture is made once per content and reused (the dev server asks on every request).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { escapeHtml } from '../escape.ts';
import { cleanSvg, SvgError } from './svg.ts';

/** Widths made, in CSS px of a 1×, 1.5× and 2× screen for the article column (40rem). */
export const WIDTHS = [400, 640, 960, 1280];

/** The column a picture fills: the article's measure on a wide screen, the screen on a phone. */
export const SIZES = '(min-width: 42rem) 40rem, 100vw';

/** The column's width on a 1280 px screen at 1×, in px: what the budget below is checked at. */
const DESKTOP_SLOT = 640;

/** No picture sent to a 1280 px screen may weigh more than this. */
export const PICTURE_BUDGET = 150 * 1024;

export const IMAGES_DIR = 'assets/images';

/** Qualities tried in turn until the picture a 1280 px screen gets fits the budget. */
const QUALITIES = [
  { avif: 55, jpeg: 78, png: 100 },
  { avif: 45, jpeg: 66, png: 80 },
  { avif: 35, jpeg: 54, png: 60 },
];

export interface Variant {
  width: number;
  /** Relative to the page, e.g. "./assets/images/cat-1a2b3c4d5e-640.avif". */
  url: string;
}

/** One format of a picture, in every width made. */
export interface PictureFormat {
  type: string;
  variants: Variant[];
}

/** A file to write, relative to the site's folder. */
export interface PictureFile {
  path: string;
  body: Buffer;
}

export interface Picture {
  /** Intrinsic, in px. */
  width: number;
  height: number;
  /** Modern formats, best first. */
  sources: PictureFormat[];
  fallback: PictureFormat;
  files: PictureFile[];
  /** What was changed on the way to publishing it, said after `picture "file"`. */
  warnings?: string[];
}

const made = new Map<string, Promise<Picture>>();

/** Raised for a file that cannot be made into a picture; the caller names the source line. */
export class PictureError extends Error {}

/** @param file path of the picture */
export async function makePicture(file: string): Promise<Picture> {
  let body;
  try {
    body = await readFile(file);
  } catch {
    throw new PictureError(`picture "${file}" does not exist`);
  }
  const hash = createHash('sha256').update(body).digest('hex');
  const key = `${hash}:${path.basename(file)}`;
  let picture = made.get(key);
  if (!picture) {
    picture = encode(body, file);
    made.set(key, picture);
    picture.catch(() => made.delete(key));
  }
  return picture;
}

async function encode(body: Buffer, file: string): Promise<Picture> {
  const stem =
    path
      .basename(file, path.extname(file))
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'picture';
  let meta;
  try {
    meta = await sharp(body).metadata();
  } catch {
    throw new PictureError(
      `picture "${file}" is not a picture this edition can read (JPEG, PNG, WebP, AVIF, GIF or SVG)`,
    );
  }
  const { width = 0, height = 0 } = meta;
  if (!width || !height) throw new PictureError(`picture "${file}" has no width and height`);
  const files: PictureFile[] = [];
  const save = (data: Buffer, suffix: string) => {
    const name = `${IMAGES_DIR}/${stem}-${createHash('sha256').update(data).digest('hex').slice(0, 10)}${suffix}`;
    files.push({ path: name, body: data });
    return `./${name}`;
  };

  // A drawing stays a drawing, published without what runs or loads (opened at its own
  // address, an SVG would run its scripts on the site's origin).
  if (meta.format === 'svg') {
    let svg;
    try {
      svg = await cleanSvg(body);
    } catch (error) {
      if (error instanceof SvgError) throw new PictureError(`picture "${file}" ${error.message}`);
      throw error;
    }
    const url = save(svg.body, '.svg');
    const warnings = svg.removed.length
      ? [`is an SVG cleaned before publishing; removed: ${svg.removed.join(', ')}`]
      : [];
    return {
      width,
      height,
      sources: [],
      fallback: { type: 'image/svg+xml', variants: [{ width, url }] },
      files,
      warnings,
    };
  }

  const widths = [...new Set([...WIDTHS.filter((w) => w < width), Math.min(width, WIDTHS.at(-1) ?? width)])];
  const fallbackFormat = meta.hasAlpha ? 'png' : 'jpeg';
  const desktop = widths.find((w) => w >= Math.min(DESKTOP_SLOT, width)) ?? widths.at(-1);
  const image = sharp(body).rotate();

  const variantsOf = async (format: 'avif' | 'jpeg' | 'png') => {
    for (const quality of QUALITIES) {
      const encoded = await Promise.all(
        widths.map(async (w) => {
          const resized = image.clone().resize({ width: w, withoutEnlargement: true });
          const out =
            format === 'avif'
              ? resized.avif({ quality: quality.avif, effort: 2 })
              : format === 'jpeg'
                ? resized.jpeg({ quality: quality.jpeg, mozjpeg: true })
                : resized.png({ compressionLevel: 9, palette: quality.png < 100, quality: quality.png });
          return { width: w, data: await out.toBuffer() };
        }),
      );
      const sent = encoded.find((v) => v.width === desktop);
      if (sent && sent.data.length <= PICTURE_BUDGET) return encoded;
      if (quality === QUALITIES.at(-1)) {
        throw new PictureError(
          `picture "${file}" is ${Math.round((sent?.data.length ?? 0) / 1024)} KB as ${format.toUpperCase()} at ${desktop} px even at low quality, over the ${PICTURE_BUDGET / 1024} KB a picture may weigh; use a simpler or smaller picture`,
        );
      }
    }
    return [];
  };

  const avif = await variantsOf('avif');
  const fallback = await variantsOf(fallbackFormat);
  const urls = (list: { width: number; data: Buffer }[], ext: string): Variant[] =>
    list.map((v) => ({ width: v.width, url: save(v.data, `-${v.width}.${ext}`) }));
  return {
    width,
    height,
    sources: [{ type: 'image/avif', variants: urls(avif, 'avif') }],
    fallback: { type: `image/${fallbackFormat}`, variants: urls(fallback, fallbackFormat === 'jpeg' ? 'jpg' : 'png') },
    files,
  };
}

/** One place a picture is shown. */
interface PictureUse {
  alt: string;
  /** The source's display width, if it gave one. */
  width?: number;
  /** On the first screen: not loaded lazily. */
  eager: boolean;
}

/** The markup for one use of a picture. */
export function pictureMarkup(picture: Picture, { alt, width, eager }: PictureUse): string {
  const shownWidth = width && width < picture.width ? width : picture.width;
  const shownHeight = Math.round((picture.height * shownWidth) / picture.width);
  const sizes = width && width < picture.width ? `min(${shownWidth}px, 100vw)` : SIZES;
  const srcset = (variants: Variant[]) => variants.map((v) => `${v.url} ${v.width}w`).join(', ');
  const largest = picture.fallback.variants.at(-1);
  const img = [
    `<img src="${escapeHtml(largest?.url ?? '')}"`,
    picture.fallback.variants.length > 1
      ? ` srcset="${escapeHtml(srcset(picture.fallback.variants))}" sizes="${sizes}"`
      : '',
    ` width="${shownWidth}" height="${shownHeight}" alt="${escapeHtml(alt)}"`,
    eager ? '' : ' loading="lazy"',
    ' decoding="async">',
  ].join('');
  // Read aloud says "Image: <alt>" where the picture means something; a decorative one is silent.
  const speak = alt.trim() === '' ? '' : ' data-speak="image"';
  if (picture.sources.length === 0) return img.replace('<img ', `<img${speak} `);
  const sources = picture.sources
    .map((s) => `<source type="${s.type}" srcset="${escapeHtml(srcset(s.variants))}" sizes="${sizes}">`)
    .join('');
  return `<picture${speak}>${sources}${img}</picture>`;
}
