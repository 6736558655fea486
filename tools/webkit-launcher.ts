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
  readonly #options: { hostname: string; port: number; logLevel: 'error'; capabilities: object };
  #driver?: ChildProcess;
  #profile?: string;

  constructor(env: NodeJS.ProcessEnv = process.env) {
    const options = {
      hostname: '127.0.0.1',
      port: 0,
      logLevel: 'error' as const,
      capabilities: {
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
      },
    };
    super(options);
    this.#options = options;
    this.#env = env;
  }

  override async initialize(config: TestRunnerCoreConfig): Promise<void> {
    const display = await virtualDisplay();
    const port = await freePort();
    // A HOME of its own, so nothing the browser stores outlives the run or meets the machine's.
    this.#profile = mkdtempSync(path.join(os.tmpdir(), 'reader-edition-webkit-'));
    const driver = spawn(WEBKIT_DRIVER, [`--port=${port}`], {
      env: { ...this.#env, DISPLAY: display, HOME: this.#profile },
      stdio: 'ignore',
    });
    this.#driver = driver;
    process.on('exit', () => driver.kill());
    await listening(port, driver);
    this.#options.port = port;
    await super.initialize(config);
    this.name = 'WebKit';
  }

  override async stop(): Promise<void> {
    await super.stop();
    this.#driver?.kill();
    if (this.#profile) rmSync(this.#profile, { recursive: true, force: true });
  }

  /** Presses or releases keys and keeps them so until told otherwise (sendKeys' press and type release them). */
  async keyActions(sessionId: string, actions: KeyAction[]): Promise<void> {
    const manager = (this as unknown as { driverManager?: ActionsManager }).driverManager;
    if (!manager) throw new Error('WebKit has no session yet');
    await manager.performActions(sessionId, [{ type: 'key', id: 'keyboard', actions }]);
  }
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
