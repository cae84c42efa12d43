// The floor page's dragging (backoffice/floor.jte). The form's fields (room, x, y, shape, seats of each
// table) are the plan: dragging a chip onto a room's grid, or back to the "not placed" tray, only fills
// them, and a field typed by hand moves the chip. Pointer events: one code path for mouse, pen and touch.
const form = document.getElementById('floor-form');

if (form) {
  const width = Number(form.dataset.width);
  const height = Number(form.dataset.height);
  const tray = form.querySelector('.floor-tray');

  /** The fields row of a table, by its slot id. */
  const row = (slot) => form.querySelector(`tr[data-slot="${CSS.escape(slot)}"]`);
  const chip = (slot) => form.querySelector(`.floor-table[data-slot="${CSS.escape(slot)}"]`);
  const field = (tr, name) => tr.querySelector(`[name="${name}"]`);
  const int = (s) => (/^\s*\d+\s*$/.test(s) ? Number(s) : null);

  /** Where the row's fields put the table: {room, x, y} on a grid, or null (the tray). */
  function cellOf(tr) {
    const room = field(tr, 'room').value;
    const x = int(field(tr, 'x').value);
    const y = int(field(tr, 'y').value);
    if (room === '' || x === null || y === null || x >= width || y >= height) return null;
    const grid = form.querySelector(`.floor-grid[data-room="${room}"]`);
    return grid ? { grid, room, x, y } : null;
  }

  /** The slot of another table standing on that cell of that room, or null. */
  function standing(room, x, y, except) {
    for (const tr of form.querySelectorAll('tr[data-slot]')) {
      if (tr.dataset.slot === except) continue;
      const c = cellOf(tr);
      if (c && c.room === room && c.x === x && c.y === y) return tr.dataset.slot;
    }
    return null;
  }

  /** Draws the table's chip where its fields say, with its shape. */
  function place(slot) {
    const tr = row(slot);
    const el = chip(slot);
    if (!tr || !el) return;
    const c = cellOf(tr);
    el.classList.toggle('round', field(tr, 'shape').value === 'round');
    el.classList.toggle('square', field(tr, 'shape').value !== 'round');
    const small = el.querySelector('small');
    if (small && form.dataset.seats) small.textContent = form.dataset.seats.replace('#', field(tr, 'seats').value);
    if (c) {
      el.style.gridColumn = String(c.x + 1);
      el.style.gridRow = String(c.y + 1);
      if (el.parentElement !== c.grid) c.grid.append(el);
    } else {
      el.style.gridColumn = '';
      el.style.gridRow = '';
      if (el.parentElement !== tray) tray.append(el);
    }
  }

  form.addEventListener('change', (e) => {
    const tr = e.target.closest('tr[data-slot]');
    if (tr) place(tr.dataset.slot);
  });

  /** The drop target under the pointer: a grid cell {grid, x, y}, the tray {tray}, or null. */
  function target(clientX, clientY) {
    const under = document.elementFromPoint(clientX, clientY);
    if (!under) return null;
    const grid = under.closest('.floor-grid');
    if (grid) {
      const r = grid.getBoundingClientRect();
      const x = Math.floor(((clientX - r.left) / r.width) * width);
      const y = Math.floor(((clientY - r.top) / r.height) * height);
      if (x < 0 || y < 0 || x >= width || y >= height) return null;
      return { grid, x, y };
    }
    return under.closest('.floor-tray') ? { tray: true } : null;
  }

  let drag = null;

  form.addEventListener('pointerdown', (e) => {
    const el = e.target.closest('.floor-table');
    if (!el || e.button > 0) return;
    e.preventDefault();
    el.setPointerCapture(e.pointerId);
    const ghost = el.cloneNode(true);
    ghost.classList.add('floor-ghost');
    ghost.removeAttribute('data-slot');
    document.body.append(ghost);
    el.classList.add('lifted');
    drag = { el, ghost, id: e.pointerId, over: null };
    move(e);
  });

  function move(e) {
    if (!drag || e.pointerId !== drag.id) return;
    drag.ghost.style.left = `${e.clientX - 28}px`;
    drag.ghost.style.top = `${e.clientY - 22}px`;
    const t = target(e.clientX, e.clientY);
    const over = t ? (t.grid || tray) : null;
    if (over !== drag.over) {
      if (drag.over) drag.over.classList.remove('over');
      if (over) over.classList.add('over');
      drag.over = over;
    }
  }

  function end(e, drop) {
    if (!drag || e.pointerId !== drag.id) return;
    const { el, ghost } = drag;
    if (drag.over) drag.over.classList.remove('over');
    ghost.remove();
    el.classList.remove('lifted');
    drag = null;
    const t = drop ? target(e.clientX, e.clientY) : null;
    if (!t) return;
    const slot = el.dataset.slot;
    const tr = row(slot);
    if (t.tray) {
      field(tr, 'room').value = '';
      field(tr, 'x').value = '';
      field(tr, 'y').value = '';
    } else {
      const room = t.grid.dataset.room;
      if (standing(room, t.x, t.y, slot)) {
        el.classList.remove('refused');
        void el.offsetWidth; // restart the animation
        el.classList.add('refused');
        return;
      }
      field(tr, 'room').value = room;
      field(tr, 'x').value = String(t.x);
      field(tr, 'y').value = String(t.y);
    }
    place(slot);
  }

  form.addEventListener('pointermove', move);
  form.addEventListener('pointerup', (e) => end(e, true));
  form.addEventListener('pointercancel', (e) => end(e, false));
}
