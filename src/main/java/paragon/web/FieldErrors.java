package paragon.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The validation errors of one submitted form, by field name, for showing each next to its field
 * (a template links the field to its message with {@code aria-describedby="${errors.id(field)}"}).
 * Pure validation functions fill one in and hand it back; an empty one means the input is good.
 * Field names may carry an index (e.g. {@code slots[3].name}); {@link #id} turns them into HTML ids.
 */
public final class FieldErrors {
  public record Message(String key, Object[] args) {}

  private final Map<String, Message> byField = new LinkedHashMap<>();

  /** The error of a {@link Problem} that names a field (a store's check), for showing it next to that field. */
  public static FieldErrors from(Problem problem) {
    if (problem.status() != 400 || problem.field() == null) throw problem;
    return new FieldErrors().add(problem.field(), problem.messageKey(), problem.args());
  }

  /** Records the first error of {@code field}; a later one for the same field is dropped. */
  public FieldErrors add(String field, String key, Object... args) {
    byField.putIfAbsent(field, new Message(key, args.clone()));
    return this;
  }

  public boolean isEmpty() {
    return byField.isEmpty();
  }

  public boolean has(String field) {
    return byField.containsKey(field);
  }

  public int size() {
    return byField.size();
  }

  public Map<String, Message> all() {
    return Map.copyOf(byField);
  }

  /** The message of {@code field} in the page's language, or null. */
  public String text(PageContext page, String field) {
    Message m = byField.get(field);
    return m == null ? null : page.t(m.key(), m.args());
  }

  /** The id of the element holding {@code field}'s message, or null when it has none (jte then drops the attribute). */
  public String id(String field) {
    return has(field) ? "error-" + field.replaceAll("[^A-Za-z0-9_-]", "-") : null;
  }

  /**
   * The value of {@code aria-describedby} for {@code field}: the ids given (null ones left out), then
   * the id of its message when it has one; null when that leaves nothing (jte then drops the attribute).
   */
  public String describedBy(String field, String... ids) {
    StringBuilder b = new StringBuilder();
    for (String id : ids) {
      if (id != null) b.append(b.isEmpty() ? "" : " ").append(id);
    }
    if (has(field)) b.append(b.isEmpty() ? "" : " ").append(id(field));
    return b.isEmpty() ? null : b.toString();
  }

  /** "true" for {@code aria-invalid} when the field has an error, else null (no attribute). */
  public String invalid(String field) {
    return has(field) ? "true" : null;
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    byField.forEach((f, m) -> b.append(f).append('=').append(m.key()).append(' '));
    return b.toString().trim();
  }
}
