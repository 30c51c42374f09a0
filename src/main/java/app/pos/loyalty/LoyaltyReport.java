package app.pos.loyalty;

import app.pos.customer.ConsentChannel;
import app.pos.customer.Consents;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The program's liability and membership, for the back office and the API.
 *
 * <p>A point's value is the best cash rate the shop offers for it: the highest {@code discountAmount / points}
 * among the active rewards (four decimals, rounded half up). Percent and free-product rewards have no fixed cash
 * value, so without an amount reward there is no value and no liability in money, only in points.
 *
 * <p>Members per tier counts customers whose LOYALTY consent is granted now, by the tier stored on their balance
 * (as last settled by an order, a void or a merge). A member with no balance row, no tier or a tier the program no
 * longer has is counted in the lowest tier.
 */
@Service
public class LoyaltyReport {

    static final int POINT_VALUE_SCALE = 4;

    private final ProgramRepository program;
    private final ReportRepository repository;
    private final Consents consents;

    LoyaltyReport(ProgramRepository program, ReportRepository repository, Consents consents) {
        this.program = program;
        this.repository = repository;
        this.consents = consents;
    }

    @Transactional(readOnly = true)
    public LoyaltyLiability liability() {
        LoyaltyProgram settings = program.load();
        long outstanding = repository.outstandingPoints();
        BigDecimal pointValue = pointValue(settings);
        BigDecimal liability = pointValue == null
                ? null
                : pointValue.multiply(BigDecimal.valueOf(outstanding)).setScale(2, RoundingMode.HALF_UP);
        return new LoyaltyLiability(outstanding, pointValue, liability, membersPerTier(settings));
    }

    static BigDecimal pointValue(LoyaltyProgram settings) {
        return settings.rewards().stream()
                .filter(r -> Boolean.TRUE.equals(r.active()) && r.discountAmount() != null && r.points() > 0)
                .map(r -> r.discountAmount()
                        .divide(BigDecimal.valueOf(r.points()), POINT_VALUE_SCALE, RoundingMode.HALF_UP))
                .max(Comparator.naturalOrder())
                .orElse(null);
    }

    private List<LoyaltyLiability.TierMembers> membersPerTier(LoyaltyProgram settings) {
        long members = consents.countGranted(ConsentChannel.LOYALTY);
        List<LoyaltyProgram.Tier> tiers = settings.tiers();
        if (tiers.isEmpty()) {
            return List.of(new LoyaltyLiability.TierMembers(null, members));
        }
        List<LoyaltyLiability.TierMembers> higher = new ArrayList<>();
        long inHigher = 0;
        for (LoyaltyProgram.Tier tier : tiers.subList(1, tiers.size())) {
            long count = consents.countGranted(ConsentChannel.LOYALTY, repository.customersHolding(tier.name()));
            higher.add(new LoyaltyLiability.TierMembers(tier.name(), count));
            inHigher += count;
        }
        List<LoyaltyLiability.TierMembers> rows = new ArrayList<>();
        rows.add(new LoyaltyLiability.TierMembers(tiers.get(0).name(), members - inHigher));
        rows.addAll(higher);
        return List.copyOf(rows);
    }
}
