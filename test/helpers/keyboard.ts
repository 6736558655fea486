// Keys on the real keyboard in every browser: @web/test-runner-commands' sendKeys, with `down`
// and `up` under WebDriver too (test/plugins/keyboard-plugin.ts).
import { executeServerCommand, type SendKeysPayload } from '@web/test-runner-commands';

export const sendKeys = (payload: SendKeysPayload) => executeServerCommand<void, SendKeysPayload>('keyboard', payload);
