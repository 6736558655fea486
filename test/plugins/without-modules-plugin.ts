// Serves a page with its module scripts removed when asked with ?without-modules, so a
// test can show what the inline head snippet does on its own, before any module runs.
import type { TestRunnerPlugin } from '@web/test-runner';

export function withoutModulesPlugin(): TestRunnerPlugin {
  return {
    name: 'without-modules',
    transform(context) {
      if (!context.URL.searchParams.has('without-modules') || !context.response.is('html')) return undefined;
      return { body: String(context.body).replace(/<script type="module"[^>]*>[\s\S]*?<\/script>/g, '') };
    },
  };
}
