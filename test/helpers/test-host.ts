// The tiny LitElement hosts controller tests drive a controller on: defined once under a tag,
// put on the page as a test needs them, and all taken off again after each test.
import type { LitElement } from 'lit';

/**
 * Defines `Host` as `tag` and returns how a test uses it: `add()` puts a new host on the page
 * (connected, its first render pending), `rendered()` waits for that render too, and
 * `removeAll()` (for afterEach) takes every one off again.
 */
export function testHost<Host extends LitElement>(tag: string, Host: new () => Host) {
  customElements.define(tag, Host);
  const add = () => document.body.appendChild(new Host());
  return {
    add,
    async rendered() {
      const host = add();
      await host.updateComplete;
      return host;
    },
    removeAll() {
      for (const host of document.querySelectorAll(tag)) host.remove();
    },
  };
}
