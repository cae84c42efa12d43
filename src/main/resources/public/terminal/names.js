// Receipt names in this terminal's language (docs/protocol.md "Receipt names"). A receipt whose
// name no person gave carries defaultName ({number} for "Sale N", {number|base, recovered} for a
// recovered one) and is named here in the cashier's language; a renamed receipt or a table keeps
// its name. The rules are the server's (paragon.receipts.DefaultName, Numbering); one table of
// cases (src/test/resources/receipt-names.json) tests both.
import { translate, LANGUAGES } from './i18n.js';

/**
 * The server's longest name (paragon.receipts.Limits.MAX_NAME, served as the configuration's
 * limits.name); receipt-names.json holds it for both sides' tests, so the two cannot drift.
 */
export const MAX_NAME = 40;

/**
 * {@code defaultName} in {@code lang}, at most MAX_NAME characters (code points, as the server
 * cuts).
 */
export function renderDefault(defaultName, lang) {
  const name = defaultName.number != null
    ? translate(lang, 'receipt.saleName', { number: defaultName.number }) : defaultName.base;
  if (!defaultName.recovered) return name;
  const suffix = translate(lang, 'receipt.recoveredSuffix');
  const room = MAX_NAME - characters(suffix);
  const chars = [...name];
  return (chars.length > room ? chars.slice(0, room).join('').trim() : name) + suffix;
}

/**
 * How long {@code text} is by the server's limits: in code points, as paragon.receipts.Guards
 * counts (an emoji is one character, not the two UTF-16 units of {@code text.length}).
 */
export function characters(text) {
  return [...text].length;
}

/**
 * The server's limit {@code name} ('name', 'note', ...; docs/protocol.md "Limits") as the applied
 * configuration serves it. A configuration stored before limits were served has none: then the
 * terminal does not check, and the server's refusal says what is wrong.
 */
export function limitOf(config, name) {
  return config?.limits?.[name] ?? Infinity;
}

/** What {@code receipt} is called on this terminal. */
export function receiptName(receipt, lang) {
  return receipt.defaultName ? renderDefault(receipt.defaultName, lang) : receipt.name ?? '';
}

const key = (name) => String(name).trim().toLowerCase();

/** The names a receipt takes: its default name in every language, else its own name. */
export function namesOf(receipt) {
  return receipt.defaultName
    ? LANGUAGES.map((lang) => renderDefault(receipt.defaultName, lang))
    : [receipt.name ?? ''];
}

/**
 * The lowest N >= 1 whose "Sale N" is, in no language, among {@code names} (case and spaces aside).
 */
export function lowestFree(names) {
  const used = new Set(names.map(key));
  for (let n = 1; ; n++) {
    if (LANGUAGES.every((lang) => !used.has(key(renderDefault({ number: n }, lang))))) return n;
  }
}
