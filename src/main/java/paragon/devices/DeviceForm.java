package paragon.devices;

import java.util.List;
import java.util.Map;
import paragon.configuration.DeviceModel;
import paragon.web.FieldErrors;
import paragon.web.Storable;

/**
 * The back office's "register a device" form as typed, kept so a refused form shows what the owner
 * entered. {@link #validate} checks every field at once (a pure function of the form and the shops).
 */
public record DeviceForm(String name, String model, String shop) {

  public static final DeviceForm EMPTY = new DeviceForm("", "", "");

  static DeviceForm read(Map<String, List<String>> form) {
    return new DeviceForm(first(form, "name"), first(form, "model"), first(form, "shop"));
  }

  /** The valid registration, or null with {@code errors} filled in. */
  Valid validate(List<ShopOption> shops, FieldErrors errors) {
    String trimmed = name.strip();
    if (Storable.check(errors, "name", trimmed) && !DeviceStore.nameFits(trimmed)) {
      errors.add("name", "devices.error.name_length", DeviceStore.NAME_MAX);
    }
    DeviceModel parsed = null;
    try {
      parsed = DeviceModel.valueOf(model);
    } catch (IllegalArgumentException e) {
      errors.add("model", "devices.error.model");
    }
    Long shopId = null;
    for (ShopOption s : shops) {
      if (String.valueOf(s.id()).equals(shop)) shopId = s.id();
    }
    if (shopId == null) errors.add("shop", "devices.error.shop");
    return errors.isEmpty() ? new Valid(trimmed, parsed, shopId) : null;
  }

  record Valid(String name, DeviceModel model, long shopId) {}

  /** A shop the device can be registered in. */
  public record ShopOption(long id, String name) {}

  private static String first(Map<String, List<String>> form, String field) {
    List<String> values = form.get(field);
    return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0);
  }
}
