package paragon.configuration;

/** Terminal models. Only SMART_PLUS and POCKET can share receipts online. */
public enum DeviceModel {
  SMART_PLUS, POCKET, SMART, DUET;

  public boolean canShare() {
    return this == SMART_PLUS || this == POCKET;
  }
}
