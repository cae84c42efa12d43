package paragon.receipts;

/**
 * A modifier option chosen on a line, as the server priced it when the line was added: its group and
 * option (ids and names) and the delta in grosze it added to the unit price. Kept with the line
 * ({@code lines.modifiers}, JSON), so a later catalog change never alters a line already on a receipt.
 */
public record Modifier(long groupId, long optionId, String group, String name, long delta) {}
