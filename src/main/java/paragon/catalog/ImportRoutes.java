package paragon.catalog;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import paragon.accounts.BackOfficeAuth;
import paragon.storage.Database;
import paragon.web.FieldErrors;
import paragon.web.PageContext;
import paragon.web.Pages;

/**
 * CSV import: upload, then a preview of every row (what it would do, or its errors by column), then
 * confirm. The file waits between the two in {@link ImportDrafts}; nothing is written before confirm.
 */
public final class ImportRoutes {
  private static final String PATH = "/backoffice/products/import";
  private final CatalogImport imports;
  private final ImportDrafts drafts;

  private ImportRoutes(CatalogImport imports, ImportDrafts drafts) {
    this.imports = imports;
    this.drafts = drafts;
  }

  static void register(RoutesConfig routes, Database db, Clock clock) {
    ImportRoutes r = new ImportRoutes(new CatalogImport(db, clock), new ImportDrafts(clock));
    routes.get(PATH, ctx -> r.upload(ctx, new FieldErrors(), null));
    routes.post(PATH, r::preview);
    routes.post(PATH + "/confirm", r::confirm);
  }

  /** The upload form; {@code result} the outcome of the last confirm, or null. */
  public record UploadPage(PageContext page, FieldErrors errors, CatalogImport.Result result) {
    public List<String> columns() {
      return CatalogCsv.COLUMNS;
    }
  }

  public record PreviewPage(PageContext page, String token, String fileName, char separator,
      CatalogImport.Preview preview) {
    public List<String> columns() {
      return CatalogCsv.COLUMNS;
    }

    public String summary() {
      return page.t("catalog.import.summary", fileName, String.valueOf(separator), preview.lines().size(),
          preview.count(CatalogImport.Action.ADD), preview.count(CatalogImport.Action.UPDATE),
          preview.count(CatalogImport.Action.UNCHANGED), preview.count(CatalogImport.Action.ERROR));
    }

    /** True when no row would change anything (confirm is disabled). */
    public boolean nothingValid() {
      return preview.count(CatalogImport.Action.ADD) + preview.count(CatalogImport.Action.UPDATE) == 0;
    }

    /** A column's name as the reader's language writes it in a file header ("cena" / "price"). */
    public String header(String column) {
      return page.t("catalog.csv.header." + column);
    }

    /** "line 3, column price: ..." for each error of the line, columns in file order. */
    public List<String> errors(CatalogImport.Line line) {
      List<String> out = new java.util.ArrayList<>();
      for (String c : java.util.stream.Stream.concat(java.util.stream.Stream.of("row"), CatalogCsv.COLUMNS.stream())
          .toList()) {
        if (!line.errors().has(c)) continue;
        String where = c.equals("row") ? page.t("catalog.import.at_line", line.row().line())
            : page.t("catalog.import.at", line.row().line(), header(c));
        out.add(where + ": " + line.errors().text(page, c));
      }
      return out;
    }
  }

  private void upload(Context ctx, FieldErrors errors, CatalogImport.Result result) {
    Pages.show(ctx, "backoffice/import.jte", new UploadPage(PageContext.of(ctx), errors, result));
  }

  private void preview(Context ctx) throws IOException {
    var admin = BackOfficeAuth.admin(ctx);
    UploadedFile file = ctx.uploadedFile("file");
    FieldErrors errors = new FieldErrors();
    if (file == null || file.size() == 0) {
      errors.add("file", "catalog.csv.no_file");
    } else if (file.size() > CatalogCsv.MAX_BYTES) {
      errors.add("file", "catalog.csv.too_big", CatalogCsv.MAX_BYTES / (1024 * 1024));
    }
    CatalogCsv.Parsed parsed = null;
    if (errors.isEmpty()) {
      byte[] bytes;
      try (InputStream in = file.content()) {
        bytes = in.readNBytes(CatalogCsv.MAX_BYTES + 1);
      }
      parsed = CatalogCsv.parse(bytes);
      if (parsed.error() != null) errors.add("file", parsed.error().key(), parsed.error().args());
      else if (parsed.rows().isEmpty()) errors.add("file", "catalog.csv.no_rows");
    }
    if (!errors.isEmpty()) {
      ctx.status(HttpStatus.BAD_REQUEST);
      upload(ctx, errors, null);
      return;
    }
    String name = file.filename() == null ? "" : file.filename();
    String token = drafts.put(admin.accountId(), admin.adminId(), name, parsed.rows());
    Pages.show(ctx, "backoffice/importPreview.jte", new PreviewPage(PageContext.of(ctx), token, name,
        parsed.separator(), imports.preview(admin.accountId(), parsed.rows())));
  }

  private void confirm(Context ctx) {
    var admin = BackOfficeAuth.admin(ctx);
    ImportDrafts.Draft draft = drafts.take(ctx.formParam("token"), admin.accountId(), admin.adminId());
    if (draft == null) {
      ctx.status(HttpStatus.BAD_REQUEST);
      upload(ctx, new FieldErrors().add("file", "catalog.import.expired"), null);
      return;
    }
    upload(ctx, new FieldErrors(), imports.confirm(admin.accountId(), admin.email(), draft.rows()));
  }
}
