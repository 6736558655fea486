// The security headers of a built site, the same from the project's own server (serve.ts) and,
// as a `_headers` file, from the static hosts that read one (Netlify, Cloudflare Pages). Each
// page gets the Content-Security-Policy its <meta> gives, plus what only a header can say
// (frame-ancestors); the two workers a policy that lets them fetch the site; every other file
// `default-src 'none'; sandbox`, so that an SVG or any other file opened at its own address runs
// nothing on the site's origin, where the reading history and settings live. Every response
// says nosniff: a file is only ever what its type says. The podcast feed's JSON chapters are
// also given their type, which no host knows.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { CHAPTERS_DIR, CHAPTERS_TYPE } from '../audio/json-chapters.ts';

export const HEADERS_FILE = '_headers';

/** For a file that is not a page: it runs nothing, loads nothing, and is its own origin. */
export const FILE_POLICY = "default-src 'none'; sandbox";

/**
 * For the workers, whose own policy is their script's header: the service worker fetches the
 * site to keep it offline. A sandbox would stop a worker from starting at all.
 */
export const WORKER_POLICY = "default-src 'self'";

/** The worker scripts, beside the pages. */
const WORKERS = ['sw.js', 'locale-warm-up.worker.js'];

const META_POLICY = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/i;

/** The Content-Security-Policy a page's <meta> gives, as a header: frame-ancestors only works there. */
function pagePolicy(page: string): string | undefined {
  // The page's own, in its head (page.ts writes it as it is: it holds nothing to escape).
  const policy = META_POLICY.exec(page.split('</head>')[0])?.[1];
  return policy === undefined ? undefined : `${policy}; frame-ancestors 'none'`;
}

/** The policy a file is served with; `file` is its path in the site, with "/" between folders. */
function policyFor(file: string, body: Buffer | string): string {
  if (file.endsWith('.html')) return pagePolicy(body.toString()) ?? FILE_POLICY;
  return WORKERS.includes(path.posix.basename(file)) ? WORKER_POLICY : FILE_POLICY;
}

/** The security headers of one response. */
export function securityHeaders(file: string, body: Buffer | string): Record<string, string> {
  return { 'content-security-policy': policyFor(file, body), 'x-content-type-options': 'nosniff' };
}

/**
 * The `_headers` file for a built site. Hosts apply every rule whose path matches, and join two
 * values of one header into two policies (both enforced), so no two rules give a path a policy:
 * `/*` says only nosniff; each page (at its address with and without `.html`, as hosts serve
 * it) and each worker has its own rule; a folder of plain files has one, other files theirs.
 * Cloudflare Pages reads the first 100 rules: the sandboxes come first, as a page also has
 * its policy in its <meta>, and a page takes two.
 */
export async function headersFile(out: string): Promise<string> {
  const sandboxes: [string, string][] = [];
  const pages: [string, string][] = [];
  const add = (address: string, policy: string) => (policy === FILE_POLICY ? sandboxes : pages).push([address, policy]);
  const visit = async (folder: string): Promise<boolean> => {
    let plain = true;
    const entries = (await readdir(path.join(out, folder), { withFileTypes: true })).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    );
    const files: string[] = [];
    const folders: string[] = [];
    for (const entry of entries) {
      const file = path.posix.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (await visit(file)) folders.push(file);
        else plain = false;
        continue;
      }
      if (file === HEADERS_FILE) continue;
      const policy = policyFor(file, file.endsWith('.html') ? await readFile(path.join(out, file)) : '');
      if (policy === FILE_POLICY) {
        files.push(file);
        continue;
      }
      plain = false;
      if (entry.name === 'index.html') add(`/${folder}${folder ? '/' : ''}`, policy);
      else if (file.endsWith('.html')) add(`/${file.slice(0, -'.html'.length)}`, policy);
      add(`/${file}`, policy);
    }
    // A folder of plain files is one rule, given by the folder that holds it, unless that one is plain too.
    if (!plain || folder === '') {
      for (const file of folders) add(`/${file}/*`, FILE_POLICY);
      for (const file of files) add(`/${file}`, FILE_POLICY);
    }
    return plain && folder !== '';
  };
  await visit('');
  // The podcast feed's chapters have a type of their own, which no host gives .json: one rule for
  // their folder, before the pages' (which have their policy in their <meta> as well).
  const chapters = existsSync(path.join(out, CHAPTERS_DIR))
    ? [`/${CHAPTERS_DIR}/*`, `  Content-Type: ${CHAPTERS_TYPE}`]
    : [];
  return [
    '# Written by reader-edition build: the security headers of each file (see generator/page/headers.ts).',
    '/*',
    '  X-Content-Type-Options: nosniff',
    ...sandboxes.flatMap(([address, policy]) => [address, `  Content-Security-Policy: ${policy}`]),
    ...chapters,
    ...pages.flatMap(([address, policy]) => [address, `  Content-Security-Policy: ${policy}`]),
    '',
  ].join('\n');
}
