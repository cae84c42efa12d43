package paragon.sales;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import paragon.web.I18n;
import paragon.web.MoneyText;

/**
 * How the back office writes amounts, times and ages. Times are shown in Polish time
 * ({@link #ZONE}): the shops are in Poland, and a "day" of sales is a Polish calendar day.
 */
final class Display {
  static final ZoneId ZONE = ZoneId.of("Europe/Warsaw");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZONE);
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);

  private Display() {}

  /** Grosze as the one money rule writes them ({@link MoneyText}): "1 234,50 zł" / "1,234.50 zł". */
  static String money(long grosze, String language) {
    return MoneyText.format(grosze, language);
  }

  static String time(long epochMillis) {
    return TIME.format(Instant.ofEpochMilli(epochMillis));
  }

  static String dateTime(long epochMillis) {
    return DATE_TIME.format(Instant.ofEpochMilli(epochMillis));
  }

  /** "4 min", "2 h 05 min", "3 d 4 h": how long a receipt has been open. */
  static String age(long sinceMillis, long nowMillis, I18n i18n) {
    Duration d = Duration.ofMillis(Math.max(0, nowMillis - sinceMillis));
    if (d.toDays() > 0) return i18n.t("sales.age.days", d.toDays(), d.toHoursPart());
    if (d.toHours() > 0) return i18n.t("sales.age.hours", d.toHours(), String.format("%02d", d.toMinutesPart()));
    return i18n.t("sales.age.minutes", d.toMinutes());
  }
}
