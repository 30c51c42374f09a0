package app.pos.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money is BigDecimal with two decimals, rounded half-up; these helpers keep that in one place. */
public final class Money {

    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private Money() {}

    public static BigDecimal of(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
