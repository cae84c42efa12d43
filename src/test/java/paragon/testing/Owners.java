package paragon.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import paragon.accounts.Accounts;
import paragon.configuration.Plan;

/** Accounts made through {@link Accounts#create}, and a browser-like client signed in as their owner. */
public final class Owners {
  public static final String PASSWORD = "correct horse battery";

  private Owners() {}

  public record Owner(long accountId, long ownerId, String email, WebClient client) {}

  /** A new account (Polish) on {@code plan}, its owner signed in. */
  public static Owner signedIn(TestApp app, Plan plan) {
    return signedIn(app, plan, "pl");
  }

  public static Owner signedIn(TestApp app, Plan plan, String language) {
    String email = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    var created = new Accounts(app.db, app.clock)
        .create(new Accounts.NewAccount("Firma " + email.substring(6, 14), plan, language, email, "Olga Owner", PASSWORD));
    WebClient client = app.client();
    assertThat(client.get("/backoffice/login").status()).isEqualTo(200);
    var signIn = client.postForm("/backoffice/login", Map.of("email", email, "password", PASSWORD));
    assertThat(signIn.status()).as("sign-in of %s", email).isEqualTo(303);
    return new Owner(created.accountId(), created.ownerId(), email, client);
  }
}
