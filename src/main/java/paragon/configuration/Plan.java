package paragon.configuration;

/** The account's subscription plan. Only MAX enables online parking (sharing). */
public enum Plan {
  START, STANDARD, PREMIUM, MAX;

  public boolean allowsSharing() {
    return this == MAX;
  }
}
