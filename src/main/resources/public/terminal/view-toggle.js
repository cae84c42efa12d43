// The List / Floor switch above the receipts list and the floor view (issue 12): a pair of toggle
// buttons that fire 'view' (detail 'list' or 'floor') from {@code host}; the sale screen decides
// what shows.
import { html } from 'lit';

/** The switch as {@code host} shows it, {@code mode} ('list' or 'floor') pressed. */
export function viewToggle(t, mode, host) {
  const pick = (to) => host.dispatchEvent(new CustomEvent('view', { detail: to, bubbles: true }));
  return html`<div class="view-toggle" role="group" aria-label=${t.t('floor.view')}>
    ${['list', 'floor'].map((m) => html`<button type="button" data-view=${m}
      aria-pressed=${m === mode ? 'true' : 'false'}
      @click=${() => pick(m)}>${t.t('floor.' + m)}</button>`)}
  </div>`;
}
