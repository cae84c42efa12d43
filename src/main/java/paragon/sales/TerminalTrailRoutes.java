package paragon.sales;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import paragon.devices.TerminalAuth;
import paragon.receipts.Actor;
import paragon.receipts.Audit;
import paragon.receipts.DerivedIds;
import paragon.storage.Database;
import paragon.web.Lang;
import paragon.web.Problem;

/**
 * A receipt's audit trail for the cashier, in sentences (issue 15): {@code GET
 * /api/terminal/receipts/{id}/history}, authenticated as a cashier on a paired device. The sentences
 * are the back office's ({@link Trails}), in the terminal's language, so both places read the same
 * ("12:04 Anna on Kasa 1 added 2 x Espresso (18,00 zł)"). Only a receipt the device reaches and whose
 * owner the cashier sees ({@link Audit#readableBy}); any other id, another shop's too, is 404. As on
 * the back office's receipt page, {@code merged} carries the history of every receipt merged into this
 * one (and of those merged into them, {@link Trails#mergedInto}): a merged-away receipt is deleted and
 * its earlier entries would be seen nowhere else.
 */
public final class TerminalTrailRoutes {
  /** One entry: {@code at} epoch ms, {@code time} "HH:mm" (Warsaw), {@code what} the sentence's end alone. */
  public record Entry(long at, String time, String user, String terminal, String what, String sentence) {}

  /** The history of a receipt merged (directly or through another) into the one asked for. */
  public record Merged(String receiptId, String name, List<Entry> entries) {}

  public record History(String receiptId, List<Entry> entries, List<Merged> merged) {}

  private final TerminalAuth auth;
  private final Audit audit;
  private final OfficeStore store;

  private TerminalTrailRoutes(TerminalAuth auth, Audit audit, OfficeStore store) {
    this.auth = auth;
    this.audit = audit;
    this.store = store;
  }

  public static void register(RoutesConfig routes, TerminalAuth auth, Database db) {
    TerminalTrailRoutes r = new TerminalTrailRoutes(auth, new Audit(db), new OfficeStore(db));
    routes.get("/api/terminal/receipts/{id}/history", r::history);
  }

  private void history(Context ctx) {
    Actor actor = Actor.of(auth.require(ctx));
    String id = ctx.pathParam("id").toLowerCase(java.util.Locale.ROOT);
    if (!DerivedIds.isUuid(id) || !audit.readableBy(actor, id)) throw Problem.notFound("receipt", id);
    Trails trails = new Trails(store, actor.accountId(), Lang.of(ctx));
    List<Trails.Row> rows = trails.of(id);
    List<Merged> merged = trails.mergedInto(id, rows).stream()
        .map(m -> new Merged(m.id(), m.name(), entries(m.trail()))).toList();
    ctx.json(new History(id, entries(rows), merged));
  }

  private static List<Entry> entries(List<Trails.Row> rows) {
    return rows.stream().map(TerminalTrailRoutes::entry).toList();
  }

  private static Entry entry(Trails.Row row) {
    return new Entry(row.atMillis(), Display.time(row.atMillis()), row.user(), row.terminal(), row.summary(),
        row.sentence());
  }
}
