// The payment dialog's bill controls (issue 12): how the bill is split (whole, equal parts, an
// amount, by seat), the tip (none, a percent, an amount) and quick cash buttons. What this payment
// pays is previewed with bill.js; the server computes it again (BillRules) and answers it.
import { html } from 'lit';
import { formatMoney, formatAmount, parseMoney } from './money.js';
import { quickCash, evenPart, tipAmount, seatGroups } from './bill.js';

const PERCENTS = [500, 1000, 1500];

/**
 * What {@code host} (the payment dialog) will send: {@code split} for payPart (null: pay what is
 * left), {@code tipSpec} (null: none), and the previewed {@code amount} and {@code tip} in grosze.
 */
export function splitCommand(host) {
  const left = host.left;
  const { mode, parts, amountText } = host.split ?? { mode: 'whole' };
  let split = null;
  let amount = left;
  if (mode === 'even') {
    const n = Math.max(1, (parts ?? 1) - (host.partsDone ?? 0));
    amount = evenPart(left, n);
    if (amount < left) split = { by: 'EVEN', parts: n };
  } else if (mode === 'amount') {
    const a = parseMoney(amountText ?? '') ?? 0;
    amount = Math.min(Math.max(a, 0), left);
    if (amount > 0 && amount < left) split = { by: 'AMOUNT', amount };
  }
  const tip = host.tip ?? { kind: 'none' };
  const tipSpec = tip.kind === 'percent' && tip.percent > 0 ? { percent: tip.percent }
    : tip.kind === 'amount' && (parseMoney(tip.text ?? '') ?? 0) > 0 ? { amount: parseMoney(tip.text) } : null;
  return { split, tipSpec, amount, tip: tipAmount(tipSpec, amount) };
}

function setCash(host, amount) {
  const cash = (host.terminal.config?.payments ?? []).find((p) => p.change)?.method ?? 'CASH';
  host.amounts = { ...host.amounts, [cash]: amount };
  host.texts = { ...host.texts, [cash]: formatAmount(amount, host.terminal.lang) };
}

/**
 * A quick cash note: with no other method's amount typed, the guest's note pays at once (issue 15:
 * "100 zł in cash" is one tap, the change then shown large); otherwise it only fills the cash field.
 */
function quickPay(host, amount) {
  const cash = (host.terminal.config?.payments ?? []).find((p) => p.change)?.method ?? 'CASH';
  const others = Object.entries(host.amounts ?? {}).some(([m, a]) => m !== cash && a > 0);
  setCash(host, amount);
  if (!others) host.confirm();
}

async function splitBySeat(host) {
  const t = host.terminal;
  const live = t.receipts[host.receipt.id] ?? host.receipt;
  const groups = seatGroups(live);
  // The first group (no seat, or the lowest) stays on this receipt; each other seat gets its own.
  for (const g of groups.slice(1)) await t.moveLines(live, g.lines.map((line) => ({ line })), null);
  host.message = t.t('pay.split.seatDone', { count: groups.length });
  host.split = { ...host.split, mode: 'whole' };
}

export function billControls(host) {
  const t = host.terminal;
  const money = (g) => formatMoney(g, t.lang);
  const mode = host.split.mode;
  const set = (change) => { host.split = { ...host.split, ...change }; };
  const live = t.receipts[host.receipt.id] ?? host.receipt;
  const seats = seatGroups(live).length > 1;
  const { amount, tip } = splitCommand(host);
  const modes = ['whole', 'even', 'amount', ...(seats && (host.partsDone ?? 0) === 0 ? ['seat'] : [])];
  return html`<fieldset class="split" data-split=${mode}>
      <legend>${t.t('pay.split')}</legend>
      <div class="choices">${modes.map((m) => html`<button type="button" data-split-mode=${m}
        aria-pressed=${mode === m ? 'true' : 'false'} class=${mode === m ? 'selected' : ''}
        @click=${() => (m === 'seat' ? splitBySeat(host) : set({ mode: m }))}>${t.t('pay.split.' + m)}</button>`)}
      </div>
      ${mode === 'even' ? html`<label for="pay-parts">${t.t('pay.parts')}</label>
        <input id="pay-parts" type="number" min="2" max="100" .value=${String(host.split.parts)}
          @input=${(e) => set({ parts: Math.max(1, parseInt(e.target.value, 10) || 1) })}>
        <p class="muted" data-part-of>${t.t('pay.partOf',
          { n: (host.partsDone ?? 0) + 1, count: host.split.parts })}</p>` : ''}
      ${mode === 'amount' ? html`<label for="pay-part-amount">${t.t('pay.partAmount')}</label>
        <input id="pay-part-amount" inputmode="decimal" .value=${host.split.amountText}
          @input=${(e) => set({ amountText: e.target.value })}>` : ''}
      <p class="bill-line"><span>${t.t('pay.left')}</span> <strong id="pay-left">${money(host.left)}</strong></p>
      ${mode !== 'whole' ? html`<p class="bill-line"><span>${t.t('pay.partAmount')}</span>
        <strong id="pay-part">${money(amount)}</strong></p>` : ''}
    </fieldset>
    <fieldset class="tip"><legend>${t.t('pay.tip')}</legend>
      <div class="choices">
        <button type="button" data-tip="none" aria-pressed=${host.tip.kind === 'none' ? 'true' : 'false'}
          @click=${() => { host.tip = { kind: 'none', percent: 0, text: '' }; }}>${t.t('pay.tipNone')}</button>
        ${PERCENTS.map((p) => html`<button type="button" data-tip=${p}
          aria-pressed=${host.tip.kind === 'percent' && host.tip.percent === p ? 'true' : 'false'}
          @click=${() => { host.tip = { kind: 'percent', percent: p, text: '' }; }}>${p / 100} %</button>`)}
      </div>
      <label for="pay-tip">${t.t('pay.tipAmount')}</label>
      <input id="pay-tip" inputmode="decimal" .value=${host.tip.kind === 'amount' ? host.tip.text : ''}
        @input=${(e) => { host.tip = { kind: 'amount', percent: 0, text: e.target.value }; }}>
      ${tip > 0 ? html`<p class="bill-line"><span>${t.t('pay.toPay')}</span>
        <strong id="pay-with-tip">${money(amount + tip)}</strong></p>` : ''}
    </fieldset>
    <div class="quick-cash" role="group" aria-label=${t.t('pay.quick')}>
      ${quickCash(amount + tip).map((q, i) => html`<button type="button" data-quick=${q}
        @click=${() => quickPay(host, q)}>${i === 0 ? t.t('pay.exact') + ' ' : ''}${money(q)}</button>`)}
    </div>`;
}
