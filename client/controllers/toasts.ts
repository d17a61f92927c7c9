export interface Toast {
  id: number;
  message: string;
  /** An optional link in the toast, e.g. to the new insight. */
  href?: string;
  linkText?: string;
  tone: 'success' | 'error';
}

/**
 * Short messages after an action that closed its own form (an insight was
 * posted, an issue raised): one store for the tab, shown by `<fl-toasts>`.
 */
export class ToastStore extends EventTarget {
  #items: Toast[] = [];
  #next = 1;

  get items(): readonly Toast[] {
    return this.#items;
  }

  show(message: string, options: { href?: string; linkText?: string; tone?: Toast['tone']; ms?: number } = {}): void {
    const toast: Toast = { id: this.#next++, message, href: options.href, linkText: options.linkText, tone: options.tone ?? 'success' };
    this.#items = [...this.#items.slice(-2), toast];
    this.dispatchEvent(new Event('change'));
    setTimeout(() => this.dismiss(toast.id), options.ms ?? 6000);
  }

  dismiss(id: number): void {
    if (!this.#items.some((t) => t.id === id)) return;
    this.#items = this.#items.filter((t) => t.id !== id);
    this.dispatchEvent(new Event('change'));
  }
}

export const toasts = new ToastStore();
