package app.pos.loyalty;

/** What an order's points are computed on: its amount after discounts, without or with tax. */
public enum EarnBasis {
    BEFORE_TAX,
    AFTER_TAX
}
