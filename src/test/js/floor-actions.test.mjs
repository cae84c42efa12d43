import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FloorActions } from '../../main/resources/public/terminal/floor-actions.js';
import { CashierActions } from '../../main/resources/public/terminal/actions.js';
import { CommandQueue } from '../../main/resources/public/terminal/command-queue.js';
import { ReceiptsView } from '../../main/resources/public/terminal/receipts-view.js';

const slots = [{ id: 's3', name: 'Stolik 3' }, { id: 's5', name: 'Stolik 5' }];
const table3 = { id: 'r3', slotId: 's3', kind: 'TABLE', name: 'Stolik 3', state: 'OPEN', ownerUserId: 1,
  space: 'shop:1', seq: 1, lines: [{ id: 'l1', name: 'Espresso', quantity: 1000, total: 900 }], total: 900 };

/**
 * The floor's actions over a real view, queue and cashier's actions; {@code answer(command)} is what the
 * server answers to each command sent (its number added), {@code yes} what the cashier answers.
 */
function floor(answer, yes = true, receipts = { r3: table3 }) {
  const sent = [];
  const asked = [];
  let queue = null;
  const view = new ReceiptsView(() => ({ me: { userId: 1 }, deviceId: 7,
    config: { parkingEnabled: true, slots }, outbox: queue.outbox, lang: 'pl', now: 0 }));
  view.replace({ cursors: { 'shop:1': 1 }, receipts, applied: {}, resync: {} });
  const api = { commands: async (batch) => ({ body: batch.map((c) => {
    sent.push(c);
    return { n: c.n, ...answer(c) };
  }) }) };
  queue = new CommandQueue({ api, canSend: () => true, invalidate: () => view.invalidate(),
    // As terminal.js: the current receipt follows an alias to the id the answer names.
    resolved: (alias, real) => {
      if (view.currentId === alias) view.currentId = real;
    },
    persist: async () => {
      queue.markSaved(queue.outbox);
      return true;
    } });
  const actions = new CashierActions({ view, queue, session: { can: () => true, me: { userId: 1 } } },
    { select: (id) => { view.currentId = id; }, ensureCurrent: () => {}, changed: () => {}, t: (k) => k });
  const f = new FloorActions({ view, queue, actions }, {
    ask: (q) => {
      asked.push(q);
      return yes;
    },
    t: (key, args) => `${key}:${args.table}`,
  });
  return { f, view, queue, sent, asked };
}

const accepted = (result = {}) => ({ status: 'accepted', seq: 2, space: 'shop:1', result });

test('a free table gets moveReceipt; the current receipt follows to the id the server gives the table', async () => {
  const { f, view, queue, sent, asked } = floor(() => accepted({ receiptId: 'r5' }));
  view.currentId = 'r3';
  const how = await f.moveTable(table3, { slot: slots[1], free: true, receipt: null });
  assert.equal(how, 'moved');
  assert.deepEqual(sent.map((c) => [c.type, c.receiptId, c.slotId]), [['moveReceipt', 'r3', 's5']]);
  assert.deepEqual(asked, []);
  assert.equal(queue.outbox.aliases.r3, 'r5', 'later commands naming r3 go to r5');
  // Answered before the stream brought the move: the preview shows the receipt under the table's id, on
  // the new table, and it stays current (not some other receipt because r5 is not here yet).
  assert.equal(view.currentId, 'r5');
  assert.deepEqual([view.current?.id, view.current?.slotId, view.current?.name], ['r5', 's5', 'Stolik 5']);
  assert.equal(view.receipts.r3, undefined);
  // The stream brings it: the old receipt gone, the table's receipt there; the preview adds nothing.
  view.take({ type: 'gone', space: 'shop:1', seq: 2, id: 'r3' });
  view.take({ type: 'receipt', space: 'shop:1', seq: 3, by: { n: 1 },
    receipt: { ...table3, id: 'r5', slotId: 's5', name: 'Stolik 5', seq: 3 } });
  assert.deepEqual(Object.keys(view.receipts), ['r5']);
  assert.equal(view.current.preview, undefined);
  assert.deepEqual(queue.notices, []);
});

test('a table taken here already asks "merge?" and merges on yes, sending no moveReceipt', async () => {
  const table5 = { ...table3, id: 'r5', slotId: 's5', name: 'Stolik 5', ownerUserId: 2 };
  const { f, sent, asked } = floor(() => accepted(), true, { r3: table3, r5: table5 });
  assert.equal(await f.moveTable(table3, { slot: slots[1], free: false, receipt: table5 }), 'merged');
  assert.deepEqual(asked, ['moveTable.merge:Stolik 5']);
  assert.deepEqual(sent.map((c) => [c.type, c.receiptId, c.targetReceiptId]), [['merge', 'r3', 'r5']]);
});

test('no to "merge?" changes nothing', async () => {
  const table5 = { ...table3, id: 'r5', slotId: 's5', name: 'Stolik 5' };
  const { f, sent } = floor(() => accepted(), false, { r3: table3, r5: table5 });
  assert.equal(await f.moveTable(table3, { slot: slots[1], free: false, receipt: table5 }), 'kept');
  assert.deepEqual(sent, []);
});

test('refused occupied (a colleague took the table meanwhile) becomes the merge question, not a notice', async () => {
  const { f, queue, sent, asked } = floor((c) => (c.type === 'moveReceipt'
    ? { status: 'refused', code: 'occupied', message: 'zajęty', details: { slotId: 's5', receiptId: 'r5' } }
    : accepted({ receiptId: 'r5' })));
  assert.equal(await f.moveTable(table3, { slot: slots[1], free: true, receipt: null }), 'merged');
  assert.deepEqual(asked, ['moveTable.taken:Stolik 5']);
  assert.deepEqual(queue.notices, []);
  // Not on this terminal yet: the table is joined (openTable names its receipt), then merged into.
  await queue.flush();
  assert.deepEqual(sent.map((c) => c.type), ['moveReceipt', 'openTable', 'merge']);
  assert.equal(sent[2].targetReceiptId, 'r5');
});

test('another refusal stays a notice and asks nothing', async () => {
  const { f, queue, asked } = floor(() => ({ status: 'refused', code: 'locked', message: 'płatność' }));
  assert.equal(await f.moveTable(table3, { slot: slots[1], free: true, receipt: null }), 'refused');
  assert.deepEqual(asked, []);
  assert.deepEqual(queue.notices.map((n) => n.code), ['locked']);
});
