package paragon.parking;

import java.util.List;
import paragon.web.FieldErrors;
import paragon.web.PageContext;

/**
 * What the Parking page shows: every list as stored, except the one list the owner is editing
 * ({@link Draft}), which shows the rows as typed, with their errors or a notice.
 */
public record ParkingView(PageContext page, long revision, ListView defaults, List<ShopView> shops) {

  /** One list on the page; {@code key} is "default" or "shop-ID", also its HTML id. */
  /** {@code ownList}: a shop's own list drafted after unticking "use defaults"; its save switches the shop. */
  public record ListView(String key, String action, List<SlotRules.Row> rows, FieldErrors errors, String notice,
      int focus, boolean ownList) {
    public String inputId(int row) {
      return key + "-name-" + row;
    }
  }

  /**
   * {@code useDefaults}: the box as shown (unticked while the own list is drafted, though the shop still
   * uses the defaults until that draft is saved).
   */
  public record ShopView(long id, String name, boolean useDefaults, int defaultCount,
      int ownCount, String notice, ListView own) {}

  /**
   * The list being edited: its rows as typed (null: as stored), errors, a notice key, the row to focus,
   * and whether it is a shop's own list drafted to replace the defaults.
   */
  record Draft(String key, List<SlotRules.Row> rows, FieldErrors errors, String notice, int focus, boolean ownList) {
    /** No edit in progress: the stored list of {@code key}, with the notice of what the last post did. */
    static Draft notice(String key, String notice) {
      return new Draft(key, null, new FieldErrors(), notice, -1, false);
    }
  }

  static String key(Long shopId) {
    return shopId == null ? "default" : "shop-" + shopId;
  }

  static ParkingView of(PageContext page, ParkingStore.Lists lists, Draft draft) {
    ListView defaults = view(key(null), "/backoffice/parking/lists/default", lists.defaults(), draft);
    List<ShopView> shops = lists.shops().stream().map(s -> {
      String key = key(s.shopId());
      ListView own = view(key, "/backoffice/parking/lists/" + s.shopId(), s.own(), draft);
      boolean shownTicked = s.useDefaults() && !own.ownList();
      return new ShopView(s.shopId(), s.name(), shownTicked, lists.defaults().size(), s.own().size(),
          draft != null && draft.key().equals(key) ? draft.notice() : null, own);
    }).toList();
    return new ParkingView(page, lists.revision(), defaults, shops);
  }

  private static ListView view(String key, String action, List<ParkingStore.Slot> stored, Draft draft) {
    if (draft != null && draft.key().equals(key)) {
      List<SlotRules.Row> rows = draft.rows() != null ? draft.rows()
          : stored.stream().map(s -> new SlotRules.Row(s.id(), s.name())).toList();
      return new ListView(key, action, rows, draft.errors(), draft.notice(), draft.focus(), draft.ownList());
    }
    return new ListView(key, action, stored.stream().map(s -> new SlotRules.Row(s.id(), s.name())).toList(),
        new FieldErrors(), null, -1, false);
  }
}
