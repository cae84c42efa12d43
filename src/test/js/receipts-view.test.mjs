// The receipts view (receipts-view.js): what the screens show of the stream's receipts, the preview
// and the current receipt, from the parts around it given as plain values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ReceiptsView } from '../../main/resources/public/terminal/receipts-view.js';
import { createOutbox, enqueue } from '../../main/resources/public/terminal/outbox.js';

const receipt = (id, over = {}) => ({
  id, space: 'shop:1', slotId: null, name: id, kind: 'AD_HOC', state: 'OPEN', ownerUserId: 1,
  ownerRoleId: 1, note: null, guests: 0, lease: null, lines: [], total: 0, seq: 1, createdAt: 0,
  ...over,
});
const me = { userId: 1, roleId: 1, userName: 'Ala' };

/** A view whose context is {@code around} (mutable, so a test can change the outbox under it). */
function view(around = {}) {
  const ctx = { me, deviceId: 7, config: null, outbox: createOutbox(), lang: 'pl', now: 1000,
    ...around };
  const v = new ReceiptsView(() => ctx);
  return { v, ctx };
}

test('a welcome keeps the listed spaces and forgets the cursor of one resumed by a '
  + 'snapshot', () => {
  const { v } = view();
  const first = { type: 'snapshot', space: 'shop:1', seq: 5, receipts: [receipt('a')] };
  assert.equal(v.take(first), true);
  v.take({ type: 'snapshot', space: 'device:7', seq: 2,
    receipts: [receipt('b', { space: 'device:7' })] });
  v.take({ type: 'snapshot', space: 'device:9', seq: 3, receipts: [] });
  assert.equal(v.ready, true, 'a snapshot is enough to work on');
  v.take({ type: 'welcome', viewer: { userId: 1 }, spaces: ['shop:1', 'device:7'],
    resume: { 'shop:1': 'snapshot', 'device:7': 'changes' } });
  assert.deepEqual(v.state.cursors, { 'device:7': 2 });
  assert.deepEqual(Object.keys(v.state.receipts).sort(), ['a', 'b']);
  assert.deepEqual(v.state.viewer, { userId: 1 });
  assert.equal(v.take({ type: 'receipt', space: 'device:7', seq: 2, receipt: receipt('b') }), false,
    'a frame seen already changes nothing');
});

test('the preview follows the outbox and is recomputed only once invalidated', () => {
  const { v, ctx } = view();
  v.take({ type: 'snapshot', space: 'shop:1', seq: 1, receipts: [receipt('a')] });
  assert.deepEqual(v.receipts.a.lines, []);
  ctx.outbox = enqueue(ctx.outbox, { type: 'rename', receiptId: 'a', name: 'Okno' }).outbox;
  assert.equal(v.receipts.a.name, 'a', 'cached until invalidated');
  v.invalidate();
  assert.equal(v.receipts.a.name, 'Okno');
});

test('the current receipt is found by its id, by a resolved alias, or by the alias the preview '
  + 'learnt', () => {
  const slots = [{ id: 3, name: 'Stolik 3' }];
  const { v, ctx } = view({ config: { parkingEnabled: true, slots } });
  v.take({ type: 'snapshot', space: 'shop:1', seq: 1,
    receipts: [receipt('t3', { kind: 'TABLE', slotId: 3, name: 'Stolik 3' })] });
  v.currentId = 't3';
  assert.equal(v.current.id, 't3');
  v.currentId = 'alias-1';
  ctx.outbox = { ...createOutbox(), aliases: { 'alias-1': 't3' } };
  v.invalidate();
  assert.equal(v.current.id, 't3', 'the answer named the real id');
  ctx.outbox = enqueue(createOutbox(), { type: 'openTable', slotId: 3 }, {}, 0, 'alias-2').outbox;
  v.currentId = 'alias-2';
  v.invalidate();
  assert.equal(v.current.id, 't3', 'the stream brought the table before the answer');
  v.currentId = 'nowhere';
  assert.equal(v.current, null);
});

test('a cashier goes on on their oldest own ad-hoc receipt, never a colleague\'s or a hidden '
  + 'one', () => {
  const { v } = view();
  v.take({ type: 'snapshot', space: 'shop:1', seq: 1, receipts: [
    receipt('newer', { createdAt: 30 }), receipt('older', { createdAt: 20 }),
    receipt('theirs', { createdAt: 10, ownerUserId: 2 }),
    receipt('table', { createdAt: 5, kind: 'TABLE', slotId: 1 }),
  ], occupied: [{ id: 'hidden', kind: 'AD_HOC', ownerUserId: 1, occupied: true, state: 'OPEN',
    createdAt: 1 }] });
  assert.equal(v.oldestOwn(me).id, 'older');
  assert.equal(v.oldestOwn({ userId: 3 }), null);
});

test('the empty ones to delete are my open empty ad-hoc receipts but the current one and the '
  + 'draft', () => {
  const { v } = view();
  v.take({ type: 'snapshot', space: 'shop:1', seq: 1, receipts: [
    receipt('empty'), receipt('current'), receipt('full', { lines: [{ id: 'l', quantity: 1000 }] }),
    receipt('theirs', { ownerUserId: 2 }), receipt('paying', { state: 'PAYING' }),
  ] });
  v.currentId = 'current';
  v.draft = { id: 'draft', createdAt: 50 };
  v.invalidate();
  assert.ok(v.receipts.draft.draft, 'the draft is shown');
  assert.deepEqual(v.emptyAdHoc(me).map((r) => r.id), ['empty']);
});

test('reset forgets the receipts, the current one and the draft; replace only the receipts', () => {
  const { v } = view();
  v.take({ type: 'snapshot', space: 'shop:1', seq: 1, receipts: [receipt('a')] });
  v.currentId = 'a';
  v.draft = { id: 'd', createdAt: 1 };
  v.replace();
  assert.deepEqual(v.state.receipts, {});
  assert.equal(v.currentId, 'a');
  assert.equal(v.draft.id, 'd');
  v.reset();
  assert.equal(v.currentId, null);
  assert.equal(v.draft, null);
});

test('a lease locks for another device while it runs by the server\'s clock', () => {
  const { v, ctx } = view({ now: 4000 });
  const theirs = receipt('a', { state: 'PAYING', lease: { deviceId: 9, userId: 2, until: 5000 } });
  const mine = receipt('b', { state: 'PAYING', lease: { deviceId: 7, userId: 1, until: 5000 } });
  assert.deepEqual(v.lockedBy(theirs), theirs.lease);
  assert.equal(v.editable(theirs), false);
  assert.equal(v.lockedBy(mine), null);
  assert.equal(v.payingHere(mine), true);
  ctx.now = 6000;
  assert.equal(v.editable(theirs), true);
  assert.equal(v.payingHere(mine), false);
  assert.equal(v.editable({ ...receipt('c'), occupied: true }), false, 'an occupied table is not');
});
