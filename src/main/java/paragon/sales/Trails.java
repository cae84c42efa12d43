package paragon.sales;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import paragon.receipts.DefaultName;
import paragon.web.I18n;
import paragon.web.Json;

/**
 * A receipt's audit trail for the back office, with where a merge took its lines: the row of a merge
 * names the other receipt (the source on the target's trail, the target on the source's) and links to
 * it, and the target's page also shows the history of every receipt merged into it (and of those
 * merged into them), since a merged-away receipt is deleted and appears in no list of its own.
 */
public final class Trails {
  private static final ObjectMapper JSON = Json.MAPPER;

  /**
   * One trail row; {@code sentence}: the whole of it for a person ("12:04 Anna on Kasa 1 added 2 x
   * Espresso (18,00 zł)"), {@code summary} its "what" alone; {@code related}: the receipt a merge row
   * names ({@code relatedKey} says how), else null; {@code atMillis}: when, in epoch ms.
   */
  public record Row(String at, String user, String terminal, String action, String summary, String sentence, long seq,
      String relatedKey, String relatedId, String relatedName, long atMillis) {}

  /** The history of a receipt merged (directly or through another) into the page's receipt. */
  public record Merged(String id, String name, List<Row> trail) {}

  private final OfficeStore store;
  private final long accountId;
  private final I18n i18n;
  private final Map<Long, String> users;
  private final Map<Long, String> devices;
  private final Map<Long, AuditDetails.Item> products;
  /** Every line seen so far on the receipts this trail read, by id (see {@link #lineNames}). */
  private final Map<String, AuditDetails.Item> lines = new HashMap<>();

  Trails(OfficeStore store, long accountId, I18n i18n) {
    this.store = store;
    this.accountId = accountId;
    this.i18n = i18n;
    this.users = store.userNames(accountId);
    this.devices = store.deviceNames(accountId);
    this.products = store.products(accountId);
  }

  List<Row> of(String receiptId) {
    List<OfficeStore.AuditEntry> entries = store.audit(accountId, receiptId);
    Map<String, String> receiptNames = new HashMap<>();
    AuditDetails.Names names = new AuditDetails.Names(receiptId, users, lineNames(receiptId, entries), products,
        id -> id == null ? null : receiptNames.computeIfAbsent(id,
            r -> store.find(accountId, r).map(v -> DefaultName.of(v, i18n)).orElse(null)));
    List<Row> rows = new ArrayList<>();
    for (OfficeStore.AuditEntry a : entries) {
      String related = null;
      String key = null;
      if ("merge".equals(a.type())) {
        JsonNode command = parse(a.summary());
        String source = id(command.path("receiptId"));
        String target = id(command.path("targetReceiptId"));
        boolean intoThis = receiptId.equals(target);
        related = intoThis ? source : target;
        key = related == null ? null : intoThis ? "sales.merged_from" : "sales.merged_into";
      }
      // In the reader's language, as the sentence names it: "Sale 4" in English, "Sprzedaż 4" in Polish.
      String name = related == null ? null
          : store.find(accountId, related).map(v -> DefaultName.of(v, i18n)).orElse(related);
      String terminal = devices.getOrDefault(a.deviceId(), "#" + a.deviceId());
      String what = AuditDetails.of(a.type(), a.summary(), i18n, names);
      rows.add(new Row(Display.dateTime(a.at()), a.userName(), terminal, action(a.type()), what,
          i18n.t("sales.says.row", Display.time(a.at()), a.userName(), terminal, what), a.seq(), key, related, name,
          a.at()));
    }
    return rows;
  }

  /**
   * The lines this trail may name: those on the receipt now and on every receipt read before (a merged
   * receipt's lines are on the receipt it was merged into, read first), and every line added with its
   * name in the trail's entries (a removed line is no longer on any receipt).
   */
  private Map<String, AuditDetails.Item> lineNames(String receiptId, List<OfficeStore.AuditEntry> entries) {
    for (OfficeStore.AuditEntry a : entries) {
      if (!"addLine".equals(a.type())) continue;
      JsonNode c = parse(a.summary());
      String line = id(c.path("lineId"));
      if (line != null && c.path("name").isTextual()) {
        lines.putIfAbsent(line, new AuditDetails.Item(c.path("name").asText(), c.path("unitPrice").asLong()));
      }
    }
    store.find(accountId, receiptId)
        .ifPresent(v -> v.lines().forEach(l -> lines.put(l.id(), new AuditDetails.Item(l.name(), l.unitPrice()))));
    return lines;
  }

  /** Every receipt merged into {@code receiptId}, then those merged into them, each once. */
  List<Merged> mergedInto(String receiptId, List<Row> trail) {
    List<Merged> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>(List.of(receiptId));
    List<Row> pending = new ArrayList<>(trail);
    while (!pending.isEmpty()) {
      Row row = pending.remove(0);
      if (!"sales.merged_from".equals(row.relatedKey()) || !seen.add(row.relatedId())) continue;
      List<Row> theirs = of(row.relatedId());
      out.add(new Merged(row.relatedId(), row.relatedName(), theirs));
      pending.addAll(theirs);
    }
    return out;
  }

  private String action(String type) {
    String key = "sales.action." + type;
    return i18n.has(key) ? i18n.t(key) : type;
  }

  /** A receipt id as stored (ids are lower-case UUIDs; a terminal may have sent upper case). */
  private static String id(JsonNode value) {
    return value.isTextual() ? value.asText().toLowerCase(Locale.ROOT) : null;
  }

  private static JsonNode parse(String stored) {
    try {
      JsonNode node = JSON.readTree(stored);
      return node == null ? JSON.createObjectNode() : node;
    } catch (IOException e) {
      throw new IllegalStateException("an audit entry is not JSON", e);
    }
  }
}
