package paragon.receipts;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import paragon.devices.TerminalAuth;
import paragon.web.Json;
import paragon.web.Lang;
import paragon.web.Problem;
import paragon.web.RequestIds;
import paragon.web.RequestLog;

/**
 * The terminal's command API (docs/protocol.md, "Commands"): {@code POST /api/terminal/commands} and a
 * receipt's audit trail. Authenticated as a cashier on a paired device ({@link TerminalAuth}).
 */
public final class CommandRoutes {
  private final TerminalAuth auth;
  private final CommandService commands;
  private final Audit audit;

  private CommandRoutes(TerminalAuth auth, CommandService commands, Audit audit) {
    this.auth = auth;
    this.commands = commands;
    this.audit = audit;
  }

  public static void register(RoutesConfig routes, TerminalAuth auth, CommandService commands, Audit audit) {
    CommandRoutes api = new CommandRoutes(auth, commands, audit);
    routes.post("/api/terminal/commands", api::submit);
    routes.get("/api/terminal/receipts/{id}/audit", api::trail);
  }

  private void submit(Context ctx) {
    Actor actor = Actor.of(auth.require(ctx));
    JsonNode batch;
    try {
      batch = Json.MAPPER.readTree(ctx.body());
    } catch (IOException e) {
      throw Problem.invalid("commands", "receipts.batch.array");
    }
    if (batch != null && batch.isArray()) RequestLog.commands(ctx, batch.size());
    ctx.json(commands.submit(actor, batch, Lang.of(ctx), RequestIds.current(ctx)));
  }

  private void trail(Context ctx) {
    Actor actor = Actor.of(auth.require(ctx));
    String id = ctx.pathParam("id");
    if (!DerivedIds.isUuid(id)) throw Problem.notFound("receipt", id);
    ctx.json(audit.trailFor(actor, id.toLowerCase()).orElseThrow(() -> Problem.notFound("receipt", id)));
  }
}
