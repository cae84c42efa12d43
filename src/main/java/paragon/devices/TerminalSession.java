package paragon.devices;

import java.util.Set;
import paragon.accounts.Permission;
import paragon.configuration.EffectiveConfig;

/**
 * A cashier logged in on a paired terminal, as {@link TerminalAuth} resolves it on every call. The
 * user's role and permissions and the whole {@code config} come from the revision the device applied
 * ({@code config.revision() == device.appliedRevision()}); whether the user is disabled or changed
 * PIN is checked live. {@code language} is the account's language in that revision.
 */
public record TerminalSession(
    Device device,
    long userId,
    String userIdentifier,
    String userName,
    long roleId,
    String roleName,
    Set<Permission> permissions,
    EffectiveConfig config,
    String language) {

  public TerminalSession {
    permissions = Set.copyOf(permissions);
  }
}
