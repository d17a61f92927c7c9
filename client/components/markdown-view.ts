import { LitElement, html } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { Marked } from 'marked';
import DOMPurify from 'dompurify';
import { markdownViewStyles } from './markdown-view.styles.js';

const marked = new Marked({ gfm: true, breaks: true, async: false });

const purifier = DOMPurify();
// Links from posts open in a new tab and never carry the opener or a referrer.
purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer nofollow');
  }
});

/**
 * Drops `style` attributes from the tags of raw HTML before DOMPurify parses
 * it: its parser document inherits the page's CSP, so merely parsing a style
 * attribute logs a (blocked) CSP violation. Escaped text such as code is not
 * touched (its `<` is `&lt;`). DOMPurify still removes whatever this misses.
 */
const withoutStyleAttributes = (html: string) =>
  html.replace(/<[a-z][^>]*>/gi, (tag) => tag.replace(/\sstyle\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/gi, ''));

/**
 * Markdown as written by people, rendered safely: marked turns it into HTML,
 * DOMPurify keeps only harmless markup (no script, handlers, javascript: URLs,
 * styles, forms or frames). Everything user-written goes through here.
 */
export function renderMarkdown(source: string): string {
  const raw = withoutStyleAttributes(marked.parse(source) as string);
  return purifier.sanitize(raw, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed', 'svg', 'math'],
    FORBID_ATTR: ['style', 'class', 'id', 'srcset'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|\/|#)/i,
  });
}

/** `<fl-markdown .source=${text}>`: a post or reply body. */
export class MarkdownView extends LitElement {
  static override styles = markdownViewStyles;
  static override properties = { source: { type: String } };
  declare source: string;

  constructor() {
    super();
    this.source = '';
  }

  override render() {
    return html`<div class="md">${unsafeHTML(renderMarkdown(this.source))}</div>`;
  }
}

customElements.define('fl-markdown', MarkdownView);

declare global {
  interface HTMLElementTagNameMap {
    'fl-markdown': MarkdownView;
  }
}
