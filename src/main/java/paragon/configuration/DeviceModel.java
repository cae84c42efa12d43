package paragon.configuration;

import java.util.Arrays;
import java.util.List;

/** Terminal models. Only SMART_PLUS and POCKET can share receipts online. */
public enum DeviceModel {
  SMART_PLUS(true), POCKET(true), SMART(false), DUET(false);

  private final boolean share;

  DeviceModel(boolean share) {
    this.share = share;
  }

  public boolean canShare() {
    return share;
  }

  /** The models that cannot share, by name: what a query on {@code devices.model} binds. */
  public static List<String> localOnly() {
    return Arrays.stream(values()).filter(m -> !m.share).map(Enum::name).toList();
  }
}
