package paragon.kitchen;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paragon.accounts.BackOfficeAuth;
import paragon.accounts.Shops;
import paragon.receipts.KitchenStore;
import paragon.storage.Database;
import paragon.web.PageContext;
import paragon.web.Pages;
import paragon.web.Problem;

/**
 * The kitchen display (issue 12) as a back-office view for a signed-in user: the open tickets of a
 * shop (or all shops), oldest first, refreshed every 2 s by polling the board fragment (htmx), each
 * with a "done" button (a POST under the back office's CSRF check; who and when stay on the ticket),
 * and one ticket's printable 80 mm view. {@code /kitchen} leads here.
 */
public final class KitchenRoutes {
  private static final Logger log = LoggerFactory.getLogger(KitchenRoutes.class);
  static final String BASE = "/backoffice/kitchen";

  private final KitchenStore tickets;
  private final Shops shops;
  private final Clock clock;

  private KitchenRoutes(KitchenStore tickets, Shops shops, Clock clock) {
    this.tickets = tickets;
    this.shops = shops;
    this.clock = clock;
  }

  public static void register(RoutesConfig routes, Database db, Clock clock) {
    KitchenRoutes r = new KitchenRoutes(new KitchenStore(db), new Shops(db, clock), clock);
    routes.get("/kitchen", ctx -> ctx.redirect(BASE, HttpStatus.SEE_OTHER));
    routes.get(BASE, r::page);
    routes.get(BASE + "/board", r::board);
    routes.post(BASE + "/tickets/{id}/done", r::done);
    routes.get(BASE + "/tickets/{id}/print", r::print);
  }

  public record Choice(long id, String name, boolean selected) {}

  public record Page(PageContext page, List<Choice> shops, Board board) {}

  /** {@code shopId} null: every shop; {@code now} the server's clock when rendered (the ages start from it). */
  public record Board(PageContext page, Long shopId, long now, List<TicketView> tickets) {}

  public record Print(PageContext page, TicketView ticket) {}

  private void page(Context ctx) {
    long accountId = BackOfficeAuth.admin(ctx).accountId();
    Long shopId = shop(ctx, accountId);
    List<Choice> choices = shops.list(accountId).stream().filter(s -> !s.archived())
        .map(s -> new Choice(s.id(), s.name(), shopId != null && s.id() == shopId)).toList();
    Pages.show(ctx, "backoffice/kitchen/kitchen.jte", new Page(PageContext.of(ctx), choices, board(ctx, accountId, shopId)));
  }

  private void board(Context ctx) {
    long accountId = BackOfficeAuth.admin(ctx).accountId();
    Pages.show(ctx, "backoffice/kitchen/board.jte", board(ctx, accountId, shop(ctx, accountId)));
  }

  private Board board(Context ctx, long accountId, Long shopId) {
    PageContext page = PageContext.of(ctx);
    return new Board(page, shopId, clock.millis(),
        tickets.open(accountId, shopId).stream().map(t -> TicketView.of(t, page)).toList());
  }

  private void done(Context ctx) {
    BackOfficeAuth.Admin admin = BackOfficeAuth.admin(ctx);
    long id = id(ctx);
    tickets.find(admin.accountId(), id).orElseThrow(() -> Problem.notFound("kitchen ticket " + id));
    String who = admin.name() == null || admin.name().isBlank() ? admin.email() : admin.name();
    boolean changed = tickets.done(admin.accountId(), id, who, clock.millis());
    log.info("kitchen ticket {} of account {} done by admin {} ({})", id, admin.accountId(), admin.adminId(),
        changed ? "done now" : "done already");
    Long shopId = shop(ctx, admin.accountId());
    if (ctx.header("HX-Request") != null) {
      Pages.show(ctx, "backoffice/kitchen/board.jte", board(ctx, admin.accountId(), shopId));
    } else {
      ctx.redirect(BASE + (shopId == null ? "" : "?shop=" + shopId), HttpStatus.SEE_OTHER);
    }
  }

  private void print(Context ctx) {
    long accountId = BackOfficeAuth.admin(ctx).accountId();
    long id = id(ctx);
    KitchenStore.Ticket t = tickets.find(accountId, id).orElseThrow(() -> Problem.notFound("kitchen ticket " + id));
    PageContext page = PageContext.of(ctx);
    Pages.show(ctx, "backoffice/kitchen/print.jte", new Print(page, TicketView.of(t, page)));
  }

  private static long id(Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw Problem.notFound("kitchen ticket " + ctx.pathParam("id"));
    }
  }

  /** The {@code shop} query (or form) parameter, one of the account's shops; null when absent. */
  private Long shop(Context ctx, long accountId) {
    String raw = ctx.queryParam("shop");
    if (raw == null || raw.isBlank()) raw = ctx.formParam("shop");
    if (raw == null || raw.isBlank()) return null;
    long id;
    try {
      id = Long.parseLong(raw.strip());
    } catch (NumberFormatException e) {
      throw Problem.invalid("shop", "kitchen.invalid.shop");
    }
    if (shops.list(accountId).stream().noneMatch(s -> s.id() == id)) throw Problem.notFound("shop " + id);
    return id;
  }
}
