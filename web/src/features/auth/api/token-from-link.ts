/**
 * The token of a mailed link: from its fragment (`#token=…`, which browsers never send to a server: the links the app
 * mails) or, for links written by hand, its query (`?token=…`).
 */
export function tokenFromLink(location: { hash: string; search: string }): string | null {
  for (const part of [location.hash.replace(/^#/, ''), location.search.replace(/^\?/, '')]) {
    const token = new URLSearchParams(part).get('token');
    if (token && token.trim()) return token.trim();
  }
  return null;
}
