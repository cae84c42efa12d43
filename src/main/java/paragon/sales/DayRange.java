package paragon.sales;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import paragon.web.FieldErrors;
import paragon.web.Problem;

/**
 * A range of whole days from the query ({@code from}, {@code to}, both included, Polish calendar days:
 * {@link Display#ZONE}), at most {@link #MAX_DAYS} long. The older {@code day} parameter is one day.
 * A missing bound is today (from) or {@code from} (to). {@code fromText}/{@code toText}: what was
 * typed, shown again next to its error.
 */
record DayRange(LocalDate from, LocalDate to, String fromText, String toText) {
  static final int MAX_DAYS = 366;
  private static final LocalDate FIRST_DAY = LocalDate.of(1970, 1, 1);
  private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

  long fromMillis() {
    return from.atStartOfDay(Display.ZONE).toInstant().toEpochMilli();
  }

  /** The first instant after the range. */
  long toMillis() {
    return to.plusDays(1).atStartOfDay(Display.ZONE).toInstant().toEpochMilli();
  }

  /**
   * The range of the request; each bad bound is added to {@code errors} under its field (and the range
   * is then null). {@code day} alone is answered as before: a 400 naming {@code day}.
   */
  static DayRange of(Context ctx, Clock clock, FieldErrors errors) {
    return of(ctx, clock, errors, 0);
  }

  /** As {@link #of(Context, Clock, FieldErrors)}, a missing {@code from} being {@code daysBack} days before today. */
  static DayRange of(Context ctx, Clock clock, FieldErrors errors, int daysBack) {
    String day = blank(ctx.queryParam("day"));
    String fromText = blank(ctx.queryParam("from"));
    String toText = blank(ctx.queryParam("to"));
    LocalDate today = LocalDate.ofInstant(clock.instant(), Display.ZONE);
    if (day != null && fromText == null && toText == null) {
      LocalDate d = parse(day);
      if (d == null) throw Problem.invalid("day", "sales.error.day");
      if (outside(d)) throw Problem.invalid("day", "sales.error.day_range", FIRST_DAY.toString(), LAST_DAY.toString());
      return new DayRange(d, d, d.toString(), d.toString());
    }
    LocalDate from = fromText == null ? today.minusDays(daysBack) : check(fromText, "from", errors);
    LocalDate to = toText == null ? (daysBack == 0 ? from : today) : check(toText, "to", errors);
    if (from != null && to != null) {
      if (to.isBefore(from)) {
        errors.add("to", "sales.error.to_before_from");
      } else if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
        errors.add("to", "sales.error.range_too_long", MAX_DAYS);
      }
    }
    String shownFrom = fromText == null ? today.minusDays(daysBack).toString() : fromText;
    String shownTo = toText == null ? (to == null ? "" : to.toString()) : toText;
    if (!errors.isEmpty()) return new DayRange(null, null, shownFrom, shownTo);
    return new DayRange(from, to, shownFrom, shownTo);
  }

  boolean valid() {
    return from != null;
  }

  private static LocalDate check(String text, String field, FieldErrors errors) {
    LocalDate d = parse(text);
    if (d == null) {
      errors.add(field, "sales.error.day");
      return null;
    }
    if (outside(d)) {
      errors.add(field, "sales.error.day_range", FIRST_DAY.toString(), LAST_DAY.toString());
      return null;
    }
    return d;
  }

  private static LocalDate parse(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** LocalDate reaches year ±999 999 999, whose midnight is no epoch millisecond: real days only. */
  private static boolean outside(LocalDate d) {
    return d.isBefore(FIRST_DAY) || d.isAfter(LAST_DAY);
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
