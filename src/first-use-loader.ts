import type { ReactiveControllerHost } from 'lit';

export interface FirstUseLoaderOptions<T> {
  /** Loads the code (an `import()` of ./first-use.ts) and makes what the host needs of it. */
  load(): Promise<T>;
  /** The load failed (offline before the edition was saved, say): the next use tries again. */
  failed?(): void;
}

/**
 * What a component loads on its first use rather than with the page (./first-use.ts): one
 * load, which every use until it has finished waits for, tried again after a failure. The
 * host re-renders with what it made, and its updateComplete waits for a load under way too
 * (see `settled`), so whoever awaits it sees what the loaded code renders.
 */
export class FirstUseLoader<T> {
  /** What the load made, once it has finished. */
  value?: T;
  private loaded = false;
  private loading?: Promise<T | undefined>;
  private readonly host: ReactiveControllerHost;
  private readonly options: FirstUseLoaderOptions<T>;

  constructor(host: ReactiveControllerHost, options: FirstUseLoaderOptions<T>) {
    this.host = host;
    this.options = options;
  }

  /** What the load made; undefined where it failed. */
  load(): Promise<T | undefined> {
    this.loading ??= this.options.load().then(
      (value) => {
        this.value = value;
        this.loaded = true;
        this.host.requestUpdate();
        return value;
      },
      () => {
        this.loading = undefined;
        this.options.failed?.();
        return undefined;
      },
    );
    return this.loading;
  }

  /**
   * The host's updateComplete, held until a load under way has finished and rendered too. The
   * host overrides `getUpdateComplete` with `return this.loader.settled(() => super.getUpdateComplete())`.
   */
  async settled(hostComplete: () => Promise<boolean>): Promise<boolean> {
    const complete = await hostComplete();
    if (!this.loading || this.loaded) return complete;
    await this.loading;
    return hostComplete();
  }
}
