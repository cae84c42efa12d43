package paragon.accounts;

import io.javalin.http.Context;
import java.util.List;
import java.util.function.Predicate;
import paragon.web.Problem;

/**
 * What a back-office list shows of archived rows: hidden unless the page was asked {@code ?archived},
 * and how many there are (the "show archived (N)" switch). {@code refusal}: an archive or restore that
 * was refused, as a translation key and its argument (e.g. the devices still in a shop).
 */
public record Archived(boolean shown, long count, Refusal refusal) {
  public record Refusal(String key, Object[] args) {
    public static Refusal of(Problem p) {
      return new Refusal(p.messageKey(), p.args());
    }
  }

  public static <T> Archived of(Context ctx, List<T> all, Predicate<T> archived, Refusal refusal) {
    return new Archived(ctx.queryParam("archived") != null, all.stream().filter(archived).count(), refusal);
  }

  /** The rows to list: all of them when shown, else only those not archived. */
  public <T> List<T> filter(List<T> all, Predicate<T> archived) {
    return shown ? all : all.stream().filter(archived.negate()).toList();
  }
}
