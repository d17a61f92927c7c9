import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface ShortcutHandlers {
  /** Shortcuts apply only when this says so (signed in, no dialog open…). */
  enabled(): boolean;
  compose(): void;
  search(): void;
  help(): void;
}

/** The shortcuts the help dialog lists, in the order it lists them. */
export const SHORTCUTS: readonly { keys: readonly string[][]; does: string }[] = [
  { keys: [['c']], does: 'Compose an insight' },
  { keys: [['/'], ['Ctrl', 'K'], ['⌘', 'K']], does: 'Search' },
  { keys: [['?']], does: 'Show this list of shortcuts' },
  { keys: [['Esc']], does: 'Close a dialog' },
];

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'password', 'number', 'tel', 'url', 'date', 'datetime-local', 'month', 'time', 'week']);

/** True when a key press belongs to a field the person is typing in. */
export function isTypingTarget(node: EventTarget | undefined): boolean {
  if (!(node instanceof HTMLElement)) return false;
  if (node.isContentEditable || node instanceof HTMLTextAreaElement || node instanceof HTMLSelectElement) return true;
  return node instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(node.type);
}

/**
 * Global keyboard shortcuts: `c` compose, `/` or Ctrl/Cmd+K search, `?` help.
 * Single keys are ignored while typing in a field (the real target is read
 * through shadow roots); Ctrl/Cmd+K works everywhere.
 */
export class ShortcutsController implements ReactiveController {
  readonly #onKeyDown = (event: KeyboardEvent) => this.#handle(event);

  constructor(
    host: ReactiveControllerHost,
    private readonly handlers: ShortcutHandlers,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('keydown', this.#onKeyDown);
  }

  hostDisconnected(): void {
    window.removeEventListener('keydown', this.#onKeyDown);
  }

  #handle(event: KeyboardEvent): void {
    if (event.defaultPrevented || event.isComposing || !this.handlers.enabled()) return;
    // A page's own modal dialog (editing a person…) keeps the keyboard to itself.
    if (event.composedPath().some((node) => node instanceof HTMLDialogElement && node.open)) return;
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
      event.preventDefault();
      this.handlers.search();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTypingTarget(event.composedPath()[0])) return;
    const actions: Record<string, () => void> = {
      c: () => this.handlers.compose(),
      '/': () => this.handlers.search(),
      '?': () => this.handlers.help(),
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  }
}
