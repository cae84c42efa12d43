// Discounts (docs/protocol.md "Discounts"): a percentage or an amount off one line or off the whole
// receipt, with a reason, given with GIVE_DISCOUNTS. The server computes every amount; this module
// previews them by the server's rules, in integer grosze, until the server's view arrives:
//   1. a line's total is quantity x unit price (money.js lineAmount); its discount is
//      PERCENT: round half up (total x value / 10000), value in hundredths of a percent
//      (1000 = 10 %), or AMOUNT: value grosze, at most the total; its due is total - discount;
//   2. the receipt's discount is taken off the sum of the dues the same way;
//   3. it is spread over the lines in proportion to their dues, largest remainder first (ties to
//      the earlier line), so each VAT rate's gross is exact and the rates sum to the total to pay.
import { lineAmount, paidLines, parseMoney, vatBreakdown } from './money.js';
import { translate } from './i18n.js';
import { characters } from './names.js';

export const KINDS = ['PERCENT', 'AMOUNT'];
/** The highest percent value: 100 %, in hundredths of a percent. */
export const MAX_PERCENT = 10000;
/** A discount's reason, in characters, when the configuration serves no limit for it. */
export const REASON_LIMIT = 80;

/** The grosze {@code discount} ({kind, value} or null) takes off {@code base} grosze. */
export function discountAmount(base, discount) {
  if (!discount?.kind || base <= 0) return 0;
  if (discount.kind === 'PERCENT') {
    const value = BigInt(Math.min(Math.max(discount.value, 0), MAX_PERCENT));
    return Number((BigInt(base) * value * 2n + 10000n) / 20000n);
  }
  return Math.min(Math.max(discount.value, 0), base);
}

/** {@code line} with its total, its discount's amount and its due, as the server prices them. */
export function priceLine(line) {
  const total = lineAmount(line.unitPrice, line.quantity);
  const discount = line.discount?.kind
    ? { ...line.discount, amount: discountAmount(total, line.discount) } : null;
  return { ...line, total, discount, due: total - (discount?.amount ?? 0) };
}

/**
 * {@code receipt} priced as the server prices it: every line (priceLine), and {subtotal (the
 * lines' totals), discount (the receipt's, with its amount, or null), discountTotal (the lines'
 * discounts and the receipt's), total (to pay), vat (per rate, on what is paid)}.
 */
export function priceReceipt(receipt) {
  const lines = (receipt.lines ?? []).map(priceLine);
  const subtotal = lines.reduce((s, l) => s + l.total, 0);
  const base = lines.reduce((s, l) => s + l.due, 0);
  const discount = receipt.discount?.kind
    ? { ...receipt.discount, amount: discountAmount(base, receipt.discount) } : null;
  const off = discount?.amount ?? 0;
  const paid = paidLines({ lines, discount });
  return {
    ...receipt, lines, subtotal, discount, discountTotal: subtotal - base + off, total: base - off,
    vat: vatBreakdown(paid).map((v) => ({ vat: v.rate, gross: v.gross, net: v.net, tax: v.vat })),
  };
}

/**
 * What a cashier typed as a discount -> its value, or {error} saying why not: a percent ("10",
 * "12,5") in hundredths of a percent, above 0 and at most 100; an amount (money.js parseMoney)
 * above 0 and at most {@code base} grosze.
 */
export function parseDiscount(kind, text, base) {
  const typed = String(text ?? '').trim();
  if (kind === 'PERCENT') {
    const m = /^(\d{1,3})(?:[.,](\d{0,2}))?\s*%?$/.exec(typed);
    const value = m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : null;
    if (value === null || value < 1 || value > MAX_PERCENT) return { error: 'discount.badPercent' };
    return { value };
  }
  const value = parseMoney(typed);
  if (value === null || value < 1) return { error: 'discount.badAmount' };
  if (value > base) return { error: 'discount.tooMuch' };
  return { value };
}

/** The typed form of a discount's value: "12,5" (pl) for 1250 hundredths of a percent. */
export function percentText(value, lang = 'pl') {
  const whole = Math.trunc(value / 100);
  const frac = String(value % 100).padStart(2, '0').replace(/0+$/, '');
  return frac ? `${whole}${lang === 'en' ? '.' : ','}${frac}` : String(whole);
}

/** "Rabat 10 % — stały gość" / "Rabat — stały gość": a discount in words, in {@code lang}. */
export function discountWords(discount, lang = 'pl') {
  const reason = discount.reason ?? '';
  return discount.kind === 'PERCENT'
    ? translate(lang, 'discount.shownPercent',
      { value: percentText(discount.value, lang) + '\u00a0%', reason })
    : translate(lang, 'discount.shown', { reason });
}

/** The longest reason the server takes, in characters: the configuration's, else REASON_LIMIT. */
export function reasonLimit(config) {
  return config?.limits?.reason ?? REASON_LIMIT;
}

/** Whether {@code text} is a reason the server takes: 1 to reasonLimit characters, trimmed. */
export function reasonFits(text, config) {
  const n = characters(String(text ?? '').trim());
  return n >= 1 && n <= reasonLimit(config);
}
