// The terminal's service worker: keeps the app shell (HTML, modules, Lit) so the app opens and works
// with the network gone. The server stamps VERSION (a hash of every app file) and the precache list.
// Cache-first for the shell and modules of this version; API calls and the stream never touch it.
const VERSION = '@VERSION@';
const CACHE = 'paragon-terminal-' + VERSION;
const PRECACHE = ['/terminal', /*@PRECACHE@*/];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('paragon-terminal-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  if (event.data?.type !== 'cache') return;
  event.waitUntil(caches.open(CACHE).then((cache) => Promise.all(event.data.urls.map(async (url) => {
    if (!(await cache.match(url))) await cache.add(url);
  }))));
});

function cacheable(url) {
  return url.origin === location.origin
    && (url.pathname === '/terminal' || url.pathname === '/terminal/' || url.pathname.startsWith('/terminal/') || url.pathname.startsWith('/webjars/'));
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || !cacheable(url)) return;
  const key = url.pathname === '/terminal/' ? '/terminal' : url.pathname;
  event.respondWith(caches.open(CACHE).then(async (cache) => {
    const hit = await cache.match(key);
    if (hit) return hit;
    const response = await fetch(request);
    if (response.ok) cache.put(key, response.clone());
    return response;
  }));
});
