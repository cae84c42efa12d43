package paragon.receipts;

/** The Polish VAT rates; {@code code} is how they are written in JSON and in the database. */
enum Vat {
  V23("23", 23), V8("8", 8), V5("5", 5), V0("0", 0), ZW("ZW", 0);

  private final String code;
  private final int rate;

  Vat(String code, int rate) {
    this.code = code;
    this.rate = rate;
  }

  String code() {
    return code;
  }

  int rate() {
    return rate;
  }

  /** The rate written as {@code code}, or null when it is not one. */
  static Vat of(String code) {
    for (Vat v : values()) if (v.code.equals(code)) return v;
    return null;
  }
}
