import { test } from 'node:test';
import assert from 'node:assert/strict';
import { floorRooms, tableView, openMinutes, durationText, tooLong, moveChoice, spanOf, TABLE_SPAN }
  from '../../main/resources/public/terminal/floor.js';
import { previewMore } from '../../main/resources/public/terminal/table-moves.js';
import { preview, receiptList } from '../../main/resources/public/terminal/state.js';
import { translate } from '../../main/resources/public/terminal/i18n.js';

const slots = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => ({ id: 't' + n, name: 'Stolik ' + n, position: n }));

test('without a plan the tables are laid out in list order, eight a row, each TABLE_SPAN apart', () => {
  for (const floor of [undefined, null, { openTooLongMinutes: 90, rooms: [] }]) {
    const rooms = floorRooms(floor, slots);
    assert.equal(rooms.length, 1);
    assert.equal(rooms[0].name, null);
    assert.deepEqual(rooms[0].tables.map((t) => t.slotId), slots.map((s) => s.id));
    assert.deepEqual([rooms[0].tables[0].x, rooms[0].tables[0].y], [0, 0]);
    assert.deepEqual([rooms[0].tables[7].x, rooms[0].tables[7].y], [7 * TABLE_SPAN, 0]);
    assert.deepEqual([rooms[0].tables[8].x, rooms[0].tables[8].y], [0, TABLE_SPAN]);
  }
  assert.deepEqual(floorRooms(undefined, []), []);
});

test('a plan shows its rooms in order; a removed table is gone, an unplaced one gets a room of its own', () => {
  const floor = { openTooLongMinutes: 60, rooms: [
    { id: 8, name: 'Ogród', position: 1, tables: [{ slotId: 't2', x: 1, y: 1, shape: 'round', seats: 2 }] },
    { id: 7, name: 'Sala', position: 0, tables: [
      { slotId: 't1', x: 2, y: 3, shape: 'round', seats: 4 },
      { slotId: 'gone', x: 5, y: 5, shape: 'square', seats: 4 },
      { slotId: 't3', x: 30, y: 40, shape: 'hexagon', seats: 6 }] },
  ] };
  const rooms = floorRooms(floor, slots.slice(0, 4));
  assert.deepEqual(rooms.map((r) => r.name), ['Sala', 'Ogród', null]);
  assert.deepEqual(rooms[0].tables.map((t) => t.slotId), ['t1', 't3']);
  assert.deepEqual(rooms[0].tables[0], { slotId: 't1', slot: slots[0], x: 2, y: 3, shape: 'round', seats: 4 });
  // Off the grid is pulled onto it; an unknown shape is square.
  assert.deepEqual([rooms[0].tables[1].x, rooms[0].tables[1].y, rooms[0].tables[1].shape], [21, 13, 'square']);
  assert.equal(rooms[2].id, 'unplaced');
  assert.deepEqual(rooms[2].tables.map((t) => t.slotId), ['t4']);
});

const me = { userId: 1, roleId: 1 };
const users = [{ id: 1, name: 'Anna Nowak' }, { id: 2, name: 'Ola Wiśniewska' }];
const open = (id, slotId, owner, extra = {}) => ({ id, slotId, kind: 'TABLE', name: 'x', ownerUserId: owner,
  state: 'OPEN', total: 2500, createdAt: 1_000_000, lines: [], ...extra });

test('a table shows free, mine, a colleague\'s with the name, or occupied without contents', () => {
  const receipts = {
    a: open('a', 't1', 1), b: open('b', 't2', 2),
    c: { id: 'c', slotId: 't3', name: 'Stolik 3', occupied: true, state: 'OPEN' },
  };
  const list = receiptList(receipts, slots.slice(0, 4), me, 0);
  const views = list.map((item) => tableView(item, users));
  assert.deepEqual(views.map((v) => v.status), ['mine', 'colleague', 'hidden', 'free']);
  assert.equal(views[0].waiter, null);
  assert.equal(views[1].waiter, 'Ola Wiśniewska');
  assert.equal(views[1].total, 2500);
  assert.equal(views[1].openedAt, 1_000_000);
  assert.deepEqual([views[2].total, views[2].openedAt, views[2].waiter], [null, null, null]);
  assert.deepEqual([views[3].total, views[3].tone], [null, 'free']);
});

test('paying colours the table before attention, attention before the status; the waiting course is named', () => {
  const lease = { deviceId: 9, userId: 2, until: 5000 };
  const receipts = {
    a: open('a', 't1', 1, { state: 'PAYING', lease, attention: true }),
    b: open('b', 't2', 2, { attention: true, lines: [
      { id: 'l1', course: 1, sent: true }, { id: 'l2', course: 2, sent: false }] }),
  };
  const views = receiptList(receipts, slots.slice(0, 2), me, 1000).map((item) => tableView(item, users));
  assert.deepEqual(views.map((v) => v.tone), ['paying', 'attention']);
  assert.deepEqual(views.map((v) => v.course), [null, 2]);
  // The lease ran out: the table is free to work on again, attention shows.
  const later = receiptList(receipts, slots.slice(0, 1), me, 6000).map((item) => tableView(item, users));
  assert.equal(later[0].tone, 'attention');
});

test('open time in whole minutes, in words, and past the threshold (90 without one)', () => {
  assert.equal(openMinutes(0, 1), null);
  assert.equal(openMinutes(1_000_000, 1_000_000 + 59_999), 0);
  assert.equal(openMinutes(1_000_000, 1_000_000 + 125 * 60_000), 125);
  assert.equal(openMinutes(2_000_000, 1_000_000), 0);
  const t = (key, args) => translate('en', key, args);
  assert.equal(durationText(45, t), '45 min');
  assert.equal(durationText(65, t), '1 h 05 min');
  assert.equal(durationText(null, t), '');
  assert.equal(tooLong(89, undefined), false);
  assert.equal(tooLong(90, undefined), true);
  assert.equal(tooLong(30, { openTooLongMinutes: 30 }), true);
  assert.equal(tooLong(null, { openTooLongMinutes: 1 }), false);
});

test('a receipt can move to any table but its own; an occupied one is a merge', () => {
  const receipts = { a: open('a', 't1', 1), b: open('b', 't2', 2) };
  const list = receiptList(receipts, slots.slice(0, 3), me, 0);
  assert.equal(moveChoice(list[0], receipts.a), null);
  assert.deepEqual(moveChoice(list[1], receipts.a), { slot: slots[1], free: false, receipt: receipts.b });
  assert.deepEqual(moveChoice(list[2], receipts.a), { slot: slots[2], free: true, receipt: null });
});

test('moveReceipt previews the receipt on its new table, the old one free; onto a taken table nothing moves', () => {
  const state = { cursors: {}, receipts: { a: open('a', 't1', 1, { space: 's' }), b: open('b', 't2', 2, { space: 's' }) },
    applied: {}, resync: {} };
  const entry = (slotId, about) => ({ number: 1, command: { type: 'moveReceipt', receiptId: 'a', slotId }, about });
  const moved = preview(state, [entry('t3', { targetName: 'Stolik 3' })], { me });
  assert.deepEqual([moved.a.slotId, moved.a.name, moved.a.kind, moved.a.preview], ['t3', 'Stolik 3', 'TABLE', true]);
  const list = receiptList(moved, slots.slice(0, 3), me, 0);
  assert.deepEqual(list.map((i) => i.status), ['empty', 'colleague', 'mine']);
  assert.equal(preview(state, [entry('t2', {})], { me }), state.receipts);
  // An ad-hoc receipt becomes a table's.
  const adHoc = { s: { id: 's', kind: 'AD_HOC', name: 'Sprzedaż 1', defaultName: { number: 1 }, slotId: null } };
  const r = previewMore(adHoc, { command: { type: 'moveReceipt', receiptId: 's', slotId: 't1' },
    about: { targetName: 'Stolik 1' } }).s;
  assert.deepEqual([r.kind, r.slotId, r.name, r.defaultName], ['TABLE', 't1', 'Stolik 1', null]);
  // Other commands pass through untouched.
  assert.equal(previewMore(adHoc, { command: { type: 'rename', receiptId: 's' } }), adHoc);
});

test('a room\'s tables are as large as the plan leaves room for: 3 cells, else less', () => {
  assert.equal(spanOfPlan([[0, 0], [3, 0], [0, 3]]), 3);
  assert.equal(spanOfPlan([[0, 0], [2, 0], [5, 5]]), 2);
  assert.equal(spanOfPlan([[0, 0], [1, 1]]), 1);
  assert.equal(spanOfPlan([]), 3);
  const floor = { rooms: [{ id: 1, name: 'Bar', position: 0, tables: [
    { slotId: 't1', x: 22, y: 0, shape: 'round', seats: 2 }, { slotId: 't2', x: 23, y: 0, shape: 'round', seats: 2 }] }] };
  const [bar] = floorRooms(floor, slots.slice(0, 2));
  assert.equal(bar.span, 1);
  assert.deepEqual(bar.tables.map((t) => t.x), [22, 23]);
});

function spanOfPlan(cells) {
  return spanOf(cells.map(([x, y]) => ({ x, y })));
}
