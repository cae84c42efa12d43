package paragon.configuration;

import java.util.Arrays;
import java.util.List;

/**
 * Device models. Only SMART_PLUS and POCKET can share receipts online. KITCHEN_DISPLAY is a kitchen
 * screen (issue 12): it shows the kitchen board at {@code /kitchen} and never sells (no cashier logs in
 * on it, so it sends no receipt command).
 */
public enum DeviceModel {
  SMART_PLUS(true, true), POCKET(true, true), SMART(false, true), DUET(false, true), KITCHEN_DISPLAY(false, false);

  private final boolean share;
  private final boolean sells;

  DeviceModel(boolean share, boolean sells) {
    this.share = share;
    this.sells = sells;
  }

  public boolean canShare() {
    return share;
  }

  /** A terminal (a cashier logs in and sells); false for a kitchen display. */
  public boolean sells() {
    return sells;
  }

  /** The terminal models that cannot share, by name: what a query on {@code devices.model} binds. */
  public static List<String> localOnly() {
    return Arrays.stream(values()).filter(m -> m.sells && !m.share).map(Enum::name).toList();
  }
}
