// The receipt's kitchen controls (issue 12): a line's course and seat choosers (two small selects),
// the "Hold" / "Fire course N" button beside "Send", and a seat's heading when the receipt is grouped
// by seat. Templates only; what they send is in actions.js, what they compute in kitchen-lines.js.
import { html } from 'lit';
import { COURSES, SEATS, fires, nextCourse } from './kitchen-lines.js';
import { waitingCourse } from './courses.js';

function choice(value) {
  return value === '' ? null : Number(value);
}

/** A line's course and seat: "—" for none; a sent line keeps its course (the kitchen has it). */
export function lineChoosers(t, r, l, editable) {
  return html`<span class="kitchen-choosers">
    <select data-action="course" aria-label=${t.t('kitchen.courseOf', { name: l.name })}
      ?disabled=${!editable || l.sent}
      @change=${(e) => t.setLineCourse(r, l, choice(e.target.value))}>
      <option value="" ?selected=${!Number.isInteger(l.course)}>${t.t('kitchen.noCourse')}</option>
      ${COURSES.map((c) => html`<option value=${c} ?selected=${l.course === c}>${t.t('kitchen.course',
        { n: c })}</option>`)}
    </select>
    <select data-action="seat" aria-label=${t.t('kitchen.seatOf', { name: l.name })}
      ?disabled=${!editable} @change=${(e) => t.setLineSeat(r, l, choice(e.target.value))}>
      <option value="" ?selected=${!Number.isInteger(l.seat)}>${t.t('kitchen.noSeat')}</option>
      ${SEATS.map((s) => html`<option value=${s} ?selected=${l.seat === s}>${t.t('kitchen.seat',
        { n: s })}</option>`)}
    </select>
  </span>`;
}

/**
 * "Hold after course N" before the meal started (sends course N and lower, holds the rest), "Fire
 * course N" after; nothing when there is no course to hold or fire.
 */
export function courseButton(t, r, editable) {
  const n = nextCourse(r);
  if (n === null) return '';
  const key = fires(r) ? 'kitchen.fire' : 'kitchen.hold';
  return html`<button data-action="fire" data-course=${n} ?disabled=${!editable}
    @click=${() => t.sendToKitchen(r, n)}>${t.t(key, { n })}</button>`;
}

/** Which course waits (the floor and kitchen show the same), or nothing. */
export function waitingNote(t, r) {
  const n = waitingCourse(r);
  return n === null ? '' : html`<p class="hint waiting-course" data-waiting-course=${n}>${t.t(
    'kitchen.waiting', { n })}</p>`;
}

/** The heading of a seat's group of lines ({@code seat} null: lines without a seat). */
export function seatHeading(t, seat) {
  return html`<li class="seat-heading muted" data-seat-heading=${seat ?? ''}>${seat === null
    ? t.t('kitchen.noSeatGroup') : t.t('kitchen.seat', { n: seat })}</li>`;
}
