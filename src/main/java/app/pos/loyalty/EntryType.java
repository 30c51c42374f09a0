package app.pos.loyalty;

/** The kinds of ledger entry; points are signed (an EARN is positive, a REVERSAL of it negative). */
public enum EntryType {
    EARN,
    REDEEM,
    REVERSAL,
    RETURN,
    EXPIRY,
    ADJUSTMENT,
    MERGE
}
