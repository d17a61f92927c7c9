import type { ReactiveControllerHost } from 'lit';
import { router, type Route, type Router } from '../router.js';
import { StoreController } from './store.js';

/** The current route for an element, re-rendering it on every navigation. */
export class RouteController extends StoreController<Router> {
  constructor(host: ReactiveControllerHost) {
    super(host, router);
  }

  get route(): Route {
    return this.store.current;
  }
}
