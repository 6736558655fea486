// The site ships other people's code and fonts (Lit, Workbox, the optional fonts under the
// OFL): their licences travel with it, in one text file beside the pages, written from what
// each package says of itself (its package.json's licence field and its licence file).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export const NOTICES_FILE = 'third-party-notices.txt';

interface PackageJson {
  name: string;
  version: string;
  license?: string;
  homepage?: string;
}

/** A package's licence file, if it has one: LICENSE, LICENCE, COPYING or OFL, with or without an extension. */
async function licenceText(folder: string): Promise<string | undefined> {
  const name = (await readdir(folder)).sort().find((file) => /^(licen[cs]e|copying|ofl)(\.(md|txt))?$/i.test(file));
  return name && (await readFile(path.join(folder, name), 'utf8')).trim();
}

/** The notices for the given packages (name → folder), in name order. */
export async function thirdPartyNotices(packages: Map<string, string>): Promise<string> {
  const sections = [];
  for (const [name, folder] of [...packages].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const manifest = JSON.parse(await readFile(path.join(folder, 'package.json'), 'utf8')) as PackageJson;
    const text = await licenceText(folder);
    sections.push(
      [
        `${name} ${manifest.version}`,
        `Licence: ${manifest.license ?? 'not stated in its package.json'}`,
        ...(manifest.homepage ? [manifest.homepage] : []),
        '',
        text ?? `(The package ships no licence file; its package.json gives the licence above.)`,
      ].join('\n'),
    );
  }
  return [
    'Third-party software in this site',
    '',
    'The edition is under the MIT licence. The site also carries code and fonts from the',
    'packages below, each under its own licence, given in full.',
    '',
    ...sections.flatMap((section) => ['-'.repeat(72), '', section, '']),
  ].join('\n');
}
