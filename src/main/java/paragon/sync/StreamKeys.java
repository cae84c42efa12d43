package paragon.sync;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * The API keys an integrator's read-only stream says hello with (docs/api.md, "Live"). The keys
 * themselves live above this package ({@code integrations.ApiKeys}); the composition root hands the
 * hub this view of them.
 */
public interface StreamKeys {
  /** A live key: its account, whether it carries {@code receipts:read}, its shop (null: every shop). */
  record Key(long id, long accountId, boolean readsReceipts, Long shopId) {}

  /** The live (not revoked) key with this secret; empty for any other string. */
  Optional<Key> authenticate(String secret);

  /** Which of {@code ids} are still live keys: one read, the periodic safety net of a lost revocation. */
  Set<Long> live(Collection<Long> ids);

  /** No keys at all: every API hello is refused (a hub built without the integrator API). */
  StreamKeys NONE = new StreamKeys() {
    @Override
    public Optional<Key> authenticate(String secret) {
      return Optional.empty();
    }

    @Override
    public Set<Long> live(Collection<Long> ids) {
      return Set.of();
    }
  };
}
