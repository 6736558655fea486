// The edition's icons, all rendered from one drawn SVG (assets/icons/icon.svg) with sharp,
// whose prebuilt binaries come inside its npm packages. Shared by the build and the dev server.
// PNGs are written with a palette (libimagequant, inside sharp): the drawing has a few flat
// colours, so this is a fifth of the bytes with no visible change, and the worker precaches them.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import sharp, { type PngOptions } from 'sharp';

export const ICON_SOURCE = fileURLToPath(new URL('../../assets/icons/icon.svg', import.meta.url));

export interface Icon {
  /** Path under the site root. */
  file: string;
  type: string;
  /** Square size in px of a PNG; the SVG scales. */
  size?: number;
  /** Its purpose in the web app manifest; none for Apple's, which the page links. */
  purpose?: 'any' | 'maskable';
}

/** An icon made, ready to write or serve. */
export interface RenderedIcon {
  file: string;
  type: string;
  body: Buffer;
}

export const ICONS: Icon[] = [
  { file: 'icons/icon.svg', type: 'image/svg+xml', purpose: 'any' },
  { file: 'icons/icon-192.png', type: 'image/png', size: 192, purpose: 'any' },
  { file: 'icons/icon-512.png', type: 'image/png', size: 512, purpose: 'any' },
  { file: 'icons/icon-maskable-512.png', type: 'image/png', size: 512, purpose: 'maskable' },
  { file: 'icons/apple-touch-icon.png', type: 'image/png', size: 180 },
];

const PNG: PngOptions = { palette: true, quality: 90, effort: 10, compressionLevel: 9 };

/**
 * Renders every icon. Maskable icons (and Apple's, which iOS rounds itself) fill the square
 * with the icon's background and keep the drawing inside the central 80% safe zone.
 */
export async function renderIcons(): Promise<RenderedIcon[]> {
  const svg = await readFile(ICON_SOURCE);
  const background = /<rect[^>]*fill="(#[0-9a-f]{6})"/i.exec(svg.toString())?.[1];
  if (!background) throw new Error(`${ICON_SOURCE}: the background <rect> needs a fill colour`);
  return Promise.all(
    ICONS.map(async ({ file, type, size, purpose }) => {
      if (!size) return { file, type, body: svg };
      if (purpose === 'any') return { file, type, body: await sharp(svg).resize(size, size).png(PNG).toBuffer() };
      const inner = Math.round(size * 0.8);
      const drawing = await sharp(svg).resize(inner, inner).png().toBuffer();
      const body = await sharp({ create: { width: size, height: size, channels: 4, background } })
        .composite([{ input: drawing, gravity: 'centre' }])
        .png(PNG)
        .toBuffer();
      return { file, type, body };
    }),
  );
}
