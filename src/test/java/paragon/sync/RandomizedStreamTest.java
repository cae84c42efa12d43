package paragon.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.configuration.DeviceModel;
import paragon.configuration.Visibility;
import paragon.testing.StreamClient;
import paragon.testing.TestDatabases;

/**
 * Several terminals with live streams send random commands (on what their own stream shows them),
 * drop and resume their streams, switch users and reassign receipts. At the end every terminal's view
 * of every space it follows must equal the server's state filtered by its user's visibility, and no
 * stream may have skipped or repeated a seq (checked frame by frame by {@link StreamClient}). The seed
 * is printed; rerun with {@code -Dparagon.seed=N}.
 */
class RandomizedStreamTest {
  private static final int STEPS = 160;
  private static final List<String> USERS = List.of("anna", "bob", "kuba", "marek");

  /** A terminal, its stream (null while disconnected) and the view that outlives connections. */
  static final class Sim {
    final Terminal t;
    final StreamClient.View view = new StreamClient.View();
    StreamClient stream;

    Sim(Terminal t) {
      this.t = t;
    }

    void connect(Floor f) {
      stream = f.connect(t, view);
    }

    void disconnect() {
      if (stream != null) stream.close();
      stream = null;
    }

    /** Receipts this terminal sees in full (occupied stubs are not actionable). */
    List<JsonNode> visible() {
      synchronized (view) {
        return view.all().values().stream().filter(r -> !r.path("occupied").asBoolean()).toList();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void every_terminal_ends_with_the_servers_state_filtered_by_its_visibility(TestDatabases.Kind kind) {
    long seed = Long.getLong("paragon.seed", System.nanoTime());
    System.out.println("RandomizedStreamTest seed " + seed + " on " + kind + " (rerun with -Dparagon.seed=" + seed + ")");
    Random rnd = new Random(seed);
    Visibility mode = Visibility.values()[rnd.nextInt(Visibility.values().length)];
    try (Floor f = new Floor(kind, mode)) {
      List<Sim> sims = new ArrayList<>();
      for (String user : USERS) sims.add(new Sim(f.terminal(user)));
      sims.add(new Sim(f.terminal("anna", DeviceModel.SMART))); // parks locally: its own space only
      for (Sim s : sims) s.connect(f);
      int accepted = 0;
      for (int step = 0; step < STEPS; step++) {
        Sim s = sims.get(rnd.nextInt(sims.size()));
        int roll = rnd.nextInt(100);
        if (roll < 6) {
          s.disconnect();
        } else if (roll < 9) {
          f.login(s.t, USERS.get(rnd.nextInt(USERS.size()))); // another user on this device
          s.disconnect();
        } else {
          if (s.stream == null || s.stream.closeCode() != null) s.connect(f);
          accepted += act(f, s, rnd);
        }
      }
      for (Sim s : sims) {
        if (s.stream == null || s.stream.closeCode() != null) s.connect(f);
        for (String space : Spaces.of(sessionOf(f, s))) f.assertUpToDate(s.stream, s.t, space);
      }
      sims.forEach(Sim::disconnect);
      org.assertj.core.api.Assertions.assertThat(accepted).as("accepted commands").isGreaterThan(STEPS / 4);
    } catch (AssertionError e) {
      throw new AssertionError("seed " + seed + " (visibility " + mode + "): " + e.getMessage(), e);
    }
  }

  private static paragon.devices.TerminalSession sessionOf(Floor f, Sim s) {
    try (var devices = new paragon.devices.DeviceAuth(f.app.db, f.app.clock, new paragon.accounts.Cutoffs())) {
      return new paragon.devices.TerminalAuth(f.app.db, f.app.clock, devices)
          .authenticate(s.t.deviceToken, s.t.sessionToken);
    }
  }

  /** One random command, on what this terminal's stream showed it (possibly stale: refusals are fine). */
  private static int act(Floor f, Sim s, Random rnd) {
    List<JsonNode> receipts = s.visible();
    JsonNode r = receipts.isEmpty() ? null : receipts.get(rnd.nextInt(receipts.size()));
    JsonNode lines = r == null ? null : r.path("lines");
    JsonNode line = lines == null || lines.isEmpty() ? null : lines.get(rnd.nextInt(lines.size()));
    int pick = r == null ? rnd.nextInt(2) : rnd.nextInt(12);
    Map<String, Object> c = switch (pick) {
      case 0 -> Terminal.command("openAdHoc", "receiptId", Terminal.uuid());
      case 1 -> Terminal.command("openTable", "slotId", f.slot("Stolik " + (1 + rnd.nextInt(3))));
      case 2, 3, 4 -> Terminal.command("addLine", "receiptId", r.path("id").asText(), "lineId", Terminal.uuid(), "name",
          "Danie " + rnd.nextInt(20), "unitPrice", 100 + rnd.nextInt(3000), "vat", "8");
      case 5 -> line == null ? Terminal.command("setGuests", "receiptId", r.path("id").asText(), "guests", rnd.nextInt(6))
          : Terminal.command("adjustQuantity", "lineId", line.path("id").asText(), "delta", 1000);
      case 6 -> line == null ? Terminal.command("noteReceipt", "receiptId", r.path("id").asText(), "note", "uwaga")
          : Terminal.command("removeLine", "lineId", line.path("id").asText());
      case 7, 8 -> Terminal.command("reassign", "receiptId", r.path("id").asText(), "userId",
          List.of(f.anna, f.bob, f.kuba, f.marek).get(rnd.nextInt(4)));
      case 9 -> Terminal.command("pay", "receiptId", r.path("id").asText(), "seq", r.path("seq").asLong(), "payments",
          List.of(Map.of("method", "CASH", "amount", r.path("total").asLong() + 500)));
      case 10 -> Terminal.command("delete", "receiptId", r.path("id").asText());
      default -> Terminal.command("rename", "receiptId", r.path("id").asText(), "name", "Stół " + rnd.nextInt(50));
    };
    return "accepted".equals(s.t.sendAll(List.of(c)).get(0).path("status").asText()) ? 1 : 0;
  }
}
