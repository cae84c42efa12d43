// Send, courses and seats on the receipt (issue 12, docs/terminal.md "Send, courses and seats").
// Pure functions: the preview of setLineCourse / setLineSeat (kept out of state.js, which only asks
// lineChange), the lines a send of courses up to N takes, the course a "Hold"/"Fire" button names,
// the receipt's lines grouped by seat when seats are used, and "more of a sent line" as a new line.
import { coursesOf } from './courses.js';

/** Course and seat choices offered on a line (the server takes 1..9 and 1..99). */
export const COURSES = [1, 2, 3, 4, 5];
export const SEATS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/** How command {@code c} changes its line ({@code line => line}), or null when it is not a line's course or seat. */
export function lineChange(c) {
  if (c?.type === 'setLineCourse') return (l) => ({ ...l, course: c.course ?? null });
  if (c?.type === 'setLineSeat') return (l) => ({ ...l, seat: c.seat ?? null });
  return null;
}

/**
 * More of a sent line ({@code +} on it): the kitchen already has that line as it was, so the extra
 * {@code quantity} is a new, unsent line of the same product with the same options, course and seat
 * (and the note), which the next "Send" takes to the kitchen: the fields of its addLine (receiptId and
 * lineId aside). A free item keeps its name, price and VAT; a discount stays on the line it was for.
 */
export function moreOfSent(line, quantity) {
  const options = (line.modifiers ?? []).map((m) => m.optionId).filter((id) => id != null);
  return {
    ...(line.productId != null ? { productId: line.productId, ...(options.length > 0 ? { modifiers: options } : {}) }
      : { name: line.name, unitPrice: line.unitPrice, vat: line.vat }),
    quantity,
    ...(line.note ? { note: line.note } : {}),
    ...(Number.isInteger(line.course) ? { course: line.course } : {}),
    ...(Number.isInteger(line.seat) ? { seat: line.seat } : {}),
  };
}

/**
 * The unsent lines a send with {@code upTo} takes: those of course {@code upTo} or lower and those
 * without a course (all unsent lines when {@code upTo} is null), as the server's markSent upToCourse.
 */
export function linesToSend(receipt, upTo = null) {
  return (receipt?.lines ?? []).filter((l) => !l.sent
    && (upTo === null || !Number.isInteger(l.course) || l.course <= upTo));
}

/**
 * The course the course button sends up to: the lowest course with an unsent line, when a later
 * course also has unsent lines (so there is something to hold) or an earlier one was sent (the meal
 * started: this fires it); null when there is no course to hold or fire.
 */
export function nextCourse(receipt) {
  const unsent = new Set((receipt?.lines ?? []).filter((l) => !l.sent && Number.isInteger(l.course))
    .map((l) => l.course));
  if (unsent.size === 0) return null;
  const lowest = Math.min(...unsent);
  const started = (receipt.lines ?? []).some((l) => l.sent);
  const later = coursesOf(receipt).some((c) => c > lowest && unsent.has(c));
  return started || later ? lowest : null;
}

/** Whether the send of {@code course} fires it (the meal started) rather than holding later courses. */
export function fires(receipt) {
  return (receipt?.lines ?? []).some((l) => l.sent);
}

/**
 * The lines grouped by seat, seats ascending, lines without a seat last: [{seat, lines}], in the
 * receipt's order within a group; one group {seat: null} when no line has a seat.
 */
export function seatGroups(lines) {
  const groups = new Map();
  for (const l of lines ?? []) {
    const seat = Number.isInteger(l.seat) ? l.seat : null;
    if (!groups.has(seat)) groups.set(seat, []);
    groups.get(seat).push(l);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null) - (b === null) || (a ?? 0) - (b ?? 0))
    .map(([seat, ls]) => ({ seat, lines: ls }));
}
