package paragon.demo;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import paragon.accounts.AccountSettings;
import paragon.accounts.Accounts;
import paragon.accounts.Cutoffs;
import paragon.accounts.Passwords;
import paragon.accounts.Permission;
import paragon.accounts.Roles;
import paragon.accounts.SettingsStore;
import paragon.accounts.Shops;
import paragon.accounts.UserRules;
import paragon.accounts.Users;
import paragon.catalog.Categories;
import paragon.catalog.ProductRules;
import paragon.catalog.Products;
import paragon.configuration.ConfigSnapshot;
import paragon.configuration.DeviceModel;
import paragon.configuration.LoginMode;
import paragon.configuration.Plan;
import paragon.configuration.Revisions;
import paragon.configuration.Visibility;
import paragon.devices.DeviceStatus;
import paragon.devices.DeviceStore;
import paragon.floor.FloorRules;
import paragon.floor.FloorStore;
import paragon.parking.ParkingStore;
import paragon.parking.SlotRules;
import paragon.storage.Database;

/**
 * {@code --demo}: on an empty database, the account "Bistro Demo" (plan MAX, parking and sharing on)
 * with two shops, four devices of the four models waiting to be paired, an owner, two waiters, a
 * cashier, a manager, and about twenty products, marked as the demo (its owner may change the plan
 * to try what it gates). On a database that already holds the demo it only reports it (and marks it),
 * with fresh pairing codes for demo devices that are not paired yet; on a database with
 * other accounts and no demo it creates nothing. The owner's password is fixed and printed: this is a
 * demo, never a production account.
 *
 * <p>Built through the back office's stores (each save its own revision, as an owner clicking through
 * the pages would make them), so it is not one transaction: a start that dies half-way leaves a
 * partial demo, which the next start reports as existing.
 */
public final class Demo {
  public static final String ACCOUNT = "Bistro Demo";
  public static final String OWNER_EMAIL = "owner@bistro-demo.pl";
  public static final String OWNER_PASSWORD = "demo-paragon";
  static final List<String> KRAKOW_DEFAULTS = List.of("Stolik 1", "Stolik 2", "Stolik 3",
      "Stolik 4", "Stolik 5", "Stolik 6");
  static final List<String> WARSZAWA_OWN = List.of("Bar 1", "Bar 2", "Bar 3", "Taras 1", "Taras 2");

  /** A terminal user of the demo, with the PIN to log in with. */
  public record Person(String identifier, String name, String role, String pin) {}

  static final List<Person> PEOPLE = List.of(
      new Person("anna", "Anna Kowalska", "Kelner", "1111"),
      new Person("piotr", "Piotr Nowak", "Kelner", "2222"),
      new Person("ewa", "Ewa Wiśniewska", "Kasjer", "3333"),
      new Person("marek", "Marek Zieliński", "Kierownik", "9999"));

  /** A demo device with its pairing code, or a null code when it is paired already. */
  public record DeviceCode(String name, DeviceModel model, String shop, String code, long expiresAt) {}

  /** What start-up prints. {@code created}: made now; {@code existed}: found; neither: the database holds other accounts. */
  public record Report(boolean created, boolean existed, long accountId, List<DeviceCode> devices) {}

  private Demo() {}

  public static Report prepare(Database db, Clock clock) {
    Accounts accounts = new Accounts(db, clock);
    Long existing = accounts.login(OWNER_EMAIL).map(Accounts.Login::accountId).orElse(null);
    DeviceStore devices = new DeviceStore(db, clock, new Cutoffs());
    if (existing != null) {
      accounts.markDemo(existing); // a demo made before the mark existed
      return new Report(false, true, existing, freshCodes(devices, existing));
    }
    if (accounts.count() > 0) return new Report(false, false, 0, List.of());

    Accounts.Created created = accounts.create(new Accounts.NewAccount(ACCOUNT, Plan.MAX, "pl", OWNER_EMAIL,
        "Olga Właścicielka", OWNER_PASSWORD, null, "Kraków Rynek", null));
    long accountId = created.accountId();
    accounts.markDemo(accountId);
    long krakow = created.shopId();
    long warszawa = new Shops(db, clock).create(accountId, OWNER_EMAIL, "Warszawa Mokotów");
    populate(db, clock, accountId, krakow, warszawa);
    List<DeviceCode> codes = new ArrayList<>();
    codes.add(register(devices, accountId, krakow, "Kasa 1", DeviceModel.SMART_PLUS, "Kraków Rynek"));
    codes.add(register(devices, accountId, krakow, "Pocket 1", DeviceModel.POCKET, "Kraków Rynek"));
    codes.add(register(devices, accountId, warszawa, "Kasa 2", DeviceModel.SMART, "Warszawa Mokotów"));
    codes.add(register(devices, accountId, warszawa, "Duet 1", DeviceModel.DUET, "Warszawa Mokotów"));
    return new Report(true, false, accountId, codes);
  }

  /**
   * Tables, roles, users and settings through the back office's own stores (each save its own
   * revision, as an owner clicking through the pages would make); the products as plain inserts with
   * one revision, until the catalog's store exists.
   */
  private static void populate(Database db, Clock clock, long accountId, long krakow, long warszawa) {
    ParkingStore parking = new ParkingStore(db, clock);
    parking.saveList(accountId, null, OWNER_EMAIL, slots(KRAKOW_DEFAULTS));
    parking.saveList(accountId, warszawa, OWNER_EMAIL, slots(WARSZAWA_OWN), true);
    floor(db, clock, accountId, krakow, List.of(List.of("Sala", "Stolik 1", "Stolik 2", "Stolik 3", "Stolik 4"),
        List.of("Taras", "Stolik 5", "Stolik 6")));
    floor(db, clock, accountId, warszawa, List.of(List.of("Bar", "Bar 1", "Bar 2", "Bar 3"),
        List.of("Taras", "Taras 1", "Taras 2")));
    Roles roles = new Roles(db, clock);
    long waiter = roles.create(accountId, OWNER_EMAIL, "Kelner", Set.of());
    long cashier = roles.create(accountId, OWNER_EMAIL, "Kasjer", Set.of(Permission.VOID_LINES));
    long manager = roles.create(accountId, OWNER_EMAIL, "Kierownik", Set.of(Permission.values()));
    Users users = new Users(db, clock, new Cutoffs());
    for (Person p : PEOPLE) {
      long role = switch (p.role()) {
        case "Kelner" -> waiter;
        case "Kasjer" -> cashier;
        default -> manager;
      };
      users.create(accountId, OWNER_EMAIL, new UserRules.Details(p.identifier(), p.name(), role), p.pin());
    }
    new SettingsStore(db, clock).save(accountId, OWNER_EMAIL,
        new AccountSettings(true, Visibility.SAME_ROLE, true, LoginMode.PIN));
    // Through the catalog's store, in one transaction with one revision.
    db.inTransaction(h -> {
      long now = clock.millis();
      Map<String, Long> categories = new HashMap<>();
      int position = 0;
      for (Product p : PRODUCTS) {
        long category = categories.computeIfAbsent(p.category(), name -> Categories.add(h, accountId, name, now));
        Products.insert(h, accountId, new ProductRules.Valid(p.name(), p.price(), p.vat(), category, null, true,
            position++, List.of(), List.of()), now);
      }
      return Revisions.record(h, accountId, OWNER_EMAIL, "demo: products", clock);
    });
  }

  /**
   * A floor plan through the floor page's store (one revision): each room a name and its tables, placed
   * in a row three cells apart, round and square in turn, four seats.
   */
  private static void floor(Database db, Clock clock, long accountId, long shopId, List<List<String>> rooms) {
    FloorStore store = new FloorStore(db, clock);
    Map<String, String> ids = new HashMap<>();
    store.read(accountId, shopId).slots().forEach(slot -> ids.put(slot.name(), slot.id()));
    List<FloorRules.ValidRoom> valid = new ArrayList<>();
    List<FloorRules.ValidTable> tables = new ArrayList<>();
    for (int r = 0; r < rooms.size(); r++) {
      valid.add(new FloorRules.ValidRoom(null, rooms.get(r).get(0)));
      List<String> names = rooms.get(r).subList(1, rooms.get(r).size());
      for (int i = 0; i < names.size(); i++) {
        tables.add(new FloorRules.ValidTable(ids.get(names.get(i)), r, 2 + 3 * i, 3, i % 2 == 0 ? "round" : "square",
            4));
      }
    }
    store.save(accountId, shopId, OWNER_EMAIL,
        new FloorRules.Valid(ConfigSnapshot.FloorPlan.DEFAULT_OPEN_TOO_LONG, valid, tables));
  }

  private static List<SlotRules.Valid> slots(List<String> names) {
    return names.stream().map(n -> new SlotRules.Valid(null, n)).toList();
  }

  /** {@code price} in grosze. Restaurant service is 8 %, alcohol 23 %, books and bread 5 %. */
  record Product(String name, long price, String vat, String category) {}

  static final List<Product> PRODUCTS = List.of(
      new Product("Espresso", 900, "8", "Kawa i herbata"),
      new Product("Cappuccino", 1400, "8", "Kawa i herbata"),
      new Product("Latte", 1500, "8", "Kawa i herbata"),
      new Product("Herbata czarna", 1000, "8", "Kawa i herbata"),
      new Product("Żurek", 2400, "8", "Dania"),
      new Product("Pierogi ruskie", 3200, "8", "Dania"),
      new Product("Kotlet schabowy", 4200, "8", "Dania"),
      new Product("Sałatka grecka", 2800, "8", "Dania"),
      new Product("Sernik", 1800, "8", "Desery"),
      new Product("Szarlotka", 1700, "8", "Desery"),
      new Product("Lemoniada", 1600, "8", "Napoje"),
      new Product("Sok pomarańczowy", 1200, "8", "Napoje"),
      new Product("Woda mineralna", 800, "8", "Napoje"),
      new Product("Piwo Żywiec 0,5 l", 1400, "23", "Alkohol"),
      new Product("Wino czerwone 150 ml", 2200, "23", "Alkohol"),
      new Product("Wódka 50 ml", 1200, "23", "Alkohol"),
      new Product("Chleb na zakwasie", 1500, "5", "Sklep"),
      new Product("Książka kucharska", 5900, "5", "Sklep"),
      new Product("Kawa ziarnista (eksport)", 6500, "0", "Sklep"),
      new Product("Warsztaty kulinarne", 15000, "ZW", "Usługi"));

  private static DeviceCode register(DeviceStore devices, long accountId, long shopId, String name,
      DeviceModel model, String shop) {
    DeviceStore.Code code = devices.register(accountId, shopId, name, model);
    return new DeviceCode(name, model, shop, code.code(), code.expiresAt());
  }

  private static List<DeviceCode> freshCodes(DeviceStore devices, long accountId) {
    List<DeviceCode> codes = new ArrayList<>();
    for (DeviceStatus d : devices.list(accountId)) {
      if (d.revoked()) continue;
      String code = null;
      long expires = 0;
      if (d.pairedAt() == null) {
        DeviceStore.Code fresh = devices.newCode(accountId, d.id());
        code = fresh.code();
        expires = fresh.expiresAt();
      }
      codes.add(new DeviceCode(d.name(), d.model(), d.shopName(), code, expires));
    }
    return codes;
  }

  /** The start-up text: where to go, how to sign in, and the codes to pair the terminals with. */
  public static String describe(Report report, String baseUrl, Database db) {
    StringBuilder out = new StringBuilder("\n================ Paragon demo ================\n");
    if (!report.created() && !report.existed()) {
      return out.append("The database already holds accounts and no demo: nothing was created.\n")
          .append("Back office: ").append(baseUrl).append("/backoffice\n").toString();
    }
    out.append(report.created() ? "Created the demo account \"" : "The demo account exists: \"")
        .append(ACCOUNT).append("\"\n");
    out.append("Back office: ").append(baseUrl).append("/backoffice\n");
    boolean stillDemoPassword = new Accounts(db, Clock.systemUTC()).login(OWNER_EMAIL)
        .map(login -> Passwords.matches(OWNER_PASSWORD, login.passwordHash())).orElse(false);
    out.append("Owner login: ").append(OWNER_EMAIL).append(" / ")
        .append(stillDemoPassword ? OWNER_PASSWORD : "(password changed since the demo was made)").append('\n');
    out.append("Terminal app: ").append(baseUrl).append("/terminal\n");
    out.append("Terminal users (identifier / PIN):\n");
    for (Person p : PEOPLE) {
      out.append(String.format("  %-6s / %s  %s (%s)%n", p.identifier(), p.pin(), p.name(), p.role()));
    }
    out.append("Devices (pairing codes are valid once, for 15 minutes):\n");
    for (DeviceCode d : report.devices()) {
      out.append(String.format("  %-9s %-10s %-17s %s%n",
          d.name(), d.model(), d.shop(), d.code() == null ? "paired" : d.code()));
    }
    return out.append("==============================================\n").toString();
  }
}
