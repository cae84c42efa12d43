package paragon.storage;

import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.JdbiConfig;

/**
 * The hook through which a feature writes an integration event (issue 14, "Webhooks") into the
 * transaction of the change it describes, without depending on the package that stores and
 * delivers events: that package {@link #attach attaches} its {@link Sink} to the database's JDBI at
 * start, and every handle opened after carries it. Unattached (tools, most tests), events go nowhere.
 */
public final class Events implements JdbiConfig<Events> {
  /** Writes one event on {@code h}, in the caller's transaction; cheap when nobody subscribed to it. */
  public interface Sink {
    void emit(Handle h, long accountId, Long shopId, String type, Map<String, Object> data, long now);
  }

  private static final Sink NOWHERE = (h, accountId, shopId, type, data, now) -> {};

  private Sink sink = NOWHERE;

  public Events() {}

  private Events(Events other) {
    this.sink = other.sink;
  }

  /** Routes the events of every handle {@code db} opens from now on to {@code sink}. */
  public static void attach(Database db, Sink sink) {
    Jdbi jdbi = db.jdbi();
    jdbi.getConfig(Events.class).sink = java.util.Objects.requireNonNull(sink, "sink == null");
  }

  /** Emits event {@code type} of the account (and shop, when it has one) in {@code h}'s transaction. */
  public static void emit(Handle h, long accountId, Long shopId, String type, Map<String, Object> data, long now) {
    h.getConfig(Events.class).sink.emit(h, accountId, shopId, type, data, now);
  }

  @Override
  public Events createCopy() {
    return new Events(this);
  }
}
