// Every string the terminal app shows, in Polish (the default) and English. Placeholders are
// {name}. Remote text (receipt and product names, notes, the server's messages) never goes through
// here as a pattern: it is only ever an argument, and components insert it as text. The strings
// themselves are in i18n-pl.js and i18n-en.js, one language a file.
import { pl } from './i18n-pl.js';
import { en } from './i18n-en.js';

export const dictionaries = { pl, en };

export const LANGUAGES = ['pl', 'en'];
/** Each language by its own name (a cashier who cannot read the current one still finds theirs). */
export const LANGUAGE_NAMES = { pl: 'Polski', en: 'English' };

/**
 * The text for {@code key} in {@code lang} with {name} placeholders filled; a missing key throws.
 */
export function translate(lang, key, args = {}) {
  const dict = dictionaries[lang] ?? dictionaries.pl;
  const pattern = dict[key];
  if (pattern === undefined) throw new Error(`no translation for '${key}' in ${lang}`);
  return pattern.replace(/\{(\w+)\}/g, (m, name) => (name in args ? String(args[name]) : m));
}

/**
 * {@code text} folded for searching: lower case, without diacritics, so "zur" finds "Żurek" and
 * "lody" finds "Łody" (ł has no decomposition of its own).
 */
export function fold(text) {
  return String(text ?? '').toLocaleLowerCase('pl').normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l');
}
