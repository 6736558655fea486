// The benchmark's server: the built edition at /edition/ and the floor pages at /floor/, from
// the project's one static server (generator/serve.ts), compressed as a CDN would
// (Brotli, else gzip) with the same headers for both sides.
import { securityHeaders } from '../generator/page/headers.ts';
import { folder, startStaticServer, type StaticServer } from '../generator/serve.ts';

/** Closes the server even if the bench hangs, so nothing is left listening. */
const LIFETIME_MS = 20 * 60_000;

export interface BenchSites {
  editionDir: string;
  /** The floor's pages by file name. */
  floorPages: Map<string, string>;
}

export function startServer({ editionDir, floorPages }: BenchSites): Promise<StaticServer> {
  const edition = folder(editionDir);
  return startStaticServer({
    compress: true,
    precompress: [editionDir, ...[...floorPages.values()].map((page) => Buffer.from(page))],
    lifetimeMs: LIFETIME_MS,
    // The floor's pages carry no policy of their own: sent as they are, not sandboxed.
    headers: (pathname, body) => (pathname.startsWith('/floor/') ? {} : securityHeaders(pathname, body)),
    async resolve(pathname) {
      const [, site, ...rest] = pathname.split('/');
      if (site === 'edition') return edition(`/${rest.join('/')}`);
      const page = site === 'floor' ? floorPages.get(rest.join('/')) : undefined;
      return page === undefined ? undefined : Buffer.from(page);
    },
  });
}
