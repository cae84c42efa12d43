// What the receipt panel offers and previews for sent lines, prices, payment locks and merges
// (state.js and the controller's permission and lease checks, without a browser).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyState, applySnapshot, preview, receiptList, leaseActive }
  from '../../main/resources/public/terminal/state.js';
import { Session } from '../../main/resources/public/terminal/session.js';
import { ReceiptsView } from '../../main/resources/public/terminal/receipts-view.js';
import { CashierActions } from '../../main/resources/public/terminal/actions.js';
import { createOutbox } from '../../main/resources/public/terminal/outbox.js';

const line = (id, over = {}) => ({
  id, productId: null, name: id, unitPrice: 1000, quantity: 1000, vat: '23', note: null,
  sent: false, total: 1000, ...over,
});
const receipt = (id, over = {}) => ({
  id, space: 'shop:1', slotId: null, name: id, kind: 'AD_HOC', state: 'OPEN', ownerUserId: 1,
  ownerRoleId: 1, note: null, guests: 0, lease: null, lines: [], total: 0, seq: 1, ...over,
});
const me = { userId: 1, roleId: 1 };
const entry = (number, command) => ({ number, command });
const state = (...receipts) => applySnapshot(emptyState(), { space: 'shop:1', seq: 1, receipts });

test('send to kitchen previews the named lines as sent, the others stay unsent', () => {
  const s = state(receipt('a', { lines: [line('x'), line('y')] }));
  const r = preview(s, [entry(1, { type: 'markSent', receiptId: 'a', lineIds: ['x'] })], { me }).a;
  assert.deepEqual(r.lines.map((l) => [l.id, l.sent]), [['x', true], ['y', false]]);
  const all = preview(s, [entry(1, { type: 'markSent', receiptId: 'a' })], { me }).a;
  assert.deepEqual(all.lines.map((l) => l.sent), [true, true]);
});

test('a price change previews the new price and total; breaking a lock previews the receipt '
  + 'free', () => {
  const s = state(
    receipt('a', { lines: [line('x', { quantity: 2000, total: 2000 })], total: 2000 }),
    receipt('b', { state: 'PAYING',
      lease: { deviceId: 9, userId: 2, userName: 'Ola', until: 5000 } }));
  const p = preview(s, [entry(1, { type: 'changePrice', lineId: 'x', unitPrice: 1250 }),
    entry(2, { type: 'breakLease', receiptId: 'b' })], { me });
  assert.equal(p.a.lines[0].unitPrice, 1250);
  assert.equal(p.a.total, 2500);
  assert.equal(p.b.state, 'OPEN');
  assert.equal(p.b.lease, null);
});

test('a merge previews the source note appended and the guests added, as the server keeps '
  + 'them', () => {
  const s = state(receipt('from', { lines: [line('x')], note: 'alergia', guests: 3 }),
    receipt('into', { lines: [line('y')], note: 'okno', guests: 2 }),
    receipt('bare', { lines: [] }));
  const merge = (into) => entry(1, { type: 'merge', receiptId: 'from', targetReceiptId: into });
  const p = preview(s, [merge('into')], { me });
  assert.equal(p.from, undefined);
  assert.equal(p.into.note, 'okno · alergia');
  assert.equal(p.into.guests, 5);
  const q = preview(s, [merge('bare')], { me });
  assert.equal(q.bare.note, 'alergia');
});

test('a lease counts while it runs (or has no end yet: this device is taking it), an expired one '
  + 'is free', () => {
  const paying = (until) => receipt('a',
    { state: 'PAYING', lease: { deviceId: 9, userId: 2, until } });
  assert.equal(leaseActive(paying(5000), 4000), true);
  assert.equal(leaseActive(paying(5000), 5000), false);
  assert.equal(leaseActive(paying(undefined), 4000), true);
  assert.equal(leaseActive(receipt('a'), 4000), false);
  const list = receiptList({ a: paying(5000) }, [], me, 6000);
  assert.equal(list[0].paying, false, 'an expired lease is not listed as paying');
  assert.equal(receiptList({ a: paying(5000) }, [], me, 4000)[0].paying, true);
});

/**
 * The terminal's parts with no I/O (terminal.js composes them so): a session, an applied
 * configuration, a device, the server clock at {@code now}.
 */
function terminal({ permissions = [], config = null, now = 4000 } = {}) {
  const api = { serverOffset: now - Date.now() };
  const session = new Session({ api, sync: { config } }, {});
  session.login = { user: { id: 1, roleId: 10, permissions } };
  session.device = { id: 1 };
  const view = new ReceiptsView(() => ({ me: session.me, deviceId: session.device.id, config,
    outbox: createOutbox(), lang: 'pl', now: Date.now() + api.serverOffset }));
  const actions = new CashierActions({ view, queue: null, session }, {});
  return {
    can: (permission) => session.can(permission),
    mayLower: (l) => actions.mayLower(l),
    mayDelete: (r) => actions.mayDelete(r),
    editable: (r) => view.editable(r),
    lockedBy: (r) => view.lockedBy(r),
    payingHere: (r) => view.payingHere(r),
  };
}

test('permissions follow the applied configuration\'s role (what the server enforces), else the '
  + 'login answer', () => {
  assert.equal(terminal({ permissions: ['VOID_LINES'] }).can('VOID_LINES'), true);
  const config = { users: [{ id: 1, roleId: 20 }],
    roles: [{ id: 10, permissions: [] }, { id: 20, permissions: ['CHANGE_PRICES'] }] };
  const t = terminal({ permissions: ['VOID_LINES'], config });
  assert.equal(t.can('VOID_LINES'), false, 'revoked by a revision applied after login');
  assert.equal(t.can('CHANGE_PRICES'), true, 'the new role of the user');
});

test('a sent line is lowered or removed and a receipt with lines deleted only with '
  + 'VOID_LINES', () => {
  const waiter = terminal();
  const manager = terminal({ permissions: ['VOID_LINES'] });
  assert.equal(waiter.mayLower(line('x', { sent: true })), false);
  assert.equal(waiter.mayLower(line('x')), true);
  assert.equal(manager.mayLower(line('x', { sent: true })), true);
  assert.equal(waiter.mayDelete(receipt('a', { lines: [line('x')] })), false);
  assert.equal(waiter.mayDelete(receipt('a')), true);
  assert.equal(manager.mayDelete(receipt('a', { lines: [line('x')] })), true);
});

test('a colleague\'s running lease locks the receipt; once expired it is editable and nobody\'s '
  + 'payment', () => {
  const t = terminal({ now: 4000 });
  const theirs = receipt('a', { state: 'PAYING', lease: { deviceId: 9, userId: 2, until: 5000 } });
  assert.equal(t.editable(theirs), false);
  assert.deepEqual(t.lockedBy(theirs), theirs.lease);
  assert.equal(t.payingHere(theirs), false);
  const later = terminal({ now: 6000 });
  assert.equal(later.editable(theirs), true);
  assert.equal(later.lockedBy(theirs), null);
  assert.equal(later.payingHere(theirs), false,
    'an expired lease of another terminal is not "in progress on this terminal"');
  const mine = receipt('b', { state: 'PAYING', lease: { deviceId: 1, userId: 1, until: 5000 } });
  assert.equal(t.payingHere(mine), true);
  assert.equal(later.payingHere(mine), false);
});
