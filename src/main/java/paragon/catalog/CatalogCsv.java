package paragon.catalog;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import paragon.web.FieldErrors;

/**
 * The catalog's CSV format (docs/backoffice.md, "CSV import and export"): UTF-8 (a BOM is skipped),
 * a header row naming the columns {@code name;price;vat;category;code;active;sort} in any order (Polish
 * names too), {@code ;} or {@code ,} as the separator (whichever the header uses), prices as
 * {@code 12,50} or {@code 12.50}. Export writes the same columns with {@code ;}, a decimal comma and a
 * BOM (so a spreadsheet opens it as UTF-8), and re-imports unchanged.
 */
public final class CatalogCsv {
  /** An upload above this is refused whole. */
  static final int MAX_BYTES = 2 * 1024 * 1024;
  static final int MAX_ROWS = 5_000;
  static final List<String> COLUMNS = List.of("name", "price", "vat", "category", "code", "active", "sort");
  static final List<String> REQUIRED = List.of("name", "price", "vat", "category");
  private static final Map<String, String> ALIASES = Map.ofEntries(
      Map.entry("nazwa", "name"), Map.entry("cena", "price"), Map.entry("stawka", "vat"),
      Map.entry("stawka vat", "vat"), Map.entry("kategoria", "category"), Map.entry("kod", "code"),
      Map.entry("aktywny", "active"), Map.entry("kolejność", "sort"), Map.entry("kolejnosc", "sort"),
      Map.entry("position", "sort"));

  private CatalogCsv() {}

  /** A data row as typed, by column name ("" for a column the file does not have). */
  public record Row(int line, Map<String, String> values) {
    public String get(String column) {
      return values.getOrDefault(column, "");
    }
  }

  /** A file-level refusal (nothing can be previewed): a message key and its arguments. */
  public record FileError(String key, Object... args) {}

  /** The parsed file: its separator and rows, or the reason it cannot be read at all. */
  public record Parsed(char separator, List<Row> rows, FileError error) {
    static Parsed refused(String key, Object... args) {
      return new Parsed(';', List.of(), new FileError(key, args));
    }
  }

  /** A row checked on its own; {@code valid} is null when {@code errors} (by column) is not empty. */
  public record Checked(Row row, CsvProduct valid, FieldErrors errors) {}

  /** A row's valid values; {@code sort} null: keep (update) or at the end (new). */
  public record CsvProduct(String name, long price, String vat, String category, String code, boolean active,
      Integer sort) {}

  public static Parsed parse(byte[] bytes) {
    if (bytes.length > MAX_BYTES) return Parsed.refused("catalog.csv.too_big", MAX_BYTES / (1024 * 1024));
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return Parsed.refused("catalog.csv.not_utf8");
    }
    if (text.startsWith("\uFEFF")) text = text.substring(1);
    if (text.indexOf('\0') >= 0) return Parsed.refused("catalog.csv.not_utf8");
    String header = text.lines().filter(l -> !l.isBlank()).findFirst().orElse(null);
    if (header == null) return Parsed.refused("catalog.csv.empty");
    char separator = count(header, ';') >= count(header, ',') && count(header, ';') > 0 ? ';' : ',';
    CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setIgnoreEmptyLines(true)
        .setIgnoreSurroundingSpaces(true).get();
    List<Row> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      Map<Integer, String> columns = null;
      Lines lines = new Lines(text);
      for (CSVRecord r : parser) {
        int at = lines.at(r.getCharacterPosition());
        if (columns == null) {
          columns = new HashMap<>();
          for (int i = 0; i < r.size(); i++) {
            String raw = r.get(i).strip().toLowerCase(Locale.ROOT);
            String name = ALIASES.getOrDefault(raw, raw);
            if (!COLUMNS.contains(name)) return Parsed.refused("catalog.csv.unknown_column", r.get(i), separator);
            if (columns.containsValue(name)) return Parsed.refused("catalog.csv.repeated_column", r.get(i));
            columns.put(i, name);
          }
          for (String required : REQUIRED) {
            if (!columns.containsValue(required)) return Parsed.refused("catalog.csv.missing_column", required);
          }
          continue;
        }
        if (rows.size() == MAX_ROWS) return Parsed.refused("catalog.csv.too_many", MAX_ROWS);
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < r.size(); i++) {
          String column = columns.get(i);
          if (column == null) {
            if (!r.get(i).isBlank()) values.put("_extra", r.get(i));
            continue;
          }
          values.put(column, r.get(i));
        }
        rows.add(new Row(at, Map.copyOf(values)));
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      return Parsed.refused("catalog.csv.unreadable", e.getMessage() == null ? "" : e.getMessage());
    }
    return new Parsed(separator, List.copyOf(rows), null);
  }

  /** The row's own checks, column by column (what needs the database, {@link CatalogImport} adds). */
  static Checked check(Row row) {
    FieldErrors errors = new FieldErrors();
    if (row.values().containsKey("_extra")) errors.add("row", "catalog.csv.extra_values");
    String name = CatalogRules.name(row.get("name"), "name", CatalogRules.NAME_MAX, "catalog.name.length", errors);
    Long price = CatalogRules.price(row.get("price"), "price", errors);
    String vat = CatalogRules.vat(row.get("vat"), "vat", errors);
    String category = CatalogRules.name(row.get("category"), "category", CatalogRules.CATEGORY_MAX,
        "catalog.category.length", errors);
    String code = CatalogRules.code(row.get("code"), "code", errors);
    Boolean active = active(row.get("active"), errors);
    Integer sort = CatalogRules.position(row.get("sort"), "sort", errors);
    if (!errors.isEmpty()) return new Checked(row, null, errors);
    return new Checked(row, new CsvProduct(name, price, vat, category, code, active, sort), errors);
  }

  private static Boolean active(String raw, FieldErrors errors) {
    String s = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    return switch (s) {
      case "", "1", "true", "yes", "y", "tak", "t" -> true;
      case "0", "false", "no", "nie", "n" -> false;
      default -> {
        errors.add("active", "catalog.csv.active.invalid");
        yield null;
      }
    };
  }

  /** Writes the account's products (archived ones left out) in the import's format. */
  static void export(List<Products.Product> products, Writer out) throws IOException {
    out.write('\uFEFF');
    CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n").get();
    try (CSVPrinter printer = new CSVPrinter(out, format)) {
      printer.printRecord(COLUMNS);
      for (Products.Product p : products) {
        if (p.archived()) continue;
        printer.printRecord(p.name(), CatalogRules.format(p.price(), true), p.vat(), p.category(),
            p.code() == null ? "" : p.code(), p.active() ? "1" : "0", p.position());
      }
    }
  }

  /** 1-based line numbers of ascending character positions ("\r\n", "\n" and "\r" each end a line). */
  private static final class Lines {
    private final String text;
    private int scanned;
    private int line = 1;

    Lines(String text) {
      this.text = text;
    }

    /** The line of the record parsed from {@code position}: skipped empty lines are counted before it. */
    int at(long position) {
      long start = position;
      while (start < text.length() && (text.charAt((int) start) == '\r' || text.charAt((int) start) == '\n')) start++;
      for (; scanned < start && scanned < text.length(); scanned++) {
        char c = text.charAt(scanned);
        boolean crlf = c == '\r' && scanned + 1 < text.length() && text.charAt(scanned + 1) == '\n';
        if (c == '\n' || (c == '\r' && !crlf)) line++;
      }
      return line;
    }
  }

  private static int count(String s, char c) {
    int n = 0;
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '"') quoted = !quoted;
      else if (!quoted && s.charAt(i) == c) n++;
    }
    return n;
  }
}
