package paragon.sales;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import paragon.accounts.BackOfficeAuth;
import paragon.receipts.CorrectionRoutes;
import paragon.receipts.Corrections;
import paragon.storage.Database;

/**
 * The back office voids a sale after payment (issue 12): the receipt page's form posts
 * {@code reason}, the ticked {@code lineIds} (none: the whole sale) and the form's {@code correctionId}
 * (so a second click records nothing more); an owner or admin may. The sale stays; a correction row
 * and an audit entry are written ({@link Corrections}).
 */
public final class VoidRoutes {
  private VoidRoutes() {}

  public static void register(RoutesConfig routes, Database db, Clock clock) {
    Corrections corrections = new Corrections(db);
    routes.post("/backoffice/sales/{id}/void", ctx -> voidSale(ctx, corrections, clock));
  }

  /** A fresh client id for the page's form. */
  static String newId() {
    return UUID.randomUUID().toString();
  }

  private static void voidSale(Context ctx, Corrections corrections, Clock clock) {
    BackOfficeAuth.Admin admin = BackOfficeAuth.admin(ctx);
    String saleId = ctx.pathParam("id").toLowerCase();
    if (corrections.spaceOf(admin.accountId(), saleId) == null) throw paragon.web.Problem.notFound("sale", saleId);
    List<String> lines = ctx.formParams("lineIds");
    try {
      corrections.record(admin.accountId(), new Corrections.Who(null, null, admin.adminId(), admin.name()),
          ctx.formParam("correctionId"), saleId, lines, ctx.formParam("reason"), clock.millis());
    } catch (Corrections.Refused no) {
      throw CorrectionRoutes.answer(no);
    }
    ctx.redirect("/backoffice/receipts/" + saleId + "?voided", HttpStatus.SEE_OTHER);
  }
}
