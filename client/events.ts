/**
 * Every custom event the app's elements dispatch, typed once: listeners get
 * the right `detail` through GlobalEventHandlersEventMap. Names start `fl-`.
 */
export interface FlEventDetails {
  /** The header's search box asks for results. */
  'fl-search': { query: string };
  /** The header's sign-out button. */
  'fl-sign-out': Record<string, never>;
  /** The header's "keyboard shortcuts" button. */
  'fl-show-shortcuts': Record<string, never>;
  /** A dialog closed (Esc, its close button, or `open = false`). */
  'fl-close': Record<string, never>;
  /** A copy button tried to copy its value. */
  'fl-copy': { value: string; ok: boolean };
}

export type FlEvent<K extends keyof FlEventDetails> = CustomEvent<FlEventDetails[K]>;

declare global {
  interface GlobalEventHandlersEventMap {
    'fl-search': FlEvent<'fl-search'>;
    'fl-sign-out': FlEvent<'fl-sign-out'>;
    'fl-show-shortcuts': FlEvent<'fl-show-shortcuts'>;
    'fl-close': FlEvent<'fl-close'>;
    'fl-copy': FlEvent<'fl-copy'>;
  }
}

/** Dispatches a typed, bubbling, composed event from `target`. */
export function emit<K extends keyof FlEventDetails>(target: EventTarget, name: K, detail: FlEventDetails[K]): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: true }));
}
