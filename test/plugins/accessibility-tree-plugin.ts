// A test-runner command that returns Chromium's own accessibility tree for a frame of the
// test page: the roles, names and states that screen readers are given, shadow DOM included.
// The test calls it as executeServerCommand<AccessibilityNode[], { path: string }>.
import type { TestRunnerPlugin } from '@web/test-runner';
import type { ChromeLauncher } from '@web/test-runner-chrome';

/** One node of the tree, as the command answers it. */
export interface AccessibilityNode {
  role: string;
  name: string;
  value: string;
  /** Each property (focusable, expanded, live…) by name. */
  properties: Record<string, unknown>;
}

export function accessibilityTreePlugin(): TestRunnerPlugin {
  return {
    name: 'accessibility-tree',
    async executeCommand({ command, payload, session }): Promise<AccessibilityNode[] | undefined> {
      if (command !== 'accessibility-tree') return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error('accessibility-tree needs Chromium');
      // The launchers of type 'puppeteer' are @web/test-runner-chrome's (web-test-runner.config.mjs).
      const page = (session.browser as ChromeLauncher).getPage(session.id);
      const { path } = payload as { path: string };
      const frame = page.frames().find((f) => new URL(f.url()).pathname === path);
      if (!frame) throw new Error(`no frame showing ${path}`);
      // Puppeteer keeps a frame's DevTools id internal; the protocol needs it to choose the frame.
      const frameId = (frame as unknown as { _id: string })._id;
      const cdp = await page.createCDPSession();
      try {
        const { nodes } = await cdp.send('Accessibility.getFullAXTree', { frameId });
        return nodes
          .filter((n) => !n.ignored)
          .map((n) => ({
            role: String(n.role?.value ?? ''),
            name: String(n.name?.value ?? ''),
            value: String(n.value?.value ?? ''),
            properties: Object.fromEntries(
              (n.properties ?? []).map((p): [string, unknown] => [p.name, p.value?.value]),
            ),
          }));
      } finally {
        await cdp.detach();
      }
    },
  };
}
