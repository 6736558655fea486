import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PreferenceChangeEvent, PreferenceStore } from '../preferences/preference-store.js';

/** Gives a component a preference store's value and re-renders it when it changes, here or in another tab. */
export class PreferenceController<T extends object> implements ReactiveController {
  readonly store: PreferenceStore<T>;
  private readonly host: ReactiveControllerHost;
  private readonly onChange?: (event: PreferenceChangeEvent<T>) => void;

  constructor(
    host: ReactiveControllerHost,
    store: PreferenceStore<T>,
    onChange?: (event: PreferenceChangeEvent<T>) => void,
  ) {
    this.host = host;
    this.store = store;
    this.onChange = onChange;
    host.addController(this);
  }

  get value() {
    return this.store.value;
  }

  hostConnected() {
    this.store.addEventListener('change', this.handleChange);
    // A host that comes back may have missed changes while it was away.
    this.host.requestUpdate();
  }

  hostDisconnected() {
    this.store.removeEventListener('change', this.handleChange);
  }

  private readonly handleChange = (event: Event) => {
    this.onChange?.(event as PreferenceChangeEvent<T>);
    this.host.requestUpdate();
  };
}
