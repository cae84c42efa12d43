package paragon.sales;

import java.util.List;
import java.util.Map;
import paragon.receipts.SalesQueries;
import paragon.web.I18n;

/** The sales page's summaries of a range, written for the reader (amounts and names in their language). */
public final class SalesSummary {
  private SalesSummary() {}

  /** One row of a summary table: what it is, how many sales (blank where it does not apply), the amount. */
  public record Row(String label, String count, String amount) {}

  public record VatRow(String vat, String gross, String net, String tax) {}

  public record ProductRow(String name, String quantity, String total) {}

  /** {@code tips}: apart from the total (revenue); {@code corrections}: voided after payment, negative. */
  public record View(String count, String total, String discounts, List<Row> days, List<Row> methods,
      List<VatRow> vat, List<Row> cashiers, List<ProductRow> products, String tips, String corrections) {}

  static View view(SalesQueries.Summary s, Map<Long, String> users, I18n i18n) {
    String lang = i18n.language();
    return new View(String.valueOf(s.totals().sales()), Display.money(s.totals().total(), lang),
        Display.money(s.totals().discounts(), lang),
        s.days().stream().map(d -> new Row(d.day().toString(), String.valueOf(d.sales()),
            Display.money(d.total(), lang))).toList(),
        s.methods().stream().map(m -> new Row(i18n.t("sales.method." + m.method()), "",
            Display.money(m.amount(), lang))).toList(),
        s.vat().stream().map(v -> new VatRow(vatLabel(v.vat()), Display.money(v.gross(), lang),
            Display.money(v.net(), lang), Display.money(v.tax(), lang))).toList(),
        s.cashiers().stream().map(c -> new Row(users.getOrDefault(c.userId(), "#" + c.userId()),
            String.valueOf(c.sales()), Display.money(c.total(), lang))).toList(),
        s.products().stream().map(p -> new ProductRow(p.name(), SalesRoutes.quantity(p.quantity(), lang),
            Display.money(p.total(), lang))).toList(),
        Display.money(s.totals().tips(), lang), Display.money(-s.totals().corrections(), lang));
  }

  /** "23 %", "ZW". */
  static String vatLabel(String vat) {
    return "ZW".equals(vat) ? vat : vat + "\u00a0%";
  }
}
