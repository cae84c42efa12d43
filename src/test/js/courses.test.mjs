import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coursesOf, waitingCourse } from '../../main/resources/public/terminal/courses.js';

const line = (course, sent) => ({ id: `${course}-${sent}`, course, sent });

test('the courses used are listed once, ascending, lines without a course aside', () => {
  assert.deepEqual(coursesOf({ lines: [line(3, false), line(1, true), { sent: false }, line(3, true)] }), [1, 3]);
  assert.deepEqual(coursesOf({ lines: [] }), []);
  assert.deepEqual(coursesOf(null), []);
});

test('nothing waits before the first line went to the kitchen', () => {
  assert.equal(waitingCourse({ lines: [line(1, false), line(2, false)] }), null);
});

test('the lowest course with unsent lines waits once the meal started', () => {
  assert.equal(waitingCourse({ lines: [line(1, true), line(2, false), line(3, false)] }), 2);
  assert.equal(waitingCourse({ lines: [line(1, true), line(3, false), line(2, true)] }), 3);
});

test('nothing waits when every coursed line was sent', () => {
  assert.equal(waitingCourse({ lines: [line(1, true), line(2, true), { sent: false }] }), null);
});
