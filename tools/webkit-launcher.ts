// WebKit for @web/test-runner: WebKitGTK's MiniBrowser (the WebCore and JavaScriptCore of every
// iOS browser, on another platform layer) driven over W3C WebDriver by @web/test-runner-webdriver.
// The launcher starts what it needs when its group first runs, and ends it with the run: a
// virtual X server, then WebKitWebDriver on a free port; audio goes where `env` says (PulseAudio's
// null sink, see web-test-runner.config.mjs).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestRunnerCoreConfig } from '@web/test-runner-core';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import { remote } from 'webdriverio';
import { MINIBROWSER, virtualDisplay, WEBKIT_DRIVER } from './browsers.ts';

/** A WebDriver action on the keyboard, as the W3C Actions API takes it. */
export interface KeyAction {
  type: 'keyDown' | 'keyUp';
  value: string;
}

/** What @web/test-runner-webdriver keeps privately and the keyboard command needs: raw WebDriver actions. */
interface ActionsManager {
  performActions(sessionId: string, actions: object[]): Promise<void>;
}

export class WebKitLauncher extends WebdriverLauncher {
  readonly #env: NodeJS.ProcessEnv;
  /** Handed to WebdriverLauncher by reference: the port is filled in once the driver listens. */
  readonly #options: { hostname: string; port: number; logLevel: 'error'; capabilities: WebdriverIO.Capabilities };
  #display?: Promise<string>;
  #stopDriver?: () => void;

  constructor(env: NodeJS.ProcessEnv = process.env) {
    const options = {
      hostname: '127.0.0.1',
      port: 0,
      logLevel: 'error' as const,
      // WebKitGTK's own capability, which webdriverio's types do not list.
      capabilities: {
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
      } as WebdriverIO.Capabilities,
    };
    super(options);
    this.#options = options;
    this.#env = env;
  }

  override async initialize(config: TestRunnerCoreConfig): Promise<void> {
    this.#display ??= virtualDisplay();
    const driver = await startDriver({ ...this.#env, DISPLAY: await this.#display });
    this.#stopDriver = driver.stop;
    this.#options.port = driver.port;
    await super.initialize(config);
    this.name = 'WebKit';
  }

  override async stop(): Promise<void> {
    await super.stop();
    this.#stopDriver?.();
  }

  /**
   * Another WebKit, on the same display and audio, with a driver and storage of its own: for a
   * test that drives a served site in a browser with nothing shared (test/plugins/offline-site-plugin.ts).
   */
  async isolatedBrowser(): Promise<{ browser: WebdriverIO.Browser; close(): Promise<void> }> {
    this.#display ??= virtualDisplay();
    const driver = await startDriver({ ...this.#env, DISPLAY: await this.#display });
    try {
      const browser = await remote({ ...this.#options, port: driver.port });
      return {
        browser,
        close: async () => {
          await browser.deleteSession().catch(() => undefined);
          driver.stop();
        },
      };
    } catch (error) {
      driver.stop();
      throw error;
    }
  }

  /** Presses or releases keys and keeps them so until told otherwise (sendKeys' press and type release them). */
  async keyActions(sessionId: string, actions: KeyAction[]): Promise<void> {
    const manager = (this as unknown as { driverManager?: ActionsManager }).driverManager;
    if (!manager) throw new Error('WebKit has no session yet');
    await manager.performActions(sessionId, [{ type: 'key', id: 'keyboard', actions }]);
  }
}

/**
 * WebKitWebDriver on a free port, with a HOME of its own, so nothing the browser stores outlives
 * the run or meets the machine's; resolves once it answers. It ends with this process at the latest.
 */
async function startDriver(env: NodeJS.ProcessEnv): Promise<{ port: number; stop: () => void }> {
  const port = await freePort();
  const home = mkdtempSync(path.join(os.tmpdir(), 'reader-edition-webkit-'));
  // No compositing: with no GPU here, Mesa's software GL under Xvfb crashed WebKit's threaded
  // compositor during a long run; painting without it is steadier and draws the same page.
  const driver = spawn(WEBKIT_DRIVER, [`--port=${port}`], {
    env: { ...env, HOME: home, WEBKIT_DISABLE_COMPOSITING_MODE: '1' },
    stdio: 'ignore',
  });
  const stop = () => {
    driver.kill();
    rmSync(home, { recursive: true, force: true });
  };
  process.on('exit', stop);
  try {
    await listening(port, driver);
  } catch (error) {
    stop();
    throw error;
  }
  return { port, stop };
}

/** A port nobody listens on now (the driver takes it a moment later). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once the driver answers its status; fails if it ends first or takes over 30 s. */
async function listening(port: number, driver: ChildProcess): Promise<void> {
  let ended = false;
  driver.once('exit', () => (ended = true));
  const end = Date.now() + 30_000;
  while (!ended && Date.now() < end) {
    try {
      const status = (await (await fetch(`http://127.0.0.1:${port}/status`)).json()) as { value?: { ready?: boolean } };
      if (status.value?.ready) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${WEBKIT_DRIVER} did not start on port ${port}${ended ? ': it ended' : ''}`);
}
