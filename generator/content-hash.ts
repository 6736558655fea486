import { createHash } from 'node:crypto';

/**
 * Eight characters of the content's hash, upper case, as esbuild names the other assets: a file
 * named with it changes name when it changes, so a copy kept offline or in a cache is never stale.
 */
export const contentHash = (body: string | Uint8Array) =>
  createHash('sha256').update(body).digest('hex').slice(0, 8).toUpperCase();
