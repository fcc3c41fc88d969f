/*
 * SPARKTherapy service worker, written by hand so that what it stores is obvious.
 * - Precaches the app shell (index.html and the build files it names) so the app opens without a network,
 *   on every route: navigations that fail fall back to the cached index.html.
 * - Serves /assets/* (content-hashed build files) cache-first.
 * - Never stores /api/* or /metrics responses: they can carry PHI and must only come from the server.
 */
const VERSION = 'v2';
const SHELL_CACHE = `spark-shell-${VERSION}`;
const ASSET_CACHE = `spark-assets-${VERSION}`;
const SHELL_URLS = ['/', '/index.html', '/manifest.webmanifest', '/icons/icon.svg', '/icons/icon-192.png'];

/** The /assets/* files index.html loads: cached at install, because the first visit fetched them before this worker ran. */
async function precacheShellAssets() {
  const shell = await caches.open(SHELL_CACHE);
  const index = await shell.match('/index.html');
  if (!index) return;
  const html = await index.text();
  const assets = [...new Set(html.match(/\/assets\/[^"'\s)]+/g) ?? [])];
  const cache = await caches.open(ASSET_CACHE);
  await cache.addAll(assets);
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.addAll(SHELL_URLS))
      .then(precacheShellAssets)
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  const keep = new Set([SHELL_CACHE, ASSET_CACHE]);
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => !keep.has(key)).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

function isPrivate(url) {
  return url.pathname.startsWith('/api/') || url.pathname === '/api' || url.pathname.startsWith('/metrics');
}

async function cacheFirst(request) {
  const cache = await caches.open(ASSET_CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) cache.put(request, response.clone());
  return response;
}

async function appShell(request) {
  const cache = await caches.open(SHELL_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) cache.put('/index.html', response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match('/index.html');
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || isPrivate(url)) return;

  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));
  } else if (request.mode === 'navigate') {
    event.respondWith(appShell(request));
  }
});
