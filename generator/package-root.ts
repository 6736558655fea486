// Where the edition's own files are: beside this folder, in this checkout or wherever npm
// installed the package, never the folder the build was started from (that is the publisher's).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The edition's own folder (where its package is installed, or this checkout). */
export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A file of the edition's own, by its path in the package. */
export const packageFile = (relative: string): string => path.resolve(PACKAGE_ROOT, relative);
