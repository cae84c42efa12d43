// Entry point: registers the service worker (offline app shell) and the root component.
import './paragon-terminal.js';

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/terminal/sw.js', { scope: '/terminal' })
    .then(() => navigator.serviceWorker.ready).then((registration) => {
      // Modules this page loaded before the worker controlled it (Lit from the webjars): cache them
      // too.
      const urls = performance.getEntriesByType('resource').map((e) => e.name)
        .filter((u) => u.startsWith(location.origin + '/webjars/')
          || u.startsWith(location.origin + '/terminal/'));
      registration.active?.postMessage({ type: 'cache', urls });
    }).catch((e) => console.error('service worker', e));
  // A new version's worker took over while this page runs the old modules: reload into the new
  // version once the cashier is between actions (no dialog, no field being typed in, nothing
  // unsent).
  let controlled = !!navigator.serviceWorker.controller;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // The worker was removed (site data cleared): nothing newer.
    if (!navigator.serviceWorker.controller) return;
    if (!controlled) {
      controlled = true; // the first worker of this page: the same version
      return;
    }
    const reloadWhenIdle = () => {
      const busy = document.querySelector('dialog[open]')
        || document.activeElement?.matches('input, textarea')
        || (window.paragonTerminal?.unsent ?? 0) > 0;
      if (busy) setTimeout(reloadWhenIdle, 15_000);
      else location.reload();
    };
    reloadWhenIdle();
  });
}
