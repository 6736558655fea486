// One small static server for both sides of the benchmark: the built edition at /edition/
// and the floor pages at /floor/. It compresses as a CDN would (Brotli, else gzip, by the
// request's Accept-Encoding) and sends the same headers for both: no caching tricks, only
// what any static host does, `no-cache` with an ETag, so a revalidation may be answered 304.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.webmanifest': 'application/manifest+json',
};
/** Already-compressed formats (PNG, WOFF2) are sent as they are. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.webmanifest']);

/** Closes the server even if the bench hangs, so nothing is left listening. */
const LIFETIME_MS = 20 * 60_000;

/**
 * @typedef {object} Served one response, as the server sent it
 * @property {string} path
 * @property {number} status
 * @property {number} bytes the body as sent (compressed where it was)
 * @property {string} encoding
 */

/**
 * @param {{ editionDir: string, floorPages: Map<string, string> }} sites the floor's pages by file name
 */
export async function startServer({ editionDir, floorPages }) {
  /** @type {Served[]} */
  const log = [];
  /** Compressed bodies by encoding and content: each is compressed once, at the highest level. */
  const compressed = new Map();
  /**
   * @param {Buffer} content
   * @param {'br' | 'gzip'} encoding
   */
  const encode = (content, encoding) => {
    const key = `${encoding} ${createHash('sha256').update(content).digest('base64url')}`;
    if (!compressed.has(key)) compressed.set(key, compress(content, encoding));
    return /** @type {Buffer} */ (compressed.get(key));
  };

  /** @param {string} pathname */
  async function body(pathname) {
    const [, site, ...rest] = pathname.split('/');
    const file = rest.join('/') || 'index.html';
    if (site === 'floor') return floorPages.has(file) ? Buffer.from(/** @type {string} */ (floorPages.get(file))) : undefined;
    if (site !== 'edition') return undefined;
    const full = path.resolve(editionDir, path.normalize(file));
    if (!full.startsWith(path.resolve(editionDir) + path.sep)) return undefined;
    return readFile(full).catch(() => undefined);
  }

  const server = createServer(async (request, response) => {
    const { pathname, search } = new URL(request.url ?? '/', 'http://127.0.0.1');
    const note = (/** @type {number} */ status, /** @type {number} */ bytes, encoding = 'identity') => log.push({ path: pathname + search, status, bytes, encoding });
    const file = pathname.endsWith('/') ? `${pathname}index.html` : pathname;
    const content = request.method === 'GET' || request.method === 'HEAD' ? await body(file) : undefined;
    if (!content) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      note(404, 9);
      return;
    }
    const ext = path.extname(file);
    const accepts = String(request.headers['accept-encoding'] ?? '');
    const encoding = !COMPRESSIBLE.has(ext) ? 'identity' : /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : 'identity';
    const sent = encoding === 'identity' ? content : encode(content, /** @type {'br' | 'gzip'} */ (encoding));
    const etag = `"${createHash('sha256').update(sent).digest('base64url').slice(0, 22)}"`;
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, { etag, 'cache-control': 'no-cache', vary: 'accept-encoding' }).end();
      note(304, 0, encoding);
      return;
    }
    response.writeHead(200, {
      etag,
      'content-type': TYPES[/** @type {keyof typeof TYPES} */ (ext)] ?? 'application/octet-stream',
      'content-length': sent.length,
      'cache-control': 'no-cache',
      vary: 'accept-encoding',
      ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }),
    });
    response.end(request.method === 'HEAD' ? undefined : sent);
    note(200, sent.length, encoding);
  });

  // Compressed before the first request, as a CDN serves static files, so no request waits on it.
  const files = (await readdir(editionDir, { recursive: true })).filter((file) => COMPRESSIBLE.has(path.extname(file)));
  const contents = [...(await Promise.all(files.map((file) => readFile(path.join(editionDir, file))))), ...[...floorPages.values()].map((page) => Buffer.from(page))];
  for (const content of contents) for (const encoding of /** @type {const} */ (['br', 'gzip'])) encode(content, encoding);

  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  const close = () => new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve(undefined));
  });
  setTimeout(close, LIFETIME_MS).unref();
  return {
    origin: `http://127.0.0.1:${port}`,
    log,
    close,
  };
}

/**
 * @param {Buffer} content
 * @param {'br' | 'gzip'} encoding
 */
function compress(content, encoding) {
  return encoding === 'br'
    ? brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } })
    : gzipSync(content, { level: 9 });
}
