// `npm start`: the edition from its sources, TypeScript compiled on the fly.
// No service worker is registered here, so development is never served stale.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { articlePages } from './tools/dev-server-plugin.ts';

/** @type {import('@web/dev-server').DevServerConfig} */
export default {
  rootDir: '.',
  nodeResolve: true,
  port: 8000,
  open: false,
  // 'esnext', not 'auto': rewritten inline scripts would no longer match the hashes in the page's
  // Content-Security-Policy, in any browser the plugin does not know as current (a newer Safari).
  plugins: [articlePages(), esbuildPlugin({ ts: true, target: 'esnext', tsconfig: 'tsconfig.json' })],
};
