package paragon.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each table has one owning package (docs/tables.md, "Who owns which table"): SQL naming a table
 * appears only there, and every other package calls the owner's store. The scan looks for the
 * table right after FROM, JOIN, INTO or UPDATE (DELETE FROM included) in the main sources.
 */
class TableOwnersTest {
  private static final Path MAIN = Path.of("src/main/java/paragon");
  private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

  /** Table -> the package whose store writes it and is the public way to read it. */
  static final Map<String, String> OWNERS = Map.ofEntries(
      Map.entry("accounts", "accounts"), Map.entry("admins", "accounts"), Map.entry("web_sessions", "accounts"),
      Map.entry("admin_invitations", "accounts"),
      Map.entry("shops", "accounts"), Map.entry("roles", "accounts"), Map.entry("users", "accounts"),
      Map.entry("pin_attempts", "accounts"),
      Map.entry("receipt_slots", "parking"), Map.entry("products", "catalog"),
      Map.entry("categories", "catalog"), Map.entry("product_shops", "catalog"),
      Map.entry("modifier_groups", "catalog"), Map.entry("modifier_options", "catalog"),
      Map.entry("product_modifier_groups", "catalog"),
      Map.entry("config_revisions", "configuration"), Map.entry("config_heads", "configuration"),
      Map.entry("devices", "devices"), Map.entry("terminal_sessions", "devices"),
      Map.entry("spaces", "receipts"), Map.entry("slot_generations", "receipts"), Map.entry("receipts", "receipts"),
      Map.entry("lines", "receipts"), Map.entry("command_cursors", "receipts"), Map.entry("commands", "receipts"),
      Map.entry("changes", "receipts"), Map.entry("receipt_audit", "receipts"), Map.entry("sales", "receipts"),
      Map.entry("payments", "receipts"), Map.entry("sale_vat", "receipts"), Map.entry("day_closes", "receipts"),
      Map.entry("kitchen_tickets", "receipts"), Map.entry("attention_items", "receipts"),
      Map.entry("receipt_parts", "receipts"), Map.entry("sale_corrections", "receipts"),
      Map.entry("setup_codes", "onboarding"), Map.entry("floor_plans", "floor"), Map.entry("floor_rooms", "floor"),
      Map.entry("floor_tables", "floor"), Map.entry("webhook_subscriptions", "webhooks"),
      Map.entry("webhook_deliveries", "webhooks"), Map.entry("api_keys", "integrations"),
      Map.entry("api_idempotency", "integrations"));

  /**
   * The named exceptions, file -> tables (docs/tables.md says why). A revision's snapshot is one read
   * of the whole configuration inside the saving transaction, below the stores of the tables it reads.
   */
  static final Map<String, Set<String>> EXCEPTIONS = Map.of(
      "configuration/Revisions.java", Set.of("accounts", "shops", "roles", "users", "receipt_slots", "products",
          "categories", "product_shops", "modifier_groups", "modifier_options", "product_modifier_groups", "floor_plans", "floor_rooms",
          "floor_tables"),
      "devices/BehindDevices.java", Set.of("config_heads", "config_revisions"));

  private static final Pattern SQL = Pattern.compile("\\b(?:FROM|JOIN|INTO|UPDATE)\\s+([a-z_]+)\\b");
  private static final Pattern CREATE = Pattern.compile("CREATE TABLE\\s+([a-z_]+)");

  @Test
  void every_table_of_the_migrations_has_an_owner() throws IOException {
    Set<String> tables = new TreeSet<>();
    try (Stream<Path> files = Files.list(MIGRATIONS)) {
      for (Path f : files.toList()) {
        Matcher m = CREATE.matcher(Files.readString(f));
        while (m.find()) tables.add(m.group(1));
      }
    }
    assertThat(tables).isNotEmpty();
    assertThat(OWNERS.keySet()).containsExactlyInAnyOrderElementsOf(tables);
  }

  @Test
  void sql_names_a_table_only_in_its_owning_package() throws IOException {
    assertThat(strangers(MAIN)).isEmpty();
  }

  @Test
  void the_scan_finds_sql_on_a_foreign_table() throws IOException {
    Path dir = Files.createTempDirectory("owners");
    Files.createDirectories(dir.resolve("sales"));
    Files.writeString(dir.resolve("sales/Bad.java"), """
        class Bad { String q = "SELECT c.payload FROM receipts r JOIN changes c ON c.seq = r.seq"; }""");
    assertThat(strangers(dir)).containsExactly("sales/Bad.java: receipts (owner receipts)",
        "sales/Bad.java: changes (owner receipts)");
  }

  /** "file: table (owner pkg)" for each SQL use of a table outside its owner and the exceptions. */
  static List<String> strangers(Path root) throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        String rel = root.relativize(f).toString().replace('\\', '/');
        String pkg = rel.contains("/") ? rel.substring(0, rel.indexOf('/')) : "";
        Matcher m = SQL.matcher(Files.readString(f));
        while (m.find()) {
          String owner = OWNERS.get(m.group(1));
          if (owner == null || owner.equals(pkg)) continue;
          if (EXCEPTIONS.getOrDefault(rel, Set.of()).contains(m.group(1))) continue;
          String hit = rel + ": " + m.group(1) + " (owner " + owner + ")";
          if (!out.contains(hit)) out.add(hit);
        }
      }
    }
    return out;
  }
}
