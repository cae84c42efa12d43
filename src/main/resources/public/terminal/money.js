// Money is integer grosze and quantities are integer thousandths, as on the server: this module
// only formats and parses them, with integer arithmetic (no floating point touches an amount).

const NBSP = '\u00a0';
/** The largest amount a cashier may type: 1 000 000 zł (the server bounds amounts too). */
export const MAX_TYPED_GROSZE = 100_000_000;

function group(digits, separator) {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += separator;
    out += digits[i];
  }
  return out;
}

/**
 * 1250 -> "12,50 zł" (pl) or "12.50 zł" (en): the one money rule, the back office's too
 * (paragon.web.MoneyText; both held to src/test/resources/money-fixture.json). Thousands are grouped
 * from four digits, with a non-breaking space (pl) or a comma (en); "zł" follows after a
 * non-breaking space.
 */
export function formatMoney(grosze, lang = 'pl') {
  if (!Number.isSafeInteger(grosze)) throw new TypeError('grosze must be an integer: ' + grosze);
  const negative = grosze < 0;
  const abs = Math.abs(grosze);
  const whole = String(Math.trunc(abs / 100));
  const cents = String(abs % 100).padStart(2, '0');
  const sign = negative ? '-' : '';
  if (lang === 'en') return `${sign}${group(whole, ',')}.${cents}${NBSP}zł`;
  return `${sign}${group(whole, NBSP)},${cents}${NBSP}zł`;
}

/** 1250 -> "12,50" (pl) / "12.50" (en): for inputs, without the currency. */
export function formatAmount(grosze, lang = 'pl') {
  const abs = Math.abs(grosze);
  const text = `${Math.trunc(abs / 100)}${lang === 'en' ? '.' : ','}${
    String(abs % 100).padStart(2, '0')}`;
  return grosze < 0 ? '-' + text : text;
}

/**
 * What a cashier typed as a price -> grosze, or null when it is not one: digits with at most two
 * decimals after "," or ".", spaces between thousands allowed, not negative, at most
 * MAX_TYPED_GROSZE.
 */
export function parseMoney(text) {
  if (typeof text !== 'string') return null;
  const cleaned = text.replace(/[\s\u00a0]/g, '').replace(/(zł|pln)$/i, '');
  const m = /^(\d{1,9})(?:[.,](\d{0,2}))?$/.exec(cleaned);
  if (!m) return null;
  const grosze = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return grosze <= MAX_TYPED_GROSZE ? grosze : null;
}

/** 1000 -> "1", 1500 -> "1,5" (pl) / "1.5" (en), 250 -> "0,25": quantities are thousandths. */
export function formatQuantity(thousandths, lang = 'pl') {
  const abs = Math.abs(thousandths);
  const whole = Math.trunc(abs / 1000);
  const frac = String(abs % 1000).padStart(3, '0').replace(/0+$/, '');
  const text = frac ? `${whole}${lang === 'en' ? '.' : ','}${frac}` : String(whole);
  return thousandths < 0 ? '-' + text : text;
}

/** "1,5" / "1.5" -> 1500; up to three decimals, more than zero, at most 9999; else null. */
export function parseQuantity(text) {
  if (typeof text !== 'string') return null;
  const m = /^(\d{1,4})(?:[.,](\d{0,3}))?$/.exec(text.trim());
  if (!m) return null;
  const q = Number(m[1]) * 1000 + Number((m[2] ?? '').padEnd(3, '0'));
  return q > 0 ? q : null;
}

/**
 * A line's amount as a preview: unit price x quantity / 1000, rounded half away from zero. The
 * server computes the real one; the terminal shows this only until the server's answer arrives.
 */
export function lineAmount(unitPrice, quantity) {
  const product = unitPrice * quantity;
  if (!Number.isSafeInteger(product)) throw new RangeError('amount out of range');
  const sign = product < 0 ? -1 : 1;
  return sign * Math.floor((Math.abs(product) + 500) / 1000);
}

export const VAT_RATES = ['23', '8', '5', '0', 'ZW'];

/**
 * The VAT breakdown to show for {@code receipt}: the server's (its view's {@code vat},
 * docs/protocol.md "Receipts") unless the terminal previews the receipt (its own changes not yet
 * answered, or a view stored before the server sent one), then the preview below. Same shape.
 */
export function receiptVat(receipt) {
  if (receipt.preview || !Array.isArray(receipt.vat)) return vatBreakdown(paidLines(receipt));
  return receipt.vat.map((s) => ({ rate: s.vat, gross: s.gross, vat: s.tax, net: s.net }));
}

/**
 * What is paid of each line of {@code receipt} ({vat, total}): its total less its own discount
 * and its share of the receipt's (spread by its due, as the server spreads it, discounts.js).
 */
export function paidLines(receipt) {
  const lines = receipt.lines ?? [];
  const dues = lines.map((l) => l.total - (l.discount?.amount ?? 0));
  const shares = spread(receipt.discount?.amount ?? 0, dues);
  return lines.map((l, i) => ({ vat: l.vat, total: dues[i] - shares[i] }));
}

/**
 * {@code amount} spread over {@code weights} (non-negative) in proportion, largest remainder
 * first, ties to the earlier: the parts sum to {@code amount} exactly (BigInt: amount x weight
 * may pass 2^53).
 */
export function spread(amount, weights) {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (!amount || sum <= 0) return weights.map(() => 0);
  const a = BigInt(amount);
  const s = BigInt(sum);
  const parts = weights.map((w) => ({ share: (a * BigInt(w)) / s, rest: (a * BigInt(w)) % s }));
  let left = amount - parts.reduce((t, p) => t + Number(p.share), 0);
  const byRest = (i, j) => (parts[j].rest > parts[i].rest ? 1
    : parts[j].rest < parts[i].rest ? -1 : i - j);
  for (const i of parts.map((p, k) => k).sort(byRest)) {
    if (left <= 0) break;
    parts[i].share += 1n;
    left -= 1;
  }
  return parts.map((p) => Number(p.share));
}

/**
 * The preview of the server's VAT breakdown of gross line totals, per rate ({rate, gross, vat,
 * net}) in VAT_RATES order, only rates that occur. VAT is extracted from gross (Polish receipts
 * price gross): gross * r / (100 + r), rounded half up per rate (money-cases.json holds it to the
 * server's). The fiscal receipt is not ours.
 */
export function vatBreakdown(lines) {
  const gross = new Map();
  for (const line of lines) gross.set(line.vat, (gross.get(line.vat) ?? 0) + line.total);
  return VAT_RATES.filter((rate) => gross.has(rate)).map((rate) => {
    const g = gross.get(rate);
    const r = rate === 'ZW' ? 0 : Number(rate);
    const vat = r === 0 ? 0
      : Math.sign(g) * Math.floor((Math.abs(g) * r * 2 + (100 + r)) / (2 * (100 + r)));
    return { rate, gross: g, vat, net: g - vat };
  });
}
