/**
 * The bearer token: identity comes from the host site (SPEC §1), which opens Merit with
 * `?token=<jwt>` (or `#token=<jwt>`, which never reaches server logs). On first load the token is
 * moved into sessionStorage and removed from the address bar, so it is not bookmarked, shared or
 * kept in history; signing out forgets it.
 */
const storageKey = 'merit.token';

export function adoptTokenFromUrl(): void {
  const url = new URL(window.location.href);
  const hash = new URLSearchParams(url.hash.slice(1));
  const token = url.searchParams.get('token') ?? hash.get('token');
  if (!token) return;
  sessionStorage.setItem(storageKey, token);
  url.searchParams.delete('token');
  hash.delete('token');
  url.hash = hash.toString();
  window.history.replaceState(null, '', url.pathname + url.search + url.hash);
}

export function readToken(): string | null {
  return sessionStorage.getItem(storageKey);
}

export function signOut(): void {
  sessionStorage.removeItem(storageKey);
}
