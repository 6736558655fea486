// The `keyboard` command: @web/test-runner-commands' sendKeys in every browser, with `down` and
// `up` also under WebDriver (WebKit), where sendKeys knows only `press` and `type`. A key held
// down stays down across commands, as with a real keyboard, so Shift+Tab is down, press, up.
// test/helpers/keyboard.ts gives the command its face.
import type { TestRunnerPlugin } from '@web/test-runner';
import { sendKeysPlugin, type SendKeysPayload } from '@web/test-runner-commands/plugins';
import type { WebKitLauncher } from '../../tools/webkit-launcher.ts';

/** The W3C WebDriver code of each modifier the tests hold down. */
const WEBDRIVER_KEYS: Record<string, string> = {
  Shift: '\uE008',
  Control: '\uE009',
  Alt: '\uE00A',
  Meta: '\uE03D',
};

export function keyboardPlugin(): TestRunnerPlugin {
  const sendKeys = sendKeysPlugin();
  return {
    name: 'keyboard',
    async executeCommand({ command, payload, session }) {
      if (command !== 'keyboard') return undefined;
      const held = payload as { down?: string; up?: string };
      if (session.browser.type === 'webdriver' && (held.down ?? held.up)) {
        const key = (held.down ?? held.up)!;
        const value = WEBDRIVER_KEYS[key] ?? (key.length === 1 ? key : undefined);
        if (!value) throw new Error(`keyboard: no WebDriver code for the key "${key}"; add it to WEBDRIVER_KEYS`);
        // The only launcher of type 'webdriver' is WebKit's (web-test-runner.config.mjs).
        await (session.browser as WebKitLauncher).keyActions(session.id, [
          { type: held.down ? 'keyDown' : 'keyUp', value },
        ]);
        return true;
      }
      return sendKeys.executeCommand!({ command: 'send-keys', payload: payload as SendKeysPayload, session });
    },
  };
}
