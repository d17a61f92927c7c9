import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Re-renders its host whenever a store (any EventTarget that dispatches
 * `change`) changes, subscribed only while the host is connected.
 */
export class StoreController<S extends EventTarget> implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #onChange = () => this.#host.requestUpdate();

  constructor(
    host: ReactiveControllerHost,
    readonly store: S,
  ) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.store.addEventListener('change', this.#onChange);
  }

  hostDisconnected(): void {
    this.store.removeEventListener('change', this.#onChange);
  }
}
