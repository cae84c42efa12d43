import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineChange, linesToSend, moreOfSent, nextCourse, seatGroups }
  from '../../main/resources/public/terminal/kitchen-lines.js';

const line = (id, course, sent, seat) => ({ id, course, sent, seat });

test('course and seat commands change their line; other commands are not theirs', () => {
  assert.deepEqual(lineChange({ type: 'setLineCourse', course: 2 })(line('a', 1, false)), line('a', 2, false));
  assert.equal(lineChange({ type: 'setLineSeat', seat: null })({ id: 'a', seat: 3 }).seat, null);
  assert.equal(lineChange({ type: 'noteLine' }), null);
});

test('a send up to course N takes the unsent lines of N or lower and those without a course', () => {
  const r = { lines: [line('a', 1, true), line('b', 2, false), line('c', 3, false), line('d', undefined, false)] };
  assert.deepEqual(linesToSend(r, 2).map((l) => l.id), ['b', 'd']);
  assert.deepEqual(linesToSend(r).map((l) => l.id), ['b', 'c', 'd']);
});

test('the course button holds later courses before the meal and fires the waiting one after', () => {
  assert.equal(nextCourse({ lines: [line('a', 1, false), line('b', 2, false)] }), 1);
  assert.equal(nextCourse({ lines: [line('a', 1, false), line('b', 1, false)] }), null);
  assert.equal(nextCourse({ lines: [line('a', 1, true), line('b', 2, false)] }), 2);
  assert.equal(nextCourse({ lines: [line('a', 1, true), line('b', 2, true)] }), null);
});

test('lines group by seat ascending, without a seat last, in order within a seat', () => {
  const groups = seatGroups([line('a', 1, false, 2), line('b', 1, false), line('c', 1, false, 1),
    line('d', 1, false, 2)]);
  assert.deepEqual(groups.map((g) => [g.seat, g.lines.map((l) => l.id)]),
    [[1, ['c']], [2, ['a', 'd']], [null, ['b']]]);
  assert.deepEqual(seatGroups([line('a')]).map((g) => g.seat), [null]);
});

test('more of a sent line is a new line of the same product, options, note, course and seat', () => {
  const sent = { id: 'a', productId: 7, name: 'Pizza', unitPrice: 3200, vat: '8', quantity: 1000, sent: true,
    note: 'bez cebuli', course: 2, seat: 3, discount: { kind: 'PERCENT', value: 1000 },
    modifiers: [{ groupId: 1, optionId: 11, name: 'Duża' }, { groupId: 2, optionId: 21, name: 'Ser' }] };
  assert.deepEqual(moreOfSent(sent, 1000),
    { productId: 7, modifiers: [11, 21], quantity: 1000, note: 'bez cebuli', course: 2, seat: 3 });
  const free = { id: 'b', productId: null, name: 'Woda', unitPrice: 500, vat: '23', quantity: 2000, sent: true,
    modifiers: [], course: null, seat: null };
  assert.deepEqual(moreOfSent(free, 1000), { name: 'Woda', unitPrice: 500, vat: '23', quantity: 1000 });
});
