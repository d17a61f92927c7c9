/**
 * A tiny History-API router: the contract's client routes, matched by
 * pattern, with same-origin link clicks turned into client-side navigation.
 * Elements follow it through `RouteController` (controllers/route.ts).
 */

export type RouteName =
  | 'login'
  | 'accept-invite'
  | 'feed'
  | 'insight'
  | 'issues'
  | 'issue'
  | 'customers'
  | 'customer'
  | 'search'
  | 'dashboard'
  | 'admin'
  | 'not-found';

export interface Route {
  name: RouteName;
  /** Values of `:name` segments, decoded. */
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  /** Path and search, e.g. `/search?q=refund`: what `next=` carries. */
  href: string;
  /** For `<title>`: "Issues", "Search: refund"… */
  title: string;
  /** Reachable signed out (sign-in and invite pages). */
  public: boolean;
}

interface RouteDef {
  name: RouteName;
  pattern: string;
  title: (params: Record<string, string>, query: URLSearchParams) => string;
  public?: boolean;
}

export const ROUTES: readonly RouteDef[] = [
  { name: 'login', pattern: '/login', title: () => 'Sign in', public: true },
  { name: 'accept-invite', pattern: '/accept-invite', title: () => 'Set your password', public: true },
  { name: 'feed', pattern: '/', title: () => 'Feed' },
  { name: 'insight', pattern: '/insights/:id', title: () => 'Insight' },
  { name: 'issues', pattern: '/issues', title: () => 'Issues' },
  { name: 'issue', pattern: '/issues/:id', title: () => 'Issue' },
  { name: 'customers', pattern: '/customers', title: () => 'Customers' },
  { name: 'customer', pattern: '/customers/:id', title: () => 'Customer' },
  { name: 'search', pattern: '/search', title: (_p, q) => (q.get('q') ? `Search: ${q.get('q')}` : 'Search') },
  { name: 'dashboard', pattern: '/dashboard', title: () => 'Dashboard' },
  { name: 'admin', pattern: '/admin', title: () => 'Admin' },
];

function matchPattern(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const actual = have[i] as string;
    if (part.startsWith(':')) {
      try {
        params[part.slice(1)] = decodeURIComponent(actual);
      } catch {
        return null;
      }
    } else if (part !== actual) {
      return null;
    }
  }
  return params;
}

/** The route of a URL (path, search); unknown paths give the not-found route. */
export function matchRoute(url: URL): Route {
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
  const query = new URLSearchParams(url.search);
  const href = url.pathname + url.search;
  for (const def of ROUTES) {
    const params = matchPattern(def.pattern, path);
    if (params) return { name: def.name, params, query, href, title: def.title(params, query), public: def.public ?? false };
  }
  return { name: 'not-found', params: {}, query, href, title: 'Not found', public: false };
}

/** Only same-site paths are followed after sign-in: `//evil.example` and `https://…` are not. */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}

export interface NavigateOptions {
  /** Replace the current history entry instead of adding one (redirects, tab changes). */
  replace?: boolean;
}

export class Router extends EventTarget {
  #current: Route = matchRoute(new URL(location.href));
  #started = false;

  get current(): Route {
    return this.#current;
  }

  /** Listens to back/forward and to link clicks anywhere in the page, shadow roots included. */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    window.addEventListener('popstate', () => this.#update());
    document.addEventListener('click', (event) => this.#onClick(event));
  }

  navigate(to: string, options: NavigateOptions = {}): void {
    const url = new URL(to, location.href);
    if (url.origin !== location.origin) {
      location.assign(url.href);
      return;
    }
    const target = url.pathname + url.search + url.hash;
    if (target === location.pathname + location.search + location.hash && !options.replace) return;
    if (options.replace) history.replaceState(null, '', target);
    else history.pushState(null, '', target);
    this.#update();
    if (!options.replace) window.scrollTo(0, 0);
  }

  #update(): void {
    this.#current = matchRoute(new URL(location.href));
    this.dispatchEvent(new Event('change'));
  }

  #onClick(event: MouseEvent): void {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
    if (!anchor?.href || anchor.hasAttribute('download')) return;
    if (anchor.target && anchor.target !== '_self') return;
    if ((anchor.getAttribute('rel') ?? '').split(/\s+/).includes('external')) return;
    const url = new URL(anchor.href);
    if (url.origin !== location.origin || url.pathname === '/api' || url.pathname.startsWith('/api/')) return;
    if (url.pathname === location.pathname && url.search === location.search && url.hash) return;
    event.preventDefault();
    this.navigate(url.pathname + url.search + url.hash);
  }
}

/** The app's one router. */
export const router = new Router();
