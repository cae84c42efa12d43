// The back office's few behaviours, as a file rather than inline handlers (the Content-Security-Policy
// allows no inline script): a select that submits its form on change, a print button, and a form
// that asks to confirm first (its question in data-confirm, translated by the template); on a phone,
// where the menu is one row that scrolls sideways, the current page's item is scrolled into sight.
document.addEventListener('change', (e) => {
  const select = e.target.closest?.('[data-autosubmit]');
  if (select?.form) select.form.submit();
});
document.addEventListener('click', (e) => {
  if (e.target.closest?.('[data-print]')) window.print();
});
document.addEventListener('submit', (e) => {
  const form = e.target.closest?.('form[data-confirm]');
  if (form && !window.confirm(form.dataset.confirm)) e.preventDefault();
});
document.addEventListener('DOMContentLoaded', () => {
  const current = document.querySelector('.menu a[aria-current="page"]');
  const menu = current?.parentElement;
  if (menu && menu.scrollWidth > menu.clientWidth) {
    menu.scrollLeft = current.offsetLeft - (menu.clientWidth - current.offsetWidth) / 2;
  }
});
