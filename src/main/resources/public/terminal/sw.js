// The terminal's service worker: keeps the app shell (HTML, modules, Lit) so the app opens and
// works with the network gone. The server stamps VERSION (a hash of every app file) and the
// precache list. Cache-first for the shell and modules of this version; API calls and the stream
// never touch it.
const VERSION = '@VERSION@';
const CACHE = 'paragon-terminal-' + VERSION;
const PRECACHE = ['/terminal', /*@PRECACHE@*/];
// Lit's modules carry their version in the path (/webjars/lit-html/3.x/...), so they never go
// stale: they live in a cache of their own that no upgrade deletes. (Deleting them with the old
// version's cache left an upgraded terminal that reloads offline without Lit: a blank page.)
const WEBJARS = 'paragon-webjars';
const cacheFor = (path) => (path.startsWith('/webjars/') ? WEBJARS : CACHE);

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const old = (await caches.keys())
      .filter((k) => k.startsWith('paragon-terminal-') && k !== CACHE);
    const webjars = await caches.open(WEBJARS);
    for (const key of old) {
      // An older version kept Lit in its own cache: keep those modules before the cache goes.
      const cache = await caches.open(key);
      for (const request of await cache.keys()) {
        if (new URL(request.url).pathname.startsWith('/webjars/')
          && !(await webjars.match(request))) {
          await webjars.put(request, await cache.match(request));
        }
      }
      await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data?.type !== 'cache') return;
  event.waitUntil(Promise.all(event.data.urls.map(async (url) => {
    const cache = await caches.open(cacheFor(new URL(url).pathname));
    if (!(await cache.match(url))) await cache.add(url);
  })));
});

function cacheable(url) {
  return url.origin === location.origin
    && (url.pathname === '/terminal' || url.pathname === '/terminal/'
      || url.pathname.startsWith('/terminal/') || url.pathname.startsWith('/webjars/'));
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || !cacheable(url)) return;
  const key = url.pathname === '/terminal/' ? '/terminal' : url.pathname;
  event.respondWith(caches.open(cacheFor(key)).then(async (cache) => {
    const hit = await cache.match(key);
    if (hit) return hit;
    const response = await fetch(request);
    if (response.ok) cache.put(key, response.clone());
    return response;
  }));
});
