package paragon.onboarding;

import io.javalin.http.Context;
import java.util.Objects;
import paragon.accounts.Accounts;
import paragon.configuration.Plan;
import paragon.web.FieldErrors;

/**
 * The business form of the setup and sign-up pages as typed, shown again with its errors. Field names
 * are those {@link Accounts.NewAccount}'s checks name. The passwords are not kept in it: a refused form
 * asks for them again instead of writing them into the page.
 */
public record SetupForm(String name, String nip, String language, String shopName, String shopAddress,
    String ownerName, String ownerEmail, String plan) {

  public static SetupForm blank(String language, Plan plan) {
    return new SetupForm("", "", language, "", "", "", "", plan.name());
  }

  static SetupForm read(Context ctx) {
    return new SetupForm(text(ctx, "name"), text(ctx, "nip"), text(ctx, "language"), text(ctx, "shopName"),
        text(ctx, "shopAddress"), text(ctx, "ownerName"), text(ctx, "ownerEmail"), text(ctx, "plan"));
  }

  /** The account to create, or null with {@code errors} filled (every field's first error). */
  static Accounts.NewAccount validate(SetupForm f, String password, String repeat, FieldErrors errors) {
    Plan plan = null;
    for (Plan p : Plan.values()) if (p.name().equals(f.plan())) plan = p;
    Accounts.NewAccount account = new Accounts.NewAccount(f.name(), plan, f.language(), f.ownerEmail(),
        f.ownerName(), password, f.nip(), f.shopName(), f.shopAddress());
    Accounts.check(account).all().forEach((field, m) -> errors.add(field, m.key(), m.args()));
    if (!errors.has("ownerPassword") && !Objects.equals(password, repeat)) {
      errors.add("ownerPasswordRepeat", "setup.password.mismatch");
    }
    return errors.isEmpty() ? account : null;
  }

  /** The same form on {@code p}: hosted sign-up starts every account on the plan the operator chose. */
  SetupForm onPlan(Plan p) {
    return new SetupForm(name, nip, language, shopName, shopAddress, ownerName, ownerEmail, p.name());
  }

  public boolean planIs(Plan p) {
    return p.name().equals(plan);
  }

  private static String text(Context ctx, String field) {
    String value = ctx.formParam(field);
    return value == null ? "" : value;
  }
}
