/**
 * A file's size as a file manager says it: "640 KB" below a megabyte, "3.2 MB" from one on
 * (decimal units, as download sizes are given). Shared by the page the build writes and the
 * components, so the download link and the offline controls name one size alike.
 */
export const fileSize = (bytes: number): string =>
  // 999.5 KB and up would round to "1000 KB": that is a megabyte.
  bytes >= 999_500 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} KB`;
