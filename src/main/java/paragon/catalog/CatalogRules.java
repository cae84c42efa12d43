package paragon.catalog;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import paragon.web.FieldErrors;
import paragon.web.Storable;

/**
 * Pure checks of what an owner types into the catalog's forms and CSV files: names, prices in zł,
 * VAT rates, short codes and sort orders. Each check records its error for the field it names and
 * answers null, so a form shows every error at once and saves nothing.
 */
public final class CatalogRules {
  static final int NAME_MAX = 60;
  static final int CATEGORY_MAX = 40;
  static final int CODE_MAX = 10;
  /** 1 000 000,00 zł, the terminal's largest unit price (receipts.Limits.MAX_UNIT_PRICE). */
  static final long MAX_PRICE = 100_000_000L;
  static final int POSITION_MAX = 99_999;
  static final List<String> VATS = List.of("23", "8", "5", "0", "ZW");

  /** Optional sign, whole złote (spaces may group thousands), then "," or "." and 1-2 groszy digits. */
  private static final Pattern MONEY =
      Pattern.compile("([+-]?)(\\d{1,3}(?:[ \u00a0]\\d{3})+|\\d+)(?:[.,](\\d{1,2}))?(?:\\s*(?:zł|zl|PLN))?",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9]{1," + CODE_MAX + "}");

  private CatalogRules() {}

  /** {@code raw} in grosze ("12,50", "12.50", "12", "1 200,5 zł", "-2,00"), or null when it is not money. */
  static Long money(String raw) {
    if (raw == null) return null;
    Matcher m = MONEY.matcher(raw.strip());
    if (!m.matches()) return null;
    String whole = m.group(2).replaceAll("[ \u00a0]", "");
    if (whole.length() > 9) return null;
    String fraction = m.group(3) == null ? "00" : (m.group(3) + "0").substring(0, 2);
    long grosze = Long.parseLong(whole) * 100 + Long.parseLong(fraction);
    return "-".equals(m.group(1)) ? -grosze : grosze;
  }

  /** Strip, 1..{@code max} characters (code points); {@code key} is the length message. */
  static String name(String raw, String field, int max, String key, FieldErrors errors) {
    String name = raw == null ? "" : raw.strip();
    if (!Storable.check(errors, field, name)) return null;
    int length = name.codePointCount(0, name.length());
    if (length < 1 || length > max) {
      errors.add(field, key, max);
      return null;
    }
    return name;
  }

  /** A price of 0 to 1 000 000,00 zł in grosze. */
  static Long price(String raw, String field, FieldErrors errors) {
    Long grosze = money(raw);
    if (raw == null || raw.isBlank()) {
      errors.add(field, "catalog.price.required");
      return null;
    }
    if (grosze == null || grosze < 0 || grosze > MAX_PRICE) {
      errors.add(field, "catalog.price.invalid");
      return null;
    }
    return grosze;
  }

  /** A price delta of an option: may be 0 or negative, at most 1 000 000,00 zł either way. */
  static Long delta(String raw, String field, FieldErrors errors) {
    if (raw == null || raw.isBlank()) return 0L;
    Long grosze = money(raw);
    if (grosze == null || Math.abs(grosze) > MAX_PRICE) {
      errors.add(field, "catalog.delta.invalid");
      return null;
    }
    return grosze;
  }

  /** One of 23, 8, 5, 0, ZW ("zw", "23%" and "23 %" accepted). */
  static String vat(String raw, String field, FieldErrors errors) {
    String vat = raw == null ? "" : raw.strip().replaceFirst("\\s*%$", "").toUpperCase(Locale.ROOT);
    if (!VATS.contains(vat)) {
      errors.add(field, "catalog.vat.invalid");
      return null;
    }
    return vat;
  }

  /** Blank: no code (null). Else 1..10 ASCII letters or digits, kept as typed (unique ignoring case). */
  static String code(String raw, String field, FieldErrors errors) {
    String code = raw == null ? "" : raw.strip();
    if (code.isEmpty()) return null;
    if (Storable.check(errors, field, code) && !CODE.matcher(code).matches()) {
      errors.add(field, "catalog.code.invalid", CODE_MAX);
    }
    return code;
  }

  /** Blank: null (placed at the end). Else a whole number 0..99 999. */
  static Integer position(String raw, String field, FieldErrors errors) {
    String s = raw == null ? "" : raw.strip();
    if (s.isEmpty()) return null;
    if (!s.matches("\\d{1,5}")) {
      errors.add(field, "catalog.position.invalid", POSITION_MAX);
      return null;
    }
    return Integer.parseInt(s);
  }

  /** A non-negative count of choices, 0..20. */
  static Integer choices(String raw, String field, FieldErrors errors) {
    String s = raw == null ? "" : raw.strip();
    if (!s.matches("\\d{1,2}") || Integer.parseInt(s) > 20) {
      errors.add(field, "catalog.choices.invalid");
      return null;
    }
    return Integer.parseInt(s);
  }

  /** An id sent by a form (a select, a hidden field): a number, or -1 for anything else. */
  static long id(String raw) {
    try {
      return raw == null ? -1 : Long.parseLong(raw.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** grosze as the forms and the CSV write them: "12,50" (Polish) or "12.50". */
  public static String format(long grosze, boolean comma) {
    String sign = grosze < 0 ? "-" : "";
    long abs = Math.abs(grosze);
    return sign + (abs / 100) + (comma ? "," : ".") + String.format("%02d", abs % 100);
  }
}
