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
  plugins: [articlePages(), esbuildPlugin({ ts: true, target: 'auto', tsconfig: 'tsconfig.json' })],
};
