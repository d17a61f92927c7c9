import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EventType, LiveEvent } from '../../shared/events.js';
import type { PresenceMessage } from '../../shared/events.js';
import { live, type LiveConnection } from '../api/live.js';

export interface LiveSubscription {
  /** Event types to hear; others are not delivered. */
  types: readonly EventType[];
  onEvent(event: LiveEvent): void;
  /** Too much was missed (or the server restored a backup): reload what the component shows. */
  onResync?(): void;
}

/**
 * Subscribes a component to live events while it is connected to the page,
 * and unsubscribes when it leaves: components never touch the socket.
 */
export class LiveController implements ReactiveController {
  private stops: (() => void)[] = [];

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly subscription: LiveSubscription,
    private readonly connection: LiveConnection = live,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    const types = new Set<string>(this.subscription.types);
    this.stops.push(
      this.connection.onEvent((event) => {
        if (types.has(event.type)) this.subscription.onEvent(event);
      }),
    );
    if (this.subscription.onResync) this.stops.push(this.connection.onResync(() => this.subscription.onResync?.()));
  }

  hostDisconnected(): void {
    for (const stop of this.stops.splice(0)) stop();
  }
}

/** Announces what this page shows and keeps the list of who else is viewing it. */
export class PresenceController implements ReactiveController {
  users: PresenceMessage['users'] = [];
  private stop: (() => void) | null = null;
  private subject: string | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly connection: LiveConnection = live,
  ) {
    host.addController(this);
  }

  /** `insight:<id>` or `issue:<id>`; null when the page shows neither. */
  view(subject: string | null): void {
    if (subject === this.subject) return;
    this.subject = subject;
    this.users = subject ? this.connection.presenceOf(subject) : [];
    this.connection.setViewing(subject);
    this.host.requestUpdate();
  }

  hostConnected(): void {
    this.stop = this.connection.onPresence((message) => {
      if (message.subject !== this.subject) return;
      this.users = message.users;
      this.host.requestUpdate();
    });
    if (this.subject) this.connection.setViewing(this.subject);
  }

  hostDisconnected(): void {
    this.stop?.();
    this.stop = null;
    this.connection.setViewing(null);
  }
}
