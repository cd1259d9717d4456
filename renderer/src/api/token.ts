// Serve mode: the page receives its token once, in the URL. It then lives in sessionStorage so a
// reload keeps working, and leaves the address bar (and the history entry) at once.
const STORAGE_KEY = 'hsu.token';

export interface TokenEnvironment {
  href: string;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  replaceUrl(url: string): void;
}

export function browserTokenEnvironment(): TokenEnvironment {
  return {
    href: window.location.href,
    storage: window.sessionStorage,
    replaceUrl: (url) => window.history.replaceState(window.history.state, '', url),
  };
}

export function takeToken(env: TokenEnvironment): string | null {
  const url = new URL(env.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    env.storage.setItem(STORAGE_KEY, fromUrl);
    url.searchParams.delete('token');
    env.replaceUrl(`${url.pathname}${url.search}${url.hash}`);
    return fromUrl;
  }
  return env.storage.getItem(STORAGE_KEY);
}
