package paragon.integrations;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import paragon.accounts.Shops;
import paragon.receipts.SalePages;
import paragon.storage.Database;
import paragon.web.Problem;

/**
 * The query parameters of the {@code /api/v1} routes, read strictly: a bad one is a 400 naming it,
 * and a shop the key may not see is a 404 (as is every other account's id).
 */
final class ApiParams {
  /** A date ({@code 2026-12-01}) is a Polish calendar day, as the back office's sales pages count days. */
  static final ZoneId DAYS = ZoneId.of("Europe/Warsaw");
  static final int LIMIT_MAX = 200;
  static final int LIMIT_DEFAULT = 50;

  private ApiParams() {}

  /**
   * The shop of the request: the {@code shop} parameter (a shop of the account, and the key's shop when
   * the key is limited to one), else the key's shop, else null (every shop of the account).
   */
  static Long shop(Context ctx, Database db, ApiKeys.Key key) {
    String raw = ctx.queryParam("shop");
    if (raw == null || raw.isBlank()) return key.shopId();
    long id;
    try {
      id = Long.parseLong(raw.strip());
    } catch (NumberFormatException e) {
      throw Problem.invalid("shop", "api.shop.invalid");
    }
    if ((key.shopId() != null && key.shopId() != id) || !db.read(h -> Shops.exists(h, key.accountId(), id))) {
      throw Problem.notFound("shop", id);
    }
    return id;
  }

  /** Whether the key may see a record of shop {@code shopId}. */
  static boolean sees(ApiKeys.Key key, long shopId) {
    return key.shopId() == null || key.shopId() == shopId;
  }

  static int limit(Context ctx) {
    String raw = ctx.queryParam("limit");
    if (raw == null || raw.isBlank()) return LIMIT_DEFAULT;
    int n;
    try {
      n = Integer.parseInt(raw.strip());
    } catch (NumberFormatException e) {
      throw Problem.invalid("limit", "api.limit.invalid", LIMIT_MAX);
    }
    if (n < 1 || n > LIMIT_MAX) throw Problem.invalid("limit", "api.limit.invalid", LIMIT_MAX);
    return n;
  }

  /**
   * The range [from, to) in epoch ms: {@code from} a date (its start) or an instant; {@code to} a date
   * (included: up to the next day's start) or an instant (excluded). Missing: from the beginning, to the end.
   */
  static long[] range(Context ctx) {
    long from = bound(ctx.queryParam("from"), "from", false, 0L);
    long to = bound(ctx.queryParam("to"), "to", true, Long.MAX_VALUE);
    if (to <= from) throw Problem.invalid("to", "api.to.invalid");
    return new long[] {from, to};
  }

  private static long bound(String raw, String field, boolean end, long missing) {
    if (raw == null || raw.isBlank()) return missing;
    String s = raw.strip();
    try {
      if (s.length() == 10) {
        LocalDate day = LocalDate.parse(s);
        return (end ? day.plusDays(1) : day).atStartOfDay(DAYS).toInstant().toEpochMilli();
      }
      return OffsetDateTime.parse(s).toInstant().toEpochMilli();
    } catch (DateTimeParseException | ArithmeticException e) {
      throw Problem.invalid(field, "api." + field + ".invalid");
    }
  }

  /** The {@code cursor} of a sales page, or null for the first page. */
  static SalePages.Cursor cursor(Context ctx) {
    String raw = ctx.queryParam("cursor");
    if (raw == null || raw.isBlank()) return null;
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(raw.strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw Problem.invalid("cursor", "api.cursor.invalid");
    }
    int dot = text.indexOf('.');
    if (!text.matches("[0-9]{1,18}\\.[^.].*")) throw Problem.invalid("cursor", "api.cursor.invalid");
    return new SalePages.Cursor(Long.parseLong(text.substring(0, dot)), text.substring(dot + 1));
  }

  static String cursor(SalePages.Cursor c) {
    return c == null ? null : Base64.getUrlEncoder().withoutPadding()
        .encodeToString((c.closedAt() + "." + c.id()).getBytes(StandardCharsets.UTF_8));
  }

  static String time(long millis) {
    return Instant.ofEpochMilli(millis).toString();
  }

  static String time(Long millis) {
    return millis == null ? null : time(millis.longValue());
  }
}
