// Bundles a small TypeScript entry into a minified classic script for inlining in <head>.
// The page lists its SHA-256 in the Content-Security-Policy, so it needs no 'unsafe-inline'.
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

/** The snippet that runs in <head> before first paint. */
export const HEAD_SNIPPET_ENTRY = fileURLToPath(new URL('../../src/head-snippet.ts', import.meta.url));

/** The page's compiler settings, named because esbuild ignores a tsconfig.json inside node_modules (an installed edition). */
const TSCONFIG = fileURLToPath(new URL('../../tsconfig.json', import.meta.url));

export async function bundleInlineScript(entry: string): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
    tsconfig: TSCONFIG,
  });
  const code = result.outputFiles[0].text.trim();
  if (code.includes('</script'))
    throw new Error(`${entry}: the bundled snippet contains "</script" and cannot be inlined`);
  return code;
}
