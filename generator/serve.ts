// The one static server for a built site: `reader-edition preview` (and `npm run preview`), the
// benchmark (the edition beside its floor, compressed as a CDN would) and the tests (a built
// edition whose server can be stopped and restarted, as on a train). It sends what any static
// host does: `no-cache` with an ETag, so a revalidation may be answered 304, and byte ranges,
// which media elements need to seek (WebKit cannot seek in audio from a server that ignores them;
// `ranges: false` makes such a server, for the tests).
// It ships with the generator, which also measures its pages compressed as it sends them. Every
// response carries the security headers a host is told to send (page/headers.ts).
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { CHAPTERS_DIR, CHAPTERS_TYPE } from './audio/json-chapters.ts';
import { securityHeaders } from './page/headers.ts';

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.vtt': 'text/vtt; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.mp3': 'audio/mpeg',
  '.epub': 'application/epub+zip',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.webmanifest': 'application/manifest+json',
};
/** Text formats; already-compressed ones (images, fonts, audio) are sent as they are. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.xml', '.vtt', '.svg', '.webmanifest']);

export type Encoding = 'br' | 'gzip';

/** One response, as the server sent it. */
export interface Served {
  path: string;
  status: number;
  /** The body as sent (compressed where it was). */
  bytes: number;
  encoding: Encoding | 'identity';
}

/** The file for a request path (`/` already made `/index.html`), or undefined for 404. */
export type Resolve = (pathname: string) => Promise<Buffer | undefined>;

export interface StaticServerOptions {
  resolve: Resolve;
  /** Brotli or gzip by Accept-Encoding, each body compressed once. */
  compress?: boolean;
  /** Folders whose text files, or bodies, are compressed before the first request, as a CDN has them, so no request waits on it. */
  precompress?: (string | Buffer)[];
  /** 0 for any free port; a port again after a stop keeps the same origin. */
  port?: number;
  /** The origin's name: "localhost" and 127.0.0.1 are both secure contexts. */
  hostname?: string;
  /** Awaited before a request is answered (to hold one back). */
  before?: (pathname: string) => Promise<void> | void;
  /** Closes by itself after this long, so nothing is left listening. */
  lifetimeMs?: number;
  /** Told of each response as it is logged (for a test waiting on a request). */
  served?: (entry: Served) => void;
  /** The security headers of a file, by its path; the site's own (page/headers.ts) unless given. */
  headers?: (pathname: string, body: Buffer) => Record<string, string>;
  /** false answers every request whole, as some static hosts do (WebKit then cannot seek in media). */
  ranges?: boolean;
}

export interface StaticServer {
  origin: string;
  port: number;
  /** Every response so far, in order. */
  log: Served[];
  close: () => Promise<void>;
}

/** The files of a folder; nothing outside it. */
export function folder(dir: string): Resolve {
  const root = path.resolve(dir);
  return async (pathname) => {
    const full = path.resolve(root, `.${path.posix.normalize(decodeURIComponent(pathname))}`);
    if (!full.startsWith(root + path.sep)) return undefined;
    return readFile(full).catch(() => undefined);
  };
}

export async function startStaticServer({
  resolve,
  compress = false,
  precompress = [],
  port = 0,
  hostname = '127.0.0.1',
  before,
  lifetimeMs,
  served,
  headers: headersOf = securityHeaders,
  ranges = true,
}: StaticServerOptions): Promise<StaticServer> {
  const log: Served[] = [];
  const compressed = new Map<string, Buffer>();
  const encode = (content: Buffer, encoding: Encoding): Buffer => {
    const key = `${encoding} ${createHash('sha256').update(content).digest('base64url')}`;
    let body = compressed.get(key);
    if (!body) compressed.set(key, (body = compressBody(content, encoding)));
    return body;
  };

  const server = createServer(async (request, response) => {
    const { pathname, search } = new URL(request.url ?? '/', 'http://localhost');
    const note = (status: number, bytes: number, encoding: Served['encoding'] = 'identity') => {
      const entry: Served = { path: pathname + search, status, bytes, encoding };
      log.push(entry);
      served?.(entry);
    };
    const file = pathname.endsWith('/') ? `${pathname}index.html` : pathname;
    await before?.(file);
    const content =
      request.method === 'GET' || request.method === 'HEAD' ? await resolve(file).catch(() => undefined) : undefined;
    if (!content) {
      response
        .writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...headersOf(file, Buffer.alloc(0)) })
        .end('Not found');
      note(404, 9);
      return;
    }
    const ext = path.extname(file);
    const accepts = String(request.headers['accept-encoding'] ?? '');
    const encoding: Served['encoding'] =
      !compress || !COMPRESSIBLE.has(ext)
        ? 'identity'
        : /\bbr\b/.test(accepts)
          ? 'br'
          : /\bgzip\b/.test(accepts)
            ? 'gzip'
            : 'identity';
    const body = encoding === 'identity' ? content : encode(content, encoding);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
    const headers = {
      etag,
      'cache-control': 'no-cache',
      vary: 'accept-encoding',
      ...(ranges ? { 'accept-ranges': 'bytes' } : {}),
      ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }),
      ...headersOf(file, content),
    };
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, headers).end();
      note(304, 0, encoding);
      return;
    }
    // The podcast feed's chapters are JSON of a type of their own (see audio/json-chapters.ts).
    const chapters = ext === '.json' && path.posix.dirname(file).endsWith(`/${CHAPTERS_DIR}`);
    const type = chapters ? CHAPTERS_TYPE : (CONTENT_TYPES[ext] ?? 'application/octet-stream');
    const range = encoding === 'identity' && ranges ? byteRange(request.headers.range, body.length) : undefined;
    if (range === 'unsatisfiable') {
      response.writeHead(416, { ...headers, 'content-range': `bytes */${body.length}` }).end();
      note(416, 0);
      return;
    }
    const sent = range ? body.subarray(range.start, range.end + 1) : body;
    response.writeHead(range ? 206 : 200, {
      ...headers,
      'content-type': type,
      'content-length': sent.length,
      ...(range ? { 'content-range': `bytes ${range.start}-${range.end}/${body.length}` } : {}),
    });
    response.end(request.method === 'HEAD' ? undefined : sent);
    note(range ? 206 : 200, sent.length, encoding);
  });

  for (const source of precompress) {
    const contents =
      typeof source === 'string'
        ? await Promise.all(
            (await readdir(source, { recursive: true }))
              .filter((file) => COMPRESSIBLE.has(path.extname(file)))
              .map((file) => readFile(path.join(source, file))),
          )
        : [source];
    for (const content of contents) for (const encoding of ['br', 'gzip'] as const) encode(content, encoding);
  }

  // A port already taken fails the start rather than leaving it waiting.
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', fail);
      done();
    });
  });
  // Listening on a TCP port, the address is an AddressInfo (a string only for a pipe).
  const address = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((done) => {
      server.closeAllConnections();
      server.close(() => done());
    });
  if (lifetimeMs) setTimeout(close, lifetimeMs).unref();
  return { origin: `http://${hostname}:${address.port}`, port: address.port, log, close };
}

/** One `bytes=a-b` range (what media elements ask for); several ranges are answered whole. */
function byteRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header ?? '');
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  const start = match[1] === '' ? Math.max(0, size - Number(match[2])) : Number(match[1]);
  const end = match[1] === '' || match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  return start > end || start >= size ? 'unsatisfiable' : { start, end };
}

/** A body as the server sends it; the build reports sizes with the same settings. */
export function compressBody(content: Buffer, encoding: Encoding): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(content, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
      })
    : gzipSync(content, { level: 9 });
}
