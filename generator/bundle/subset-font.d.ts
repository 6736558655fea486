// Types for subset-font, which ships none (and has no @types): only what the build uses.

declare module 'subset-font' {
  /** Cuts a font down to the glyphs that `text` needs, and converts it to `targetFormat`. */
  export default function subsetFont(
    font: Buffer,
    text: string,
    options?: { targetFormat?: 'sfnt' | 'truetype' | 'woff' | 'woff2' },
  ): Promise<Buffer>;
}
