import type { ReactiveControllerHost } from 'lit';
import type { User } from '../../shared/users.js';
import * as auth from '../api/auth.js';
import { ApiError } from '../api/http.js';
import { StoreController } from './store.js';

export type SessionStatus = 'unknown' | 'loading' | 'signed-in' | 'signed-out' | 'error';

/**
 * Who is signed in, from GET /api/me; one store for the whole tab. Signing in
 * or out, or any 401, changes it and every subscribed element re-renders.
 */
export class SessionStore extends EventTarget {
  #status: SessionStatus = 'unknown';
  #user: User | null = null;
  #error: ApiError | null = null;
  #loading: Promise<void> | null = null;

  get status(): SessionStatus {
    return this.#status;
  }

  get user(): User | null {
    return this.#user;
  }

  /** Why the session could not be checked (server unreachable…), when status is `error`. */
  get error(): ApiError | null {
    return this.#error;
  }

  get isManager(): boolean {
    return this.#user?.role === 'admin' || this.#user?.role === 'lead';
  }

  /** Asks the server who is signed in; concurrent calls share one request. */
  load(): Promise<void> {
    this.#loading ??= this.#load().finally(() => {
      this.#loading = null;
    });
    return this.#loading;
  }

  async #load(): Promise<void> {
    if (this.#status !== 'signed-in') this.#set('loading', null);
    try {
      this.#set('signed-in', await auth.fetchMe());
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) this.#set('signed-out', null);
      else this.#set('error', null, error instanceof ApiError ? error : new ApiError(0, 'network', String(error)));
    }
  }

  async login(email: string, password: string): Promise<User> {
    const user = await auth.login(email, password);
    this.#set('signed-in', user);
    return user;
  }

  async acceptInvite(token: string, password: string): Promise<User> {
    const user = await auth.acceptInvite(token, password);
    this.#set('signed-in', user);
    return user;
  }

  /** Ends the session on the server; the tab is signed out even if the server cannot be reached. */
  async logout(): Promise<void> {
    try {
      await auth.logout();
    } finally {
      this.#set('signed-out', null);
    }
  }

  /** The server said 401: the session expired or was ended elsewhere. */
  expired(): void {
    this.#set('signed-out', null);
  }

  /** After the signed-in person's own account changed (an admin editing themselves). */
  updateUser(user: User): void {
    if (this.#user?.id === user.id) this.#set('signed-in', user);
  }

  #set(status: SessionStatus, user: User | null, error: ApiError | null = null): void {
    this.#status = status;
    this.#user = user;
    this.#error = error;
    this.dispatchEvent(new Event('change'));
  }
}

export const session = new SessionStore();

/** The session for an element, re-rendering it when someone signs in or out. */
export class SessionController extends StoreController<SessionStore> {
  constructor(host: ReactiveControllerHost) {
    super(host, session);
  }

  get user(): User | null {
    return this.store.user;
  }

  get status(): SessionStatus {
    return this.store.status;
  }
}
