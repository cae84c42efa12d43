package paragon.sales;

import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import paragon.accounts.BackOfficeAuth;
import paragon.receipts.SalesExport;
import paragon.web.I18n;
import paragon.web.Lang;
import paragon.web.Problem;

/**
 * The CSV exports of the sales page ({@code GET /backoffice/sales/export}): {@code kind=sales} (one
 * row per sale) or {@code kind=lines} (one row per line), of the page's filters. {@code format=pl}:
 * {@code ;} between fields and a decimal comma (what a Polish spreadsheet opens); {@code plain}:
 * {@code ,} and a dot. {@code bom=1} starts the file with a UTF-8 byte order mark, for Excel. The rows
 * stream from the database to the response as they are read ({@link SalesExport}); nothing collects
 * them. Columns: docs/backoffice.md.
 */
final class SalesCsv {
  static final List<String> KINDS = List.of("sales", "lines");
  static final List<String> FORMATS = List.of("pl", "plain");
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
      .withZone(Display.ZONE);
  private static final DateTimeFormatter UTC = DateTimeFormatter.ISO_INSTANT;
  static final List<String> SALE_COLUMNS = List.of("receipt_id", "time_local", "time_utc", "shop", "device",
      "cashier", "receipt", "total", "discount", "net", "tax", "cash", "card", "voucher", "transfer", "tendered",
      "change", "tip", "corrections");
  static final List<String> LINE_COLUMNS = List.of("receipt_id", "time_local", "time_utc", "shop", "device",
      "cashier", "product_id", "product", "quantity", "unit_price", "modifiers", "line_total", "discount",
      "discount_reason", "vat", "methods", "corrections");

  private final SalesExport export;
  private final OfficeStore store;

  SalesCsv(SalesExport export, OfficeStore store) {
    this.export = export;
    this.store = store;
  }

  void export(Context ctx, SalesRoutes.Selection sel) {
    long accountId = BackOfficeAuth.admin(ctx).accountId();
    I18n i18n = Lang.of(ctx);
    if (!sel.errors().isEmpty()) {
      var first = sel.errors().all().entrySet().iterator().next();
      throw Problem.invalid(first.getKey(), first.getValue().key(), first.getValue().args());
    }
    String kind = option(ctx, "kind", KINDS, "sales");
    String format = option(ctx, "format", FORMATS, "pl".equals(i18n.language()) ? "pl" : "plain");
    boolean bom = "1".equals(ctx.queryParam("bom")) || "on".equals(ctx.queryParam("bom"));
    boolean pl = "pl".equals(format);
    Map<Long, String> shops = new java.util.LinkedHashMap<>();
    store.shops(accountId).forEach(s -> shops.put(s.id(), s.name()));
    Map<Long, String> devices = store.deviceNames(accountId);
    Map<Long, String> users = store.userNames(accountId);
    ctx.contentType("text/csv; charset=UTF-8");
    ctx.header("Content-Disposition", "attachment; filename=\"paragon-" + kind + "-" + sel.range().from() + "-"
        + sel.range().to() + ".csv\"");
    CSVFormat csv = CSVFormat.DEFAULT.builder().setDelimiter(pl ? ';' : ',').setRecordSeparator("\r\n").get();
    try {
      Writer out = new BufferedWriter(new OutputStreamWriter(ctx.res().getOutputStream(), StandardCharsets.UTF_8),
          1 << 16);
      if (bom) out.write('\uFEFF');
      CSVPrinter printer = new CSVPrinter(out, csv);
      List<String> columns = kind.equals("sales") ? SALE_COLUMNS : LINE_COLUMNS;
      printer.printRecord(columns.stream().map(c -> i18n.t("sales.csv." + c)).toList());
      if (kind.equals("sales")) {
        export.sales(accountId, sel.query(), s -> print(printer, List.of(s.id(), LOCAL.format(at(s.closedAt())),
            UTC.format(at(s.closedAt())), name(shops, s.shopId()), name(devices, s.deviceId()),
            name(users, s.userId()), s.name(), money(s.total(), pl), money(s.discount(), pl), money(s.net(), pl),
            money(s.tax(), pl), money(s.paid().get("CASH"), pl), money(s.paid().get("CARD"), pl),
            money(s.paid().get("VOUCHER"), pl), money(s.paid().get("TRANSFER"), pl), money(s.tendered(), pl),
            money(s.change(), pl), money(s.tip(), pl), money(-s.corrections(), pl))));
      } else {
        export.lines(accountId, sel.query(), l -> {
          List<String> row = new ArrayList<>(List.of(l.saleId(), LOCAL.format(at(l.closedAt())),
              UTC.format(at(l.closedAt())), name(shops, l.shopId()), name(devices, l.deviceId()),
              name(users, l.userId()), l.productId() == null ? "" : String.valueOf(l.productId()), l.name(),
              decimal(l.quantity(), 3, pl), money(l.unitPrice(), pl), String.join(", ", l.modifiers()),
              money(l.total(), pl), money(l.discount(), pl)));
          row.add(l.discountReason() == null ? "" : l.discountReason());
          row.add(l.vat());
          row.add(String.join("+", l.methods()));
          row.add(money(-l.voided(), pl));
          print(printer, row);
        });
      }
      printer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("writing the " + kind + " export", e);
    }
  }

  private static void print(CSVPrinter printer, List<String> row) {
    try {
      printer.printRecord(row);
    } catch (IOException e) {
      throw new UncheckedIOException("writing an export row", e);
    }
  }

  private static String option(Context ctx, String field, List<String> allowed, String fallback) {
    String value = ctx.queryParam(field);
    if (value == null || value.isBlank()) return fallback;
    if (!allowed.contains(value.strip())) throw Problem.invalid(field, "sales.error." + field);
    return value.strip();
  }

  private static Instant at(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis);
  }

  private static String name(Map<Long, String> names, long id) {
    return names.getOrDefault(id, "#" + id);
  }

  /** Grosze as "12,50" (Polish) or "12.50" (plain): no grouping, no currency, as a spreadsheet reads it. */
  static String money(long grosze, boolean pl) {
    return decimal(grosze, 2, pl);
  }

  static String decimal(long units, int scale, boolean pl) {
    BigDecimal d = BigDecimal.valueOf(units, scale);
    String s = (scale == 2 ? d : d.stripTrailingZeros()).toPlainString();
    return pl ? s.replace('.', ',') : s;
  }
}
