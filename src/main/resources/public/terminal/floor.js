// The floor view's rules (issue 12, docs/terminal.md "Floor view"): which rooms and tables the
// floor shows, where, and what state each table is in. Pure functions over the applied
// configuration (config.floor and config.slots, docs/protocol.md) and the receipts list (state.js
// receiptList), so the floor and the list can never disagree about a table.
//   - The predefined receipts (config.slots) are the source of truth: a plan's table whose slot is
//     gone is not shown; a slot the plan does not place is shown in an extra room after the plan's.
//   - Without a plan (config.floor absent or rooms: []) the shop's tables are laid out in list order
//     on the same grid, TABLE_SPAN cells apart.
//   - A table takes span x span cells of the 24 x 16 grid from its (x, y): TABLE_SPAN (3) when the
//     room's tables leave room for it, else the largest that keeps them apart (the server only keeps
//     two tables out of one cell): a plan drawn cell to cell is shown, with smaller tables.
import { waitingCourse } from './courses.js';

export const GRID_COLUMNS = 24;
export const GRID_ROWS = 16;
export const TABLE_SPAN = 3;
/** The threshold of "open too long" when the configuration names none (the contract's default). */
export const DEFAULT_TOO_LONG_MINUTES = 90;

const PER_ROW = Math.floor(GRID_COLUMNS / TABLE_SPAN);

/** {@code slots} placed in order on the grid, PER_ROW a row, as round tables of no known size. */
function autoLayout(slots) {
  return slots.map((slot, i) => ({
    slotId: slot.id, slot, x: (i % PER_ROW) * TABLE_SPAN, y: Math.floor(i / PER_ROW) * TABLE_SPAN,
    shape: 'square', seats: null,
  }));
}

/**
 * The rooms the floor shows, in order: [{id, name, span, tables: [{slotId, slot, x, y, shape,
 * seats}]}].
 * {@code floor}: the configuration's floor plan (may be absent); {@code slots}: the tables of the
 * applied configuration in list order. A room without a name (null) is "all tables" (no plan) or
 * "not on the plan" (id 'unplaced'): the component names it in the cashier's language.
 */
export function floorRooms(floor, slots) {
  const byId = new Map(slots.map((s) => [s.id, s]));
  const rooms = [...(floor?.rooms ?? [])].sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  if (rooms.length === 0) {
    return slots.length === 0 ? []
      : [{ id: 'all', name: null, span: TABLE_SPAN, tables: autoLayout(slots) }];
  }
  const placed = new Set();
  const out = rooms.map((room) => {
    const tables = (room.tables ?? []).filter((t) => byId.has(t.slotId) && !placed.has(t.slotId));
    tables.forEach((t) => placed.add(t.slotId));
    const span = spanOf(tables);
    return {
      id: String(room.id),
      name: room.name,
      span,
      tables: tables.map((t) => ({ slotId: t.slotId, slot: byId.get(t.slotId),
        x: clamp(t.x, GRID_COLUMNS, span), y: clamp(t.y, GRID_ROWS, span),
        shape: t.shape === 'round' ? 'round' : 'square', seats: t.seats ?? null })),
    };
  });
  const rest = slots.filter((s) => !placed.has(s.id));
  if (rest.length > 0) {
    out.push({ id: 'unplaced', name: null, span: TABLE_SPAN, tables: autoLayout(rest) });
  }
  return out;
}

/** The largest span (TABLE_SPAN down to 1) at which no two of {@code tables} overlap. */
export function spanOf(tables) {
  for (let span = TABLE_SPAN; span > 1; span--) {
    const apart = tables.every((a, i) => tables.slice(i + 1)
      .every((b) => Math.abs(a.x - b.x) >= span || Math.abs(a.y - b.y) >= span));
    if (apart) return span;
  }
  return 1;
}

function clamp(n, size, span) {
  return Number.isInteger(n) ? Math.min(Math.max(n, 0), size - span) : 0;
}

/** Whole minutes from {@code openedAt} to {@code now} (epoch ms), never below 0; null if unknown. */
export function openMinutes(openedAt, now) {
  if (!Number.isFinite(openedAt) || openedAt <= 0) return null;
  return Math.max(0, Math.floor((now - openedAt) / 60_000));
}

/**
 * How long a table has been open as the floor shows it, through {@code t} (i18n): "12 min",
 * "1 h 05 min".
 */
export function durationText(minutes, t) {
  if (minutes == null) return '';
  if (minutes < 60) return t('floor.minutes', { m: minutes });
  return t('floor.hours', { h: Math.floor(minutes / 60), m: String(minutes % 60).padStart(2, '0') });
}

/**
 * What one table of the floor shows: {@code item} is its entry of the receipts list
 * ({key, slot, receipt, status: 'empty'|'mine'|'colleague'|'hidden', paying}). Returns
 * {status: 'free'|'mine'|'colleague'|'hidden', tone, paying, attention, waiter, total, openedAt,
 * course}. {@code tone} is the colour: paying, then attention, then the status. {@code users}: the
 * configuration's users (the waiter's name); a table one may not see shows neither total nor
 * waiter (rule 4).
 */
export function tableView(item, users = []) {
  const r = item?.receipt ?? null;
  const status = !r ? 'free' : item.status;
  const hidden = status === 'hidden';
  const paying = !!r && !!item.paying;
  // The receipt view's attention flag (a receipt holding recovered lines, DESIGN rule 6) lights it.
  const attention = !!r && !hidden && !!r.attention;
  const waiter = status === 'colleague'
    ? users.find((u) => u.id === r.ownerUserId)?.name ?? null : null;
  return {
    status, tone: paying ? 'paying' : attention ? 'attention' : status, paying, attention, waiter,
    total: r && !hidden ? r.total ?? 0 : null,
    openedAt: r && !hidden ? r.createdAt ?? null : null,
    course: r && !hidden ? waitingCourse(r) : null,
  };
}

/** Whether a table open {@code minutes} is past the threshold of {@code floor} (default 90). */
export function tooLong(minutes, floor) {
  const limit = floor?.openTooLongMinutes ?? DEFAULT_TOO_LONG_MINUTES;
  return minutes != null && minutes >= limit;
}

/**
 * Where {@code receipt} can move on the floor: each table but its own, {free: true} or with the
 * receipt now there ({free: false}: moving there is a merge, if the cashier may change it).
 */
export function moveChoice(item, receipt) {
  if (!item?.slot || item.receipt?.id === receipt?.id) return null;
  return { slot: item.slot, free: !item.receipt, receipt: item.receipt ?? null };
}
