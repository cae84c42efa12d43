// Courses of a table (issue 12, docs/terminal.md "Courses"): a line may carry a course (1, 2, 3 ...);
// the kitchen gets a course when it is fired (its lines sent). The floor view and the kitchen show
// which course waits: the lowest course that still has unsent lines once an earlier course went to
// the kitchen. Pure functions over the receipt as the stream delivers it (lines with sent, course).

/** The course numbers used on {@code receipt}'s lines, ascending (lines without a course aside). */
export function coursesOf(receipt) {
  const used = new Set();
  for (const l of receipt?.lines ?? []) if (Number.isInteger(l.course)) used.add(l.course);
  return [...used].sort((a, b) => a - b);
}

/**
 * The course held back: the lowest course with an unsent line, when some line of the receipt was
 * already sent (the meal started); null when nothing waits or nothing was sent yet.
 */
export function waitingCourse(receipt) {
  const lines = receipt?.lines ?? [];
  if (!lines.some((l) => l.sent)) return null;
  let lowest = null;
  for (const l of lines) {
    if (!l.sent && Number.isInteger(l.course) && (lowest === null || l.course < lowest)) lowest = l.course;
  }
  return lowest;
}
