// Entry point: registers the service worker (offline app shell) and the root component.
import './paragon-terminal.js';

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/terminal/sw.js', { scope: '/terminal' }).then(() => navigator.serviceWorker.ready).then((registration) => {
    // Modules this page loaded before the worker controlled it (Lit from the webjars): cache them too.
    const urls = performance.getEntriesByType('resource').map((e) => e.name)
      .filter((u) => u.startsWith(location.origin + '/webjars/') || u.startsWith(location.origin + '/terminal/'));
    registration.active?.postMessage({ type: 'cache', urls });
  }).catch((e) => console.error('service worker', e));
}
