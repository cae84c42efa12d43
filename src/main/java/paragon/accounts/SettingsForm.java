package paragon.accounts;

import java.util.List;
import java.util.Map;
import paragon.configuration.LoginMode;
import paragon.configuration.Plan;
import paragon.configuration.Visibility;
import paragon.web.FieldErrors;

/**
 * The Settings form as submitted: the raw choices (so a refused form shows what the owner picked) and
 * the pure rules that turn them into {@link AccountSettings}.
 */
public record SettingsForm(boolean parkingEnabled, String visibility, boolean sharingEnabled, String loginMode,
                           boolean mergeLines) {

  public SettingsForm(boolean parkingEnabled, String visibility, boolean sharingEnabled, String loginMode) {
    this(parkingEnabled, visibility, sharingEnabled, loginMode, true);
  }

  public static SettingsForm of(AccountSettings s) {
    return new SettingsForm(s.parkingEnabled(), s.visibility().name(), s.sharingEnabled(), s.loginMode().name(),
        s.mergeLines());
  }

  /** Reads the posted fields; an unticked checkbox is simply absent. */
  static SettingsForm read(Map<String, List<String>> form, FieldErrors errors) {
    return new SettingsForm(checkbox(form, "parkingEnabled", errors), first(form, "visibility"),
        checkbox(form, "sharingEnabled", errors), first(form, "loginMode"), checkbox(form, "mergeLines", errors));
  }

  /**
   * The settings to store, or null with {@code errors} filled. While the plan does not allow sharing,
   * the sharing toggle is disabled on the page (so a browser does not send it): the stored value is
   * kept, and only an attempt to turn it on is an error.
   */
  AccountSettings validate(Plan plan, AccountSettings current, FieldErrors errors) {
    Visibility v = parse(Visibility.class, visibility, "visibility", "settings.visibility.invalid", errors);
    LoginMode m = parse(LoginMode.class, loginMode, "loginMode", "settings.loginMode.invalid", errors);
    boolean sharing = sharingEnabled;
    if (!plan.allowsSharing()) {
      if (sharingEnabled && !current.sharingEnabled()) errors.add("sharingEnabled", "settings.sharing.plan");
      sharing = current.sharingEnabled();
    }
    return errors.isEmpty() ? new AccountSettings(parkingEnabled, v, sharing, m, mergeLines) : null;
  }

  static Plan plan(String raw, FieldErrors errors) {
    return parse(Plan.class, raw, "plan", "settings.plan.invalid", errors);
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String raw, String field, String key, FieldErrors errors) {
    if (raw != null) {
      for (E e : type.getEnumConstants()) if (e.name().equals(raw)) return e;
    }
    errors.add(field, key);
    return null;
  }

  private static boolean checkbox(Map<String, List<String>> form, String field, FieldErrors errors) {
    String v = first(form, field);
    if (v == null) return false;
    if (v.equals("on") || v.equals("true")) return true;
    if (v.equals("false")) return false;
    errors.add(field, "form.checkbox.invalid");
    return false;
  }

  private static String first(Map<String, List<String>> form, String field) {
    List<String> values = form.get(field);
    return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
  }
}
