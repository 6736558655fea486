/** The units a size is named in, and the locale its number is written in. */
export interface SizeWords {
  gigabytes: string;
  megabytes: string;
  kilobytes: string;
}

const ENGLISH: SizeWords = { gigabytes: 'GB', megabytes: 'MB', kilobytes: 'KB' };

/**
 * A file's size as a file manager says it: "640 KB" below a megabyte, "3.2 MB" from one on,
 * "1.2 GB" from a gigabyte on (decimal units, as download sizes are given), "3,2 Mo" in French.
 * Shared by the page the build writes and the components, so the download link and the offline
 * controls name one size alike; the offline details name the storage left in it too.
 */
export function fileSize(bytes: number, units: SizeWords = ENGLISH, locale = 'en'): string {
  const number = (value: number, digits: number) =>
    new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
  // 999.5 KB and up would round to "1000 KB": that is a megabyte; likewise a gigabyte.
  if (bytes >= 999_950_000) return `${number(bytes / 1e9, 1)} ${units.gigabytes}`;
  return bytes >= 999_500
    ? `${number(bytes / 1e6, 1)} ${units.megabytes}`
    : `${number(Math.max(1, Math.round(bytes / 1e3)), 0)} ${units.kilobytes}`;
}
