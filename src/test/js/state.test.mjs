import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  emptyState, applySnapshot, applyChange, applyFrame, keepSpaces, preview, receiptList,
  tableReceipt, nextSaleNumber, named,
} from '../../main/resources/public/terminal/state.js';
import {
  createOutbox, enqueue, unconfirmed, unsentCount, acknowledge,
} from '../../main/resources/public/terminal/outbox.js';

const line = (id, name, unitPrice, quantity, vat = '23') => ({ id, productId: null, name, unitPrice,
  quantity, vat, note: null, sent: false, total: unitPrice * quantity / 1000 });
const receipt = (id, over = {}) => ({
  id, space: 'shop:1', shopId: 1, slotId: null, name: id, kind: 'AD_HOC', state: 'OPEN',
  ownerUserId: 1, ownerRoleId: 1, createdOnDevice: 1, attention: false, note: null, guests: 0,
  lease: null, lines: [], total: 0, seq: 1, updatedAt: 0, ...over,
});
const me = { userId: 1, roleId: 1, userName: 'Ala' };

test('a snapshot replaces its space and sets its cursor; closed receipts are not kept; other '
  + 'spaces stay', () => {
  let s = applySnapshot(emptyState(), { space: 'shop:1', seq: 5, receipts: [receipt('a')] });
  s = applySnapshot(s,
    { space: 'device:4', seq: 2, receipts: [receipt('own', { space: 'device:4' })] });
  s = applySnapshot(s, { space: 'shop:1', seq: 9, receipts: [receipt('b'),
    receipt('c', { state: 'CLOSED' })] });
  assert.deepEqual(s.cursors, { 'shop:1': 9, 'device:4': 2 });
  assert.deepEqual(Object.keys(s.receipts).sort(), ['b', 'own']);
});

test('cursors are per space', () => {
  let s = applySnapshot(emptyState(), { space: 'shop:1', seq: 50, receipts: [] });
  s = applyChange(s, { space: 'device:4', seq: 3, receipt: receipt('x', { space: 'device:4' }) });
  assert.ok(s.receipts.x);
  assert.deepEqual(s.cursors, { 'shop:1': 50, 'device:4': 3 });
});

test('a receipt that joined the shop is not dropped by the late frames of its old space', () => {
  let s = applySnapshot(emptyState(), { space: 'device:4', seq: 3, receipts: [] });
  s = applyChange(s, { space: 'shop:1', seq: 9, receipt: receipt('x',
    { name: 'Sprzedaż 2', updatedAt: 50 }) });
  // The device space was behind: its older copy and its DELETED row (the move) arrive afterwards.
  s = applyChange(s, { space: 'device:4', seq: 4, receipt: receipt('x',
    { space: 'device:4', updatedAt: 20 }) });
  s = applyChange(s, { space: 'device:4', seq: 5, receipt: receipt('x', { space: 'device:4',
    state: 'DELETED', updatedAt: 50 }) });
  s = applyFrame(s, { type: 'gone', space: 'device:4', seq: 6, id: 'x' });
  assert.equal(s.receipts.x.space, 'shop:1');
  assert.equal(s.receipts.x.name, 'Sprzedaż 2');
  assert.deepEqual(s.cursors, { 'device:4': 6, 'shop:1': 9 });
  // In its own space it still leaves as before.
  s = applyChange(s, { space: 'shop:1', seq: 10, receipt: receipt('x',
    { state: 'CLOSED', updatedAt: 60 }) });
  assert.equal(s.receipts.x, undefined);
});

test('changes apply by seq: newer replaces, older or repeated is ignored, a skipped seq is '
  + 'fine', () => {
  let s = applySnapshot(emptyState(), { space: 'shop:1', seq: 5,
    receipts: [receipt('a', { name: 'old' })] });
  s = applyChange(s, { space: 'shop:1', seq: 8, receipt: receipt('a', { name: 'new' }) });
  assert.equal(s.receipts.a.name, 'new');
  const same = applyChange(s, { space: 'shop:1', seq: 8, receipt: receipt('a', { name: 'dup' }) });
  assert.equal(same, s);
  assert.equal(applyChange(s, { space: 'shop:1', seq: 6,
    receipt: receipt('a', { name: 'stale' }) }).receipts.a.name, 'new');
  assert.equal(s.cursors['shop:1'], 8);
});

test('paid, deleted and gone receipts leave; an occupied table stays without contents', () => {
  let s = applySnapshot(emptyState(), { space: 'shop:1', seq: 1, receipts: [receipt('a'),
    receipt('b'), receipt('c')] });
  s = applyChange(s, { space: 'shop:1', seq: 2, receipt: receipt('a', { state: 'CLOSED' }) });
  s = applyChange(s, { space: 'shop:1', seq: 3, receipt: receipt('b', { state: 'DELETED' }) });
  s = applyChange(s, { space: 'shop:1', seq: 4, receipt: { id: 'c', gone: true } });
  s = applyChange(s, { space: 'shop:1', seq: 5, receipt: { id: 't', slotId: 's1', name: 'Stolik 1',
    kind: 'TABLE', state: 'OPEN', occupied: true } });
  assert.deepEqual(Object.keys(s.receipts), ['t']);
  assert.equal(s.receipts.t.lines, undefined);
});

test('the preview adds own unconfirmed lines with a preview total; the server state is '
  + 'untouched', () => {
  const s = applySnapshot(emptyState(), { space: 'shop:1', seq: 1, receipts: [receipt('a',
    { lines: [line('x', 'Kawa', 900, 1000)], total: 900 })] });
  const entries = [
    { number: 1, command: { type: 'addLine', receiptId: 'a', lineId: 'y', name: 'Ciastko',
      unitPrice: 1250, quantity: 2000, vat: '8' } },
    { number: 2, command: { type: 'adjustQuantity', lineId: 'x', delta: 1000 } },
  ];
  const r = preview(s, entries, { me }).a;
  assert.deepEqual(r.lines.map((l) => [l.name, l.quantity, l.total]),
    [['Kawa', 2000, 1800], ['Ciastko', 2000, 2500]]);
  assert.equal(r.total, 4300);
  assert.equal(r.preview, true);
  assert.equal(s.receipts.a.total, 900);
  assert.equal(s.receipts.a.lines.length, 1);
});

test('a product with modifiers previews at its price plus the deltas, as the server prices '
  + 'it', () => {
  const s = applySnapshot(emptyState(), { space: 'shop:1', seq: 1, receipts: [receipt('a')] });
  const products = new Map([[5, { id: 5, name: 'Latte', price: 1400, vat: '8', groups: [1, 2] }]]);
  const groups = new Map([
    [1, { id: 1, name: 'Rozmiar', min: 1, max: 1,
      options: [{ id: 11, name: 'Duża', delta: 300 }] }],
    [2, { id: 2, name: 'Dodatki', min: 0, max: 0, options: [{ id: 21, name: 'Syrop', delta: 150 },
      { id: 22, name: 'Cynamon', delta: 0 }] }],
  ]);
  const entries = [{ number: 1, command: { type: 'addLine', receiptId: 'a', lineId: 'y',
    productId: 5, quantity: 2000, modifiers: [22, 11] } }];
  const r = preview(s, entries, { me, products, groups }).a;
  const l = r.lines[0];
  assert.equal(l.unitPrice, 1700);
  assert.equal(l.total, 3400);
  assert.deepEqual(l.modifiers, [
    { groupId: 1, optionId: 11, group: 'Rozmiar', name: 'Duża', delta: 300 },
    { groupId: 2, optionId: 22, group: 'Dodatki', name: 'Cynamon', delta: 0 },
  ]);
  assert.equal(r.total, 3400);
  const plain = preview(s, [{ number: 1, command: { type: 'addLine', receiptId: 'a', lineId: 'z',
    productId: 5 } }], { me, products, groups }).a.lines[0];
  assert.deepEqual(plain.modifiers, []);
  assert.equal(plain.unitPrice, 1400);
});

test('discounts preview on the line and the receipt; kind null removes one; the server\'s view '
  + 'then wins', () => {
  const s = applySnapshot(emptyState(), { space: 'shop:1', seq: 1, receipts: [receipt('a',
    { lines: [line('x', 'Kawa', 1000, 1000, '23'), line('y', 'Ciastko', 1000, 2000, '8')],
      total: 3000 })] });
  const entries = [
    { number: 1, command: { type: 'setLineDiscount', lineId: 'x', kind: 'AMOUNT',
      value: 100, reason: 'stały gość' } },
    { number: 2, command: { type: 'setReceiptDiscount', receiptId: 'a', kind: 'PERCENT',
      value: 1000, reason: 'happy hour' } },
  ];
  const r = preview(s, entries, { me }).a;
  assert.deepEqual(r.lines[0].discount, { kind: 'AMOUNT', value: 100, reason: 'stały gość',
    amount: 100 });
  assert.equal(r.lines[0].due, 900);
  assert.equal(r.discount.amount, 290);
  assert.equal(r.discountTotal, 390);
  assert.equal(r.total, 2610, 'to pay, after every discount');
  assert.deepEqual(r.vat.map((v) => v.gross), [810, 1800]);
  // A quantity change prices the discounts again.
  const more = preview(s, [...entries, { number: 3, command: { type: 'adjustQuantity', lineId: 'y',
    delta: 1000 } }], { me }).a;
  assert.equal(more.discount.amount, 390);
  assert.equal(more.total, 3510);
  const removed = preview(s, [...entries, { number: 3, command: { type: 'setReceiptDiscount',
    receiptId: 'a', kind: null } }, { number: 4, command: { type: 'setLineDiscount',
    receiptId: 'a', lineId: 'x', kind: null } }], { me }).a;
  assert.equal(removed.discount, null);
  assert.equal(removed.lines[0].discount, null);
  assert.equal(removed.total, 3000);
  const server = applyChange(s, { space: 'shop:1', seq: 2, by: { n: 2 }, receipt: receipt('a',
    { lines: [], total: 1, discount: null }) });
  assert.equal(preview(server, entries, { me }).a.total, 1, 'held: the server\'s total');
});

test('a line already on the server receipt is not previewed twice', () => {
  const s = applySnapshot(emptyState(), { space: 'shop:1', seq: 2, receipts: [receipt('a',
    { lines: [line('y', 'Ciastko', 1250, 2000)], total: 2500 })] });
  const r = preview(s, [{ number: 1, command: { type: 'addLine', receiptId: 'a', lineId: 'y',
    name: 'Ciastko', unitPrice: 1250, quantity: 2000 } }], { me }).a;
  assert.equal(r.lines.length, 1);
});

test('a table started here previews under its alias, joined to the server receipt of that table '
  + 'when there is one', () => {
  const entries = [
    { number: 1, alias: 'tmp', about: { receiptName: 'Stolik 1' },
      command: { type: 'openTable', slotId: 's1' } },
    { number: 2, command: { type: 'addLine', receiptId: 'tmp', lineId: 'l1',
      productId: 7, quantity: 1000 } },
  ];
  const products = new Map([[7, { id: 7, name: 'Piwo', price: 1200, vat: '23' }]]);
  const alone = preview(emptyState(), entries, { me, products });
  const t = tableReceipt(alone, 's1');
  assert.equal(t.id, 'tmp');
  assert.equal(t.name, 'Stolik 1');
  assert.deepEqual(t.lines.map((l) => [l.name, l.unitPrice, l.vat]), [['Piwo', 1200, '23']]);
  assert.equal(t.total, 1200);
  assert.equal(t.ownerUserId, 1);
  const s = applySnapshot(emptyState(), { space: 'shop:1', seq: 3, receipts: [receipt('srv',
    { slotId: 's1', kind: 'TABLE', name: 'Stolik 1',
      lines: [line('l0', 'Woda', 500, 1000)], total: 500 })] });
  const out = {};
  const joined = preview(s, entries, { me, products }, out);
  assert.deepEqual(Object.keys(joined), ['srv']);
  // The stream showed the table before the answer named its id: the alias is known from the replay.
  assert.deepEqual(out.aliases, { tmp: 'srv' });
  assert.equal(joined.srv.total, 1700);
  const resolved = preview(s, entries.slice(1), { me, products, aliases: { tmp: 'srv' } });
  assert.equal(resolved.srv.total, 1700);
  // Answered (the answer named the id) before the stream brought it: previewed under the real id.
  const answered = preview(emptyState(), entries, { me, products, aliases: { tmp: 'srv' } });
  assert.deepEqual(Object.keys(answered), ['srv']);
  assert.equal(answered.srv.name, 'Stolik 1');
  assert.equal(answered.srv.total, 1200);
});

test('the preview opens, renames, notes, splits, merges and pays', () => {
  const s = applySnapshot(emptyState(), { space: 'shop:1', seq: 1, receipts: [receipt('a',
    { lines: [line('x', 'Kawa', 900, 1000), line('y', 'Sok', 700, 1000)], total: 1600 }),
    receipt('b', { lines: [line('z', 'Woda', 500, 1000)], total: 500 })] });
  const cmds = [
    { about: { receiptName: 'Sale 3' }, command: { type: 'openAdHoc', receiptId: 'n' } },
    { command: { type: 'rename', receiptId: 'n', name: 'Ogród' } },
    { command: { type: 'noteLine', lineId: 'x', note: 'bez cukru' } },
    { command: { type: 'noteReceipt', receiptId: 'a', note: 'okno' } },
    { command: { type: 'setGuests', receiptId: 'a', guests: 3 } },
    { command: { type: 'moveLines', receiptId: 'a', targetReceiptId: 'n',
      lines: [{ lineId: 'y' }] } },
    { command: { type: 'merge', receiptId: 'b', targetReceiptId: 'a' } },
    { about: { targetName: 'Split' }, command: { type: 'moveLines', receiptId: 'a',
      targetReceiptId: 'm', newTarget: true, lines: [{ lineId: 'z' }] } },
  ].map((e, i) => ({ number: i + 1, ...e }));
  const p = preview(s, cmds, { me });
  assert.deepEqual(Object.keys(p).sort(), ['a', 'm', 'n']);
  assert.equal(p.n.name, 'Ogród');
  assert.deepEqual(p.n.lines.map((l) => l.name), ['Sok']);
  assert.deepEqual(p.a.lines.map((l) => l.name), ['Kawa']);
  assert.deepEqual(p.m.lines.map((l) => l.name), ['Woda']);
  assert.equal(p.m.name, 'Split');
  assert.equal(p.a.lines[0].note, 'bez cukru');
  assert.equal(p.a.note, 'okno');
  assert.equal(p.a.guests, 3);
  assert.equal(p.a.total, 900);
  const paid = preview(s, [{ number: 1, command: { type: 'pay',
    receiptId: 'a', seq: 1, payments: [] } }], { me });
  assert.deepEqual(Object.keys(paid), ['b']);
  // Cash taken offline closes the receipt here at once: the table is free on this terminal.
  const offline = preview(s, [{ number: 1, command: { type: 'payOffline', receiptId: 'a', seenSeq: 1,
    amount: 900, method: 'cash', paidAt: 1 } }], { me });
  assert.deepEqual(Object.keys(offline), ['b']);
});

test('quantity never goes below the minimum in the preview; remove and delete drop', () => {
  const s = applySnapshot(emptyState(), { space: 'shop:1', seq: 1, receipts: [receipt('a',
    { lines: [line('x', 'Kawa', 900, 1000), line('y', 'Sok', 700, 1000)] }), receipt('d')] });
  const p = preview(s, [
    { number: 1, command: { type: 'adjustQuantity', lineId: 'x', delta: -5000 } },
    { number: 2, command: { type: 'removeLine', lineId: 'y' } },
    { number: 3, command: { type: 'delete', receiptId: 'd' } },
  ], { me });
  assert.deepEqual(p.a.lines.map((l) => [l.id, l.quantity]), [['x', 1]]);
  assert.equal(p.d, undefined);
});

test('an occupied table I may not see is never edited by the preview', () => {
  const s = applySnapshot(emptyState(), { space: 'shop:1', seq: 1, receipts: [{ id: 't',
    slotId: 's1', name: 'Stolik 1', kind: 'TABLE', state: 'OPEN', occupied: true }] });
  const p = preview(s, [{ number: 1, command: { type: 'rename', receiptId: 't', name: 'x' } },
    { number: 2, command: { type: 'addLine', receiptId: 't', lineId: 'l',
    name: 'x', unitPrice: 1, vat: '0' } }], { me });
  assert.equal(p.t, s.receipts.t);
});

test('the list shows every table in slot order with its status, then other receipts in the '
  + 'order they were opened', () => {
  const receipts = {
    t2: receipt('t2', { slotId: 's2', kind: 'TABLE', name: 'Stolik 2', ownerUserId: 2 }),
    t3: { id: 't3', slotId: 's3', kind: 'TABLE', name: 'Stolik 3', state: 'OPEN', occupied: true },
    a10: receipt('a10', { name: 'Sale 10', createdAt: 2 }),
    a2: receipt('a2', { name: 'Sale 2', state: 'PAYING', lease: { deviceId: 2, userId: 2 }, createdAt: 1 }),
    old: receipt('old', { slotId: 'gone-slot', kind: 'TABLE', name: 'Taras 9', createdAt: 3 }),
    t1: receipt('t1', { slotId: 's1', kind: 'TABLE', name: 'Stolik 1' }),
  };
  const slots = [{ id: 's1', name: 'Stolik 1' }, { id: 's2', name: 'Stolik 2' },
    { id: 's3', name: 'Stolik 3' }, { id: 's4', name: 'Stolik 4' }];
  const list = receiptList(receipts, slots, me);
  assert.deepEqual(list.map((i) => [i.slot?.name ?? i.receipt.name, i.status]), [
    ['Stolik 1', 'mine'], ['Stolik 2', 'colleague'], ['Stolik 3', 'hidden'], ['Stolik 4', 'empty'],
    ['Sale 2', 'mine'], ['Sale 10', 'mine'], ['Taras 9', 'mine'],
  ]);
  assert.equal(list[4].paying, true);
});

test('a table open both locally and in the shop (before the sync that joins them) is listed twice, '
  + 'never hidden', () => {
  const receipts = {
    shared: receipt('shared', { slotId: 's3', kind: 'TABLE', name: 'Stolik 3',
      ownerUserId: 2, createdAt: 20 }),
    local: receipt('local', { space: 'device:4', slotId: 's3', kind: 'TABLE',
      name: 'Stolik 3', createdAt: 10 }),
  };
  const list = receiptList(receipts, [{ id: 's3', name: 'Stolik 3' }], me);
  assert.deepEqual(list.map((i) => [i.slot ? 'table' : 'other', i.receipt.id]),
    [['table', 'local'], ['other', 'shared']]);
  assert.equal(tableReceipt(receipts, 's3').id, 'local');
});

test('the next sale number is the lowest whose name no receipt nor table uses, in any '
  + 'language', () => {
  const sale = (n) => ({ defaultName: { number: n, recovered: false } });
  assert.equal(nextSaleNumber({ a: receipt('a', sale(1)), b: receipt('b', sale(3)) }), 2);
  assert.equal(nextSaleNumber({ a: receipt('a', { name: 'Sprzedaż 1' }),
    b: receipt('b', { name: 'Sale 2' }) }), 3);
  assert.equal(nextSaleNumber({}, [{ id: 's', name: 'Sale 1' }]), 2);
  assert.equal(nextSaleNumber({}), 1);
});

test("receipts are named in the terminal's language; a renamed one keeps its name; the draft is "
  + "the next Sale N", () => {
  const receipts = {
    a: receipt('a', { name: 'Sprzedaż 1', defaultName: { number: 1, recovered: false } }),
    b: receipt('b',
      { name: 'Sprzedaż 2 (odzyskany)', defaultName: { number: 2, recovered: true } }),
    c: receipt('c', { name: 'Sprzedaż 3', defaultName: null }),
  };
  const en = named(receipts, { lang: 'en', draft: { id: 'd', createdAt: 5 }, me });
  assert.deepEqual(Object.values(en).map((r) => r.name), ['Sale 1',
    'Sale 2 (recovered)', 'Sprzedaż 3', 'Sale 2']);
  assert.equal(en.d.draft, true);
  assert.equal(en.d.ownerUserId, me.userId);
  assert.equal(named(receipts, { lang: 'pl' }).a.name, 'Sprzedaż 1');
  assert.equal(named({ ...receipts, d: receipt('d') }, { draft: { id: 'd' } }).d.draft,
    undefined, 'created: no draft');
});

test("a rename in the preview makes the name the cashier's", () => {
  const s = applySnapshot(emptyState(), { space: 'shop:1', seq: 1,
    receipts: [receipt('a',
      { name: 'Sprzedaż 1', defaultName: { number: 1, recovered: false } })] });
  const out = preview(s, [{ number: 1, command: { type: 'rename',
    receiptId: 'a', name: 'Taras' } }], { me });
  assert.equal(named(out, { lang: 'en' }).a.name, 'Taras');
});

test('stream frames: snapshot with occupied stubs, receipt, occupied, gone; welcome and heartbeat '
  + 'change nothing', async () => {
  const { applyFrame } = await import('../../main/resources/public/terminal/state.js');
  const stub = { id: 't', slotId: 's1', name: 'Stolik 1', kind: 'TABLE',
    state: 'OPEN', occupied: true };
  let s = applyFrame(emptyState(), { type: 'snapshot', space: 'shop:1', seq: 4,
    receipts: [receipt('a')], occupied: [stub] });
  assert.deepEqual(Object.keys(s.receipts).sort(), ['a', 't']);
  s = applyFrame(s, { type: 'receipt', space: 'shop:1', seq: 5, receipt: receipt('b') });
  s = applyFrame(s, { type: 'occupied', space: 'shop:1', seq: 6,
    receipt: { ...stub, id: 'u', slotId: 's2' } });
  s = applyFrame(s, { type: 'gone', space: 'shop:1', seq: 7, id: 'a' });
  assert.deepEqual(Object.keys(s.receipts).sort(), ['b', 't', 'u']);
  assert.equal(s.cursors['shop:1'], 7);
  assert.equal(applyFrame(s, { type: 'heartbeat', cursors: {} }), s);
  assert.equal(applyFrame(s, { type: 'welcome', spaces: [] }), s);
});

test('only the spaces the device may act on are kept', async () => {
  const { keepSpaces } = await import('../../main/resources/public/terminal/state.js');
  let s = applySnapshot(emptyState(), { space: 'shop:1', seq: 4, receipts: [receipt('a')] });
  s = applySnapshot(s, { space: 'shop:2', seq: 9, receipts: [receipt('z', { space: 'shop:2' })] });
  s = keepSpaces(s, ['shop:1', 'device:3']);
  assert.deepEqual(Object.keys(s.receipts), ['a']);
  assert.deepEqual(s.cursors, { 'shop:1': 4 });
});

test('the preview splits a quantity: the rest stays under the line, the part moves under its new '
  + 'id', () => {
  const s = applySnapshot(emptyState(), { space: 'shop:1', seq: 1, receipts: [receipt('a',
    { lines: [line('x', 'Piwo', 1200, 3000), line('y', 'Sok', 700, 1000)], total: 4300 }),
    receipt('b')] });
  const p = preview(s, [{ number: 1, command: { type: 'moveLines', receiptId: 'a',
    targetReceiptId: 'b',
    lines: [{ lineId: 'x', quantity: 1000, newLineId: 'x2' }, { lineId: 'y' }] } }], { me });
  assert.deepEqual(p.a.lines.map((l) => [l.id, l.quantity]), [['x', 2000]]);
  assert.deepEqual(p.b.lines.map((l) => [l.id, l.name, l.quantity]),
    [['x2', 'Piwo', 1000], ['y', 'Sok', 1000]]);
  assert.equal(p.a.total, 2400);
  assert.equal(p.b.total, 1900);
});

// The stream's frame for one of this device's own commands may come before the command's HTTP
// answer (an offline catch-up, a lost answer, a 5xx after commit). Its "by" says the server state
// holds the command, so the preview must not apply it again (docs/protocol.md "Stream", "by").
const beers = (quantity, seq, over = {}) => receipt('a',
  { lines: [line('x', 'Piwo', 1250, quantity)], total: 1250 * quantity / 1000, seq, ...over });
const outboxAt = (next, ...commands) =>
  commands.reduce((o, c) => enqueue(o, c).outbox, createOutbox({ next }));
const quantities = (receipts) => Object.fromEntries(Object.values(receipts).map((r) => [r.id,
  r.lines.map((l) => [l.id, l.quantity])]));

test('an own adjustQuantity whose frame comes before its answer is not applied again, a '
  + 'colleague\'s change before it counts', () => {
  let s = applyFrame(emptyState(), { type: 'snapshot', space: 'shop:1', seq: 5,
    receipts: [beers(3000, 5)] });
  const ob = outboxAt(57, { type: 'adjustQuantity', lineId: 'x', delta: 1000 });
  assert.equal(preview(s, unconfirmed(ob), { me }).a.lines[0].quantity, 4000);
  // A colleague's +1 first (no "by" for us): ours still goes on top of it.
  s = applyFrame(s, { type: 'receipt', space: 'shop:1', seq: 6, receipt: beers(4000, 6) });
  assert.equal(preview(s, unconfirmed(ob), { me }).a.lines[0].quantity, 5000);
  // Then ours, before its answer.
  s = applyFrame(s, { type: 'receipt', space: 'shop:1', seq: 7, by: { n: 57 },
    receipt: beers(5000, 7) });
  const p = preview(s, unconfirmed(ob), { me });
  assert.equal(p.a.lines[0].quantity, 5000);
  assert.equal(p.a.total, 6250);
  assert.equal(unsentCount(ob), 1, 'kept until its answer comes');
});

test('the same with nothing else in between: +1 on 3 beers reads 4, not 5', () => {
  let s = applyFrame(emptyState(), { type: 'snapshot', space: 'shop:1', seq: 5,
    receipts: [beers(3000, 5)] });
  s = applyFrame(s, { type: 'receipt', space: 'shop:1', seq: 6, by: { n: 57 },
    receipt: beers(4000, 6) });
  const p = preview(s, unconfirmed(outboxAt(57, { type: 'adjustQuantity',
    lineId: 'x', delta: 1000 })), { me });
  assert.equal(p.a.lines[0].quantity, 4000);
  assert.equal(p.a.total, 5000);
});

test('an own partial moveLines whose frames come before its answer shows the moved part '
  + 'once', () => {
  let s = applyFrame(emptyState(), { type: 'snapshot', space: 'shop:1', seq: 1,
    receipts: [beers(3000, 1), receipt('b')] });
  const ob = outboxAt(8, { type: 'moveLines', receiptId: 'a', targetReceiptId: 'b',
    lines: [{ lineId: 'x', quantity: 1000, newLineId: 'x2' }] });
  // One command, two rows: only its last row in the space carries "by".
  s = applyFrame(s, { type: 'receipt', space: 'shop:1', seq: 2, receipt: beers(2000, 2) });
  s = applyFrame(s, { type: 'receipt', space: 'shop:1', seq: 3, by: { n: 8 }, receipt: receipt('b',
    { lines: [line('x2', 'Piwo', 1250, 1000)], total: 1250, seq: 3 }) });
  const p = preview(s, unconfirmed(ob), { me });
  assert.deepEqual(quantities(p), { a: [['x', 2000]], b: [['x2', 1000]] });
  assert.equal(p.a.total + p.b.total, 3750);
});

test('own commands up to the frame\'s number are left out, a refused one too, and its refusal is '
  + 'still reported', () => {
  let s = applyFrame(emptyState(), { type: 'snapshot', space: 'shop:1', seq: 5,
    receipts: [beers(3000, 5)] });
  let ob = outboxAt(57, { type: 'removeLine', lineId: 'x' }, { type: 'adjustQuantity',
    lineId: 'x', delta: 1000 });
  // 57 was refused (the line stayed), 58 accepted: the frame of 58 is all the server changed.
  s = applyFrame(s, { type: 'receipt', space: 'shop:1', seq: 6, by: { n: 58 },
    receipt: beers(4000, 6) });
  assert.deepEqual(quantities(preview(s, unconfirmed(ob), { me })), { a: [['x', 4000]] });
  assert.equal(unsentCount(ob), 2);
  const refused = acknowledge(ob, { n: 57, status: 'refused', code: 'permission',
    message: 'Brak uprawnienia.' });
  assert.equal(refused.notice.kind, 'refused');
  assert.equal(refused.notice.number, 57);
  assert.equal(refused.notice.message, 'Brak uprawnienia.');
  ob = refused.outbox;
  assert.deepEqual(quantities(preview(s, unconfirmed(ob), { me })), { a: [['x', 4000]] });
});

test('a snapshot names the last own command it holds; a later snapshot without one keeps what was '
  + 'known', () => {
  const ob = outboxAt(57, { type: 'adjustQuantity', lineId: 'x', delta: 1000 });
  let s = applyFrame(emptyState(), { type: 'snapshot', space: 'shop:1', seq: 9, by: { n: 57 },
    receipts: [beers(4000, 9)] });
  assert.equal(preview(s, unconfirmed(ob), { me }).a.lines[0].quantity, 4000);
  s = applyFrame(s, { type: 'snapshot', space: 'shop:1', seq: 10, receipts: [beers(4000, 9)] });
  assert.equal(preview(s, unconfirmed(ob), { me }).a.lines[0].quantity, 4000);
  assert.deepEqual(keepSpaces(s, ['shop:1']).applied, { 'shop:1': 57 });
  assert.deepEqual(keepSpaces(s, ['device:3']).applied, {});
});

test('the number counts per space: another space\'s frame does not say this space holds the '
  + 'command', () => {
  let s = applyFrame(emptyState(), { type: 'snapshot', space: 'shop:1', seq: 5,
    receipts: [beers(3000, 5)] });
  s = applyFrame(s, { type: 'snapshot', space: 'device:4', seq: 2, receipts: [receipt('own',
    { space: 'device:4', seq: 2 })] });
  const ob = outboxAt(57, { type: 'adjustQuantity', lineId: 'x', delta: 1000 },
    { type: 'addLine', receiptId: 'own', lineId: 'w', name: 'Woda', unitPrice: 500,
      vat: '8', quantity: 1000 });
  s = applyFrame(s, { type: 'receipt', space: 'device:4', seq: 3, by: { n: 58 },
    receipt: receipt('own', { space: 'device:4', seq: 3,
    lines: [line('w', 'Woda', 500, 1000)], total: 500 }) });
  assert.deepEqual(quantities(preview(s, unconfirmed(ob), { me })),
    { a: [['x', 4000]], own: [['w', 1000]] });
  s = applyFrame(s, { type: 'receipt', space: 'shop:1', seq: 6, by: { n: 57 },
    receipt: beers(4000, 6) });
  assert.deepEqual(quantities(preview(s, unconfirmed(ob), { me })),
    { a: [['x', 4000]], own: [['w', 1000]] });
});

test('with mergeLines on, a product tapped again grows its unsent line in the preview; a sent one '
  + 'is left as the kitchen has it', () => {
  const kawa = { ...line('x', 'Kawa', 1000, 1000), productId: 5 };
  const s = applySnapshot(emptyState(), { space: 'shop:1', seq: 1, receipts: [receipt('a',
    { lines: [{ ...kawa, id: 'sent', sent: true }, kawa] })] });
  const products = new Map([[5, { id: 5, name: 'Kawa', price: 1000, vat: '23' }]]);
  const tap = (n, lineId) => ({ number: n, command: { type: 'addLine', receiptId: 'a', lineId,
    productId: 5, quantity: 1000 } });
  const merged = preview(s, [tap(1, 'y'), tap(2, 'z')], { me, products, mergeLines: true }).a;
  assert.deepEqual(merged.lines.map((l) => [l.id, l.quantity]), [['sent', 1000], ['x', 3000]]);
  const apart = preview(s, [tap(1, 'y')], { me, products }).a;
  assert.deepEqual(apart.lines.map((l) => l.id), ['sent', 'x', 'y']);
});

test('renaming a receipt leaves it where it was: the others are listed in the order they were '
  + 'opened', () => {
  const receipts = {
    a: receipt('a', { name: 'Sale 1', createdAt: 1 }),
    b: receipt('b', { name: 'Sale 2', createdAt: 2 }),
    c: receipt('c', { name: 'Sale 3', createdAt: 3 }),
  };
  const names = (rs) => receiptList(rs, [], me).map((i) => i.receipt.name);
  assert.deepEqual(names(receipts), ['Sale 1', 'Sale 2', 'Sale 3']);
  assert.deepEqual(names({ ...receipts, a: { ...receipts.a, name: 'Zosia' } }), ['Zosia', 'Sale 2', 'Sale 3']);
  assert.deepEqual(names({ ...receipts, c: { ...receipts.c, name: 'Anna' } }), ['Sale 1', 'Sale 2', 'Anna']);
});
