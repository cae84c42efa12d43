package paragon.receipts;

/** What a receipt is: a predefined table of the list (rule 4) or an ad-hoc "Sale N" (rule 1). */
public enum Kind { TABLE, AD_HOC }
