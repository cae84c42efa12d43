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
import paragon.configuration.DeviceModel;
import paragon.devices.Device;
import paragon.devices.DeviceAuth;
import paragon.receipts.KitchenStore;
import paragon.storage.Database;
import paragon.web.PageContext;
import paragon.web.Pages;
import paragon.web.Problem;

/**
 * The kitchen display (issue 12), in two places that show the same board:
 * <ul>
 *   <li>a back-office view for a signed-in user ({@code /backoffice/kitchen}): the open tickets of a
 *       shop (or all shops), oldest first, refreshed every 2 s by polling the board fragment (htmx),
 *       each with a "done" button (a POST under the back office's CSRF check; who and when stay on the
 *       ticket), and one ticket's printable 80 mm view;</li>
 *   <li>a paired device of the model KITCHEN_DISPLAY at {@code /kitchen}: the page pairs once with the
 *       back office's code ({@code POST /api/device/pair} with {@code "screen": "kitchen"}), keeps the
 *       token in the browser, and polls {@code /kitchen/board} (its own shop's tickets) and marks done
 *       with {@code POST /kitchen/tickets/{id}/done}, both by {@code Authorization: Bearer} (no cookie,
 *       so no CSRF token); any other device's token is refused (403). A browser signed in to the back
 *       office is sent on to the back-office view by the page's script.</li>
 * </ul>
 */
public final class KitchenRoutes {
  private static final Logger log = LoggerFactory.getLogger(KitchenRoutes.class);
  static final String BASE = "/backoffice/kitchen";

  /** Where the kitchen display device's page and its board live. */
  static final String DISPLAY = "/kitchen";

  private final KitchenStore tickets;
  private final Shops shops;
  private final Clock clock;
  private final DeviceAuth devices;

  private KitchenRoutes(KitchenStore tickets, Shops shops, Clock clock, DeviceAuth devices) {
    this.tickets = tickets;
    this.shops = shops;
    this.clock = clock;
    this.devices = devices;
  }

  public static void register(RoutesConfig routes, Database db, Clock clock, DeviceAuth devices) {
    KitchenRoutes r = new KitchenRoutes(new KitchenStore(db), new Shops(db, clock), clock, devices);
    routes.get(DISPLAY, r::display);
    routes.get(DISPLAY + "/board", r::deviceBoard);
    routes.post(DISPLAY + "/tickets/{id}/done", r::deviceDone);
    routes.get(BASE, r::page);
    routes.get(BASE + "/board", r::board);
    routes.post(BASE + "/tickets/{id}/done", r::done);
    routes.get(BASE + "/tickets/{id}/print", r::print);
  }

  public record Choice(long id, String name, boolean selected) {}

  public record Page(PageContext page, List<Choice> shops, Board board) {}

  /**
   * {@code shopId} null: every shop; {@code now} the server's clock when rendered (the ages start from it);
   * {@code device}: the board of a kitchen display (its routes under {@code /kitchen}, no CSRF field, no
   * print link, which a token in a header cannot follow), else the back office's.
   */
  public record Board(PageContext page, Long shopId, long now, List<TicketView> tickets, boolean device) {
    public String base() {
      return device ? DISPLAY : BASE;
    }
  }

  /** The kitchen display device's page: {@code page} for its words (before pairing: the browser's language). */
  public record Display(PageContext page) {}

  private void display(Context ctx) {
    Pages.show(ctx, "kitchen/display.jte", new Display(PageContext.of(ctx)));
  }

  /** The device of {@code Authorization: Bearer}, which must be a kitchen display (else 403 {@code not_kitchen_display}). */
  private Device kitchenDisplay(Context ctx) {
    Device device = devices.require(ctx);
    if (device.model() != DeviceModel.KITCHEN_DISPLAY) {
      throw Problem.of(403, "not_kitchen_display", "kitchen.display.not_kitchen");
    }
    return device;
  }

  private void deviceBoard(Context ctx) {
    Device device = kitchenDisplay(ctx);
    Pages.show(ctx, "backoffice/kitchen/board.jte", deviceBoard(ctx, device));
  }

  private Board deviceBoard(Context ctx, Device device) {
    PageContext page = PageContext.of(ctx);
    return new Board(page, device.shopId(), clock.millis(), views(device.accountId(), device.shopId(), page), true);
  }

  /** Done on the display: a ticket of the device's own shop; who is the device's name. */
  private void deviceDone(Context ctx) {
    Device device = kitchenDisplay(ctx);
    long id = id(ctx);
    KitchenStore.Ticket ticket = tickets.find(device.accountId(), id)
        .filter(t -> t.shopId() == device.shopId())
        .orElseThrow(() -> Problem.notFound("kitchen ticket", id));
    boolean changed = tickets.done(device.accountId(), ticket.id(), device.name(), clock.millis());
    log.info("kitchen ticket {} of account {} done on kitchen display {} ({})", id, device.accountId(), device.id(),
        changed ? "done now" : "done already");
    Pages.show(ctx, "backoffice/kitchen/board.jte", deviceBoard(ctx, device));
  }

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
    return new Board(page, shopId, clock.millis(), views(accountId, shopId, page), false);
  }

  /** The open tickets of the board, each with the course its table still holds back. */
  private List<TicketView> views(long accountId, Long shopId, PageContext page) {
    List<KitchenStore.Ticket> open = tickets.open(accountId, shopId);
    var waiting = tickets.waitingCourses(accountId, open.stream().map(KitchenStore.Ticket::receiptId).toList());
    return open.stream().map(t -> TicketView.of(t, page, waiting.get(t.receiptId()))).toList();
  }

  private void done(Context ctx) {
    BackOfficeAuth.Admin admin = BackOfficeAuth.admin(ctx);
    long id = id(ctx);
    tickets.find(admin.accountId(), id).orElseThrow(() -> Problem.notFound("kitchen ticket", id));
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
    KitchenStore.Ticket t = tickets.find(accountId, id).orElseThrow(() -> Problem.notFound("kitchen ticket", id));
    PageContext page = PageContext.of(ctx);
    Pages.show(ctx, "backoffice/kitchen/print.jte", new Print(page, TicketView.of(t, page)));
  }

  private static long id(Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw Problem.notFound("kitchen ticket", ctx.pathParam("id"));
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
    if (shops.list(accountId).stream().noneMatch(s -> s.id() == id)) throw Problem.notFound("shop", id);
    return id;
  }
}
