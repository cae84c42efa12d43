package paragon.receipts;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import paragon.accounts.Permission;
import paragon.configuration.ConfigSnapshot;
import paragon.configuration.DeviceModel;
import paragon.configuration.EffectiveConfig.SharingBlock;
import paragon.configuration.EffectiveConfig;
import paragon.configuration.LoginMode;
import paragon.configuration.Visibility;

/**
 * Pure-rule test rig: an applied configuration (tables T1, T2; products Espresso 9,00 / VAT 8 and Piwo
 * 12,50 / VAT 23; users 1 anna and 2 ola waiters of role 10, 3 marek manager of role 20) and a mutable
 * world of receipts that {@link #apply} feeds to {@link Rules} and updates with the accepted changes,
 * as the store would.
 */
final class Rig {
  static final long SHOP = 7;
  static final Names NAMES = I18nNames.of("pl");
  static final ConfigSnapshot.Product ESPRESSO = new ConfigSnapshot.Product(101, "Espresso", 900, "8", "Kawa");
  static final ConfigSnapshot.Product BEER = new ConfigSnapshot.Product(102, "Piwo", 1250, "23", "Bar");

  final Map<String, Receipt> receipts = new HashMap<>();
  final Map<String, String> lineHomes = new HashMap<>();
  final Set<String> removed = new HashSet<>();
  final Map<String, Long> generations = new HashMap<>();
  long now = 1_000_000;
  private long seq;
  private long n;

  static EffectiveConfig config(boolean parking, boolean sharing, SharingBlock block, Visibility visibility) {
    return new EffectiveConfig(1, SHOP, "Rynek", parking, visibility, sharing, sharing && block == null, block,
        LoginMode.PIN, "pl",
        List.of(new ConfigSnapshot.Slot("t1", "Stolik 1", 0), new ConfigSnapshot.Slot("t2", "Stolik 2", 1)),
        List.of(new ConfigSnapshot.Role(10, "Kelner", List.of()), new ConfigSnapshot.Role(20, "Kierownik", List.of())),
        List.of(new ConfigSnapshot.User(1, "anna", "Anna", 10, false),
            new ConfigSnapshot.User(2, "ola", "Ola", 10, false),
            new ConfigSnapshot.User(3, "marek", "Marek", 20, false)),
        List.of(ESPRESSO, BEER), List.of(), List.of());
  }

  static Actor actor(long device, long user, Set<Permission> permissions, EffectiveConfig config) {
    long role = user == 3 ? 20 : 10;
    DeviceModel model = config.sharingBlockedBy() == SharingBlock.MODEL ? DeviceModel.SMART : DeviceModel.SMART_PLUS;
    String name = user == 1 ? "Anna" : user == 2 ? "Ola" : "Marek";
    return new Actor(1, device, SHOP, model, user, name, role, permissions, config);
  }

  static Actor anna(long device) {
    return actor(device, 1, Set.of(), config(true, true, null, Visibility.ALL));
  }

  static Actor marek(long device) {
    return actor(device, 3, Set.of(Permission.values()), config(true, true, null, Visibility.ALL));
  }

  RuleState state(Actor a) {
    Map<String, Set<String>> numbers = new HashMap<>();
    int deviceOpen = 0;
    int leases = 0;
    for (Receipt r : receipts.values()) {
      if (!r.isOpen()) continue;
      numbers.computeIfAbsent(r.space(), s -> new HashSet<>())
          .addAll(Numbering.names(r.name(), r.defaultName(), NAMES));
      if (r.space().equals(a.space())) deviceOpen++;
      if (r.activeLease(now) != null && r.activeLease(now).deviceId() == a.deviceId()) leases++;
    }
    long generation = 1;
    return new RuleState(Map.copyOf(receipts), Map.copyOf(lineHomes), Set.copyOf(removed), numbers,
        generations.getOrDefault(a.space(), generation), deviceOpen, leases, Set.of());
  }

  /** Applies {@code c} as {@code a}; on acceptance updates the world as the store would. */
  Outcome apply(Actor a, Command c) {
    if (c instanceof ReceiptCommands.OpenTable t) {
      // The rig keys generations by space only: tests use one table at a time.
      generations.putIfAbsent(a.space(), 1L);
    }
    Outcome o = Rules.apply(c, state(a), new Context(a, ++n, now, I18nNames.of(a.config().language())));
    if (o instanceof Outcome.Accepted acc) {
      for (Receipt r : acc.touched()) {
        Receipt before = receipts.get(r.id());
        long s = ++seq;
        boolean charged = before == null || !before.charged().equals(r.charged());
        receipts.put(r.id(), r.withSeqs(s, charged ? s : before.contentSeq()));
        r.lines().forEach(l -> lineHomes.put(l.id(), r.id()));
        if (r.slotId() != null && !r.isOpen()) generations.put(r.space(), r.generation() + 1);
      }
      removed.addAll(acc.removedLines());
    }
    return o;
  }

  Outcome.Accepted accepted(Actor a, Command c) {
    Outcome o = apply(a, c);
    if (!(o instanceof Outcome.Accepted acc)) throw new AssertionError("refused: " + o);
    return acc;
  }

  Outcome.Refused refused(Actor a, Command c) {
    Outcome o = apply(a, c);
    if (!(o instanceof Outcome.Refused r)) throw new AssertionError("accepted: " + o);
    return r;
  }

  Receipt get(String id) {
    return receipts.get(id);
  }
}
