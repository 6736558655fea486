/** The units a size is named in, and the locale its number is written in. */
export interface SizeWords {
  megabytes: string;
  kilobytes: string;
}

const ENGLISH: SizeWords = { megabytes: 'MB', kilobytes: 'KB' };

/**
 * A file's size as a file manager says it: "640 KB" below a megabyte, "3.2 MB" from one on
 * (decimal units, as download sizes are given), "3,2 Mo" in French. Shared by the page the build
 * writes and the components, so the download link and the offline controls name one size alike.
 */
export function fileSize(bytes: number, units: SizeWords = ENGLISH, locale = 'en'): string {
  const number = (value: number, digits: number) =>
    new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
  // 999.5 KB and up would round to "1000 KB": that is a megabyte.
  return bytes >= 999_500
    ? `${number(bytes / 1e6, 1)} ${units.megabytes}`
    : `${number(Math.max(1, Math.round(bytes / 1e3)), 0)} ${units.kilobytes}`;
}
