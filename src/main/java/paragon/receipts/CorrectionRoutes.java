package paragon.receipts;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import paragon.accounts.Permission;
import paragon.devices.TerminalAuth;
import paragon.web.Json;
import paragon.web.Problem;

/**
 * A terminal voids a sale after payment: {@code POST /api/terminal/sales/{id}/void} with
 * {@code {correctionId, lineIds?, reason}} (docs/protocol.md "Void after payment"). The cashier needs
 * VOID_SALES and must reach the sale's space; the answer is the correction (a resend of the same
 * {@code correctionId} answers the same one), and {@code GET /api/terminal/sales}: the last sales the
 * cashier may void, for the terminal's void screen. Also the guest bill's header,
 * {@code GET /api/terminal/bill-header}: {business, nip, shop, address}.
 */
public final class CorrectionRoutes {
  private final TerminalAuth auth;
  private final Corrections corrections;
  private final Clock clock;
  private final paragon.storage.Database db;

  private CorrectionRoutes(TerminalAuth auth, Corrections corrections, Clock clock, paragon.storage.Database db) {
    this.auth = auth;
    this.corrections = corrections;
    this.clock = clock;
    this.db = db;
  }

  public static void register(RoutesConfig routes, TerminalAuth auth, paragon.storage.Database db, Clock clock) {
    CorrectionRoutes r = new CorrectionRoutes(auth, new Corrections(db), clock, db);
    routes.get("/api/terminal/sales", r::recent);
    routes.post("/api/terminal/sales/{id}/void", r::voidSale);
    routes.get("/api/terminal/bill-header", r::billHeader);
  }

  /** The guest bill's header for the device's shop, read now (names and NIP as the back office holds them). */
  private void billHeader(Context ctx) {
    Actor actor = Actor.of(auth.require(ctx));
    ctx.json(db.read(h -> paragon.accounts.Shops.billHeader(h, actor.accountId(), actor.shopId())));
  }

  /** How many sales the void screen lists. */
  static final int RECENT = 20;

  /**
   * The void screen's list: the last {@link #RECENT} sales of the device's shop that the cashier
   * reaches, newest first, with their lines and what was voided; VOID_SALES as for a void.
   */
  private void recent(Context ctx) {
    Actor actor = Actor.of(auth.require(ctx));
    if (!actor.may(Permission.VOID_SALES)) {
      throw Problem.of(403, "permission", "refusal.permission." + Permission.VOID_SALES.name());
    }
    ctx.json(java.util.Map.of("sales", corrections.recent(actor.accountId(), actor.shopId(), actor::reaches, RECENT)));
  }

  private void voidSale(Context ctx) {
    Actor actor = Actor.of(auth.require(ctx));
    if (!actor.may(Permission.VOID_SALES)) {
      throw Problem.of(403, "permission", "refusal.permission." + Permission.VOID_SALES.name());
    }
    String saleId = ctx.pathParam("id").toLowerCase();
    String space = DerivedIds.isUuid(saleId) ? corrections.spaceOf(actor.accountId(), saleId) : null;
    if (space == null || !actor.reaches(space)) throw Problem.notFound("sale", saleId);
    JsonNode body;
    try {
      body = Json.MAPPER.readTree(ctx.body());
    } catch (IOException e) {
      throw Problem.invalid("body", "refusal.invalid.format", "body");
    }
    if (body == null || !body.isObject()) throw Problem.invalid("body", "refusal.invalid.format", "body");
    List<String> lines = new ArrayList<>();
    JsonNode given = body.path("lineIds");
    if (!given.isMissingNode() && !given.isNull()) {
      if (!given.isArray()) throw Problem.invalid("lineIds", "refusal.invalid.format", "lineIds");
      for (JsonNode l : given) {
        if (!l.isTextual() || !DerivedIds.isUuid(l.asText())) throw Problem.invalid("lineIds", "refusal.invalid.uuid", "lineIds");
        lines.add(l.asText());
      }
    }
    try {
      Corrections.Correction c = corrections.record(actor.accountId(),
          new Corrections.Who(actor.deviceId(), actor.userId(), null, actor.userName()),
          body.path("correctionId").asText(null), saleId, lines, body.path("reason").asText(null), clock.millis());
      ctx.json(c);
    } catch (Corrections.Refused no) {
      throw answer(no);
    }
  }

  /** A refused void as the HTTP answer: 400 naming the field, 404, or 409 with its code. */
  public static Problem answer(Corrections.Refused no) {
    return switch (no.code) {
      case "invalid" -> Problem.invalid(no.field, no.key, no.field);
      case "not_found" -> Problem.of(404, "not_found", no.key);
      default -> Problem.conflict(no.code, no.key, no.field);
    };
  }
}
