// The floor view (issue 12, docs/terminal.md "Floor view"): the shop's rooms as tabs, each table at
// its place on the grid (floor.js), showing its state by colour and by word, its total, how long it
// has been open (the receipt's createdAt), a mark past openTooLongMinutes and the course that waits.
// It reads the receipts list (state.js receiptList) so it is live like the list: a colleague's change
// re-renders it through the terminal's 'change'. The open time is the only thing that changes with
// the clock: a timer rewrites those texts alone every 30 s (tick), without rendering the floor again.
// With {@code choosing} set (a receipt to move, move-table-dialog.js) a tap fires 'chosen' with the
// table (floor.js moveChoice) instead of opening it.
import { html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { TerminalElement } from './terminal-element.js';
import { formatMoney } from './money.js';
import { floorRooms, tableView, openMinutes, durationText, tooLong, moveChoice } from './floor.js';
import { viewToggle } from './view-toggle.js';

const TICK_MS = 30_000;

class FloorPlan extends TerminalElement {
  static properties = { room: { state: true }, choosing: { attribute: false } };

  connectedCallback() {
    super.connectedCallback();
    this.timer = setInterval(() => this.tick(), TICK_MS);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  updated() {
    this.tick();
  }

  /** Rewrites every table's open time and its "too long" mark (not a Lit binding: no re-render). */
  tick() {
    const t = this.terminal;
    if (!t) return;
    const now = t.serverNow();
    const tr = (k, a) => t.t(k, a);
    for (const table of this.querySelectorAll('.table')) {
      const span = table.querySelector('.open-for');
      const minutes = span ? openMinutes(Number(span.dataset.openedAt), now) : null;
      const long = tooLong(minutes, t.config?.floor);
      if (span) {
        span.textContent = durationText(minutes, tr) + (long ? ' · ' + tr('floor.tooLong') : '');
      }
      table.toggleAttribute('data-too-long', long);
    }
  }

  pick(table, item) {
    const t = this.terminal;
    if (this.choosing) {
      const choice = moveChoice(item, this.choosing);
      if (choice) this.dispatchEvent(new CustomEvent('chosen', { detail: choice, bubbles: true }));
      return;
    }
    if (item?.receipt) t.select(item.receipt.id);
    else t.openTable(table.slot);
    this.dispatchEvent(new CustomEvent('picked', { bubbles: true }));
  }

  /** Whether a table can be chosen to move {@code choosing} to: free, or a receipt I may change. */
  choosable(item) {
    const choice = moveChoice(item, this.choosing);
    return !!choice && (choice.free || this.terminal.editable(choice.receipt));
  }

  tile(table, item, current) {
    const t = this.terminal;
    const v = tableView(item, t.config?.users ?? []);
    const words = [t.t('floor.' + v.status) + (v.waiter ? ': ' + v.waiter : ''),
      v.paying ? t.t('floor.paying') : null, v.attention ? t.t('floor.attention') : null]
      .filter((w) => w).join(' · ');
    const isCurrent = !!item?.receipt && item.receipt.id === current;
    return html`<button class="table ${table.shape} ${v.tone}"
      data-slot=${table.slotId} data-status=${v.status} data-tone=${v.tone}
      style="--col:${table.x + 1};--row:${table.y + 1}"
      aria-current=${isCurrent ? 'true' : 'false'}
      ?disabled=${this.choosing ? !this.choosable(item) : false}
      @click=${() => this.pick(table, item)}>
      <span class="table-name">${v.attention ? '⚠ ' : ''}${table.slot.name}</span>
      <span class="table-state" title=${words}>${words}</span>
      ${v.total != null ? html`<span class="table-total amount">${formatMoney(v.total, t.lang)}</span>` : ''}
      ${v.openedAt != null ? html`<span class="open-for" data-opened-at=${v.openedAt}></span>` : ''}
      ${v.course != null ? html`<span class="table-course">${t.t('floor.course',
        { course: v.course })}</span>` : ''}
    </button>`;
  }

  render() {
    const t = this.terminal;
    const rooms = floorRooms(t.config?.floor, t.slots);
    const items = new Map(t.list.filter((i) => i.slot).map((i) => [i.slot.id, i]));
    const room = rooms.find((r) => r.id === this.room) ?? rooms[0];
    const roomName = (r) => r.name ?? t.t(r.id === 'unplaced' ? 'floor.unplaced' : 'floor.allTables');
    const current = t.current?.id;
    // In plan order top to bottom, left to right: a phone lays the tables out in that order.
    const tables = [...(room?.tables ?? [])].sort((a, b) => a.y - b.y || a.x - b.x);
    return html`<section class="floor-view" aria-label=${t.t('floor.title')}>
      ${this.choosing ? '' : html`<div class="floor-head">
        <h2>${t.t('floor.title')}</h2>${viewToggle(t, 'floor', this)}</div>`}
      ${rooms.length > 1 ? html`<div class="floor-rooms" role="tablist"
        aria-label=${t.t('floor.rooms')}>${rooms.map((r) => html`<button role="tab"
          data-room=${r.id} aria-selected=${r === room ? 'true' : 'false'}
          @click=${() => { this.room = r.id; }}>${roomName(r)}</button>`)}</div>` : ''}
      ${room ? html`<div class="floor-room" style="--span:${room.span}"
        role=${rooms.length > 1 ? 'tabpanel' : 'group'}
        aria-label=${roomName(room)}>${repeat(tables, (x) => x.slotId,
          (x) => this.tile(x, items.get(x.slotId), current))}</div>`
        : html`<p class="muted">${t.t('floor.none')}</p>`}
    </section>`;
  }
}
customElements.define('floor-plan', FloorPlan);
