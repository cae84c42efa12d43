// The kitchen display device's page (/kitchen, a paired device of the model KITCHEN_DISPLAY): pairs
// once with the back office's code, keeps the device token in this browser (localStorage), and shows
// the board of its shop: htmx fetches /kitchen/board and the board polls itself every 2 s, each request
// carrying the token as "Authorization: Bearer" (no cookie). A refused token (401: revoked or paired
// again; 403: not a kitchen display) forgets the pairing and shows the form again; a lost connection
// keeps the last board and says so. A browser signed in to the back office, with no pairing here, goes
// on to the back office's kitchen view. No inline script: the page loads this file.
const KEY = 'paragon-kitchen-display';

function saved() {
  try {
    return JSON.parse(localStorage.getItem(KEY));
  } catch {
    return null;
  }
}

function status(text) {
  const p = document.getElementById('display-status');
  p.textContent = text ?? '';
  p.hidden = !text;
}

function showPairing(message) {
  document.getElementById('board-slot').replaceChildren();
  document.getElementById('display-name').textContent = '';
  document.getElementById('pairing').hidden = false;
  status(message);
  document.getElementById('pair-code').focus();
}

function showBoard() {
  const device = saved();
  document.getElementById('pairing').hidden = true;
  document.getElementById('display-name').textContent = device?.name ?? '';
  htmx.ajax('GET', '/kitchen/board', { target: '#board-slot', swap: 'innerHTML' });
}

function problem(slot, text) {
  const p = document.createElement('p');
  p.className = 'error';
  p.textContent = text;
  slot.replaceChildren(p);
}

async function pair(event) {
  event.preventDefault();
  const input = document.getElementById('pair-code');
  const error = document.getElementById('pair-error');
  const button = event.target.querySelector('button[type=submit]');
  button.disabled = true;
  input.setAttribute('aria-invalid', 'false');
  error.replaceChildren();
  try {
    let response;
    try {
      response = await fetch('/api/device/pair', {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ code: input.value.trim(), screen: 'kitchen' }),
      });
    } catch {
      problem(error, document.body.dataset.network);
      return;
    }
    const body = await response.json().catch(() => ({ message: 'HTTP ' + response.status }));
    if (!response.ok) {
      input.setAttribute('aria-invalid', 'true');
      problem(error, body.message ?? 'HTTP ' + response.status);
      return;
    }
    localStorage.setItem(KEY, JSON.stringify({ token: body.token, id: body.device.id, name: body.device.name }));
    input.value = '';
    status(null);
    showBoard();
  } finally {
    button.disabled = false;
  }
}

/** With no pairing here: a browser signed in to the back office goes to its kitchen view. */
async function signedInToBackOffice() {
  try {
    const r = await fetch('/backoffice/kitchen/board', { redirect: 'manual', credentials: 'same-origin' });
    return r.ok && r.type !== 'opaqueredirect';
  } catch {
    return false;
  }
}

document.addEventListener('DOMContentLoaded', async () => {
  const body = document.body;
  body.addEventListener('htmx:configRequest', (e) => {
    const device = saved();
    if (device) e.detail.headers.Authorization = 'Bearer ' + device.token;
  });
  body.addEventListener('htmx:responseError', (e) => {
    const code = e.detail.xhr.status;
    if (code === 401 || code === 403) {
      localStorage.removeItem(KEY);
      showPairing(body.dataset.unpaired);
    }
  });
  body.addEventListener('htmx:sendError', () => status(body.dataset.offline));
  body.addEventListener('htmx:afterSwap', () => status(null));
  document.getElementById('pairing').addEventListener('submit', pair);
  if (saved()) {
    showBoard();
  } else if (await signedInToBackOffice()) {
    location.replace('/backoffice/kitchen');
  } else {
    showPairing(null);
  }
});
