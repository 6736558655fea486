import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { settingsStore, type SettingsChangeEvent, type SettingsStore } from '../settings/settings-store.js';

/** Gives a component the reader's settings and re-renders it when they change, here or in another tab. */
export class SettingsController implements ReactiveController {
  readonly store: SettingsStore;
  private readonly host: ReactiveControllerHost;
  private readonly onChange?: (event: SettingsChangeEvent) => void;

  constructor(host: ReactiveControllerHost, onChange?: (event: SettingsChangeEvent) => void, store = settingsStore()) {
    this.host = host;
    this.store = store;
    this.onChange = onChange;
    host.addController(this);
  }

  get value() {
    return this.store.settings;
  }

  hostConnected() {
    this.store.addEventListener('change', this.handleChange);
  }

  hostDisconnected() {
    this.store.removeEventListener('change', this.handleChange);
  }

  private readonly handleChange = (event: Event) => {
    this.onChange?.(event as SettingsChangeEvent);
    this.host.requestUpdate();
  };
}
