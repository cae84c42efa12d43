// The kitchen display: counts the time since each ticket was sent, every second, by the server's clock
// (each board carries the server's time when it was rendered in data-now; htmx replaces the board every
// 2 s). On the printable ticket, [data-print] prints. No inline script: the pages load this file.
const offsets = new WeakMap();

function offsetOf(board) {
  if (!offsets.has(board)) offsets.set(board, Number(board.dataset.now) - Date.now());
  return offsets.get(board);
}

function minutesSeconds(ms) {
  const s = Math.max(0, Math.floor(ms / 1000));
  const m = Math.floor(s / 60);
  return m + ':' + String(s % 60).padStart(2, '0');
}

function tick() {
  for (const board of document.querySelectorAll('.kitchen-board[data-now]')) {
    const now = Date.now() + offsetOf(board);
    for (const age of board.querySelectorAll('[data-sent-at]')) {
      const ms = now - Number(age.dataset.sentAt);
      age.textContent = minutesSeconds(ms);
      age.closest('.ticket')?.classList.toggle('late', ms >= 15 * 60 * 1000);
    }
  }
}

document.addEventListener('DOMContentLoaded', () => {
  tick();
  setInterval(tick, 1000);
  document.body.addEventListener('htmx:afterSwap', tick);
  for (const b of document.querySelectorAll('[data-print]')) b.addEventListener('click', () => window.print());
});
