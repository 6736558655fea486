// A test-runner command that returns Chromium's own accessibility tree for a frame of the
// test page: the roles, names and states that screen readers are given, shadow DOM included.

/** @returns {import('@web/test-runner-core').TestRunnerPlugin} */
export function accessibilityTreePlugin() {
  return {
    name: 'accessibility-tree',
    async executeCommand({ command, payload, session }) {
      if (command !== 'accessibility-tree') return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error('accessibility-tree needs Chromium');
      const browser = /** @type {{ getPage(id: string): import('puppeteer-core').Page }} */ (/** @type {unknown} */ (session.browser));
      const page = browser.getPage(session.id);
      const { path } = /** @type {{ path: string }} */ (payload);
      const frame = page.frames().find((f) => new URL(f.url()).pathname === path);
      if (!frame) throw new Error(`no frame showing ${path}`);
      const cdp = await page.createCDPSession();
      try {
        const { nodes } = /** @type {{ nodes: any[] }} */ (await cdp.send('Accessibility.getFullAXTree', { frameId: /** @type {any} */ (frame)._id }));
        return nodes
          .filter((n) => !n.ignored)
          .map((n) => ({
            role: n.role?.value ?? '',
            name: n.name?.value ?? '',
            value: String(n.value?.value ?? ''),
            properties: Object.fromEntries((n.properties ?? []).map((/** @type {any} */ p) => [p.name, p.value?.value])),
          }));
      } finally {
        await cdp.detach();
      }
    },
  };
}
