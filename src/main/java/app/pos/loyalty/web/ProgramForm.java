package app.pos.loyalty.web;

import app.pos.loyalty.LoyaltyProgram;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The program as the back-office form holds it: every number as typed, so that "abc" comes back with a message
 * rather than a 400, and one row per tier and reward in the program's order, so that the service's field names
 * ({@code tiers[1].qualifyingSpend}) are this form's property paths. A mutable bean: Spring binds the rows'
 * indexed parameters into it.
 */
public class ProgramForm {

    /** How a reward discounts: the one of discountAmount, discountPercent and freeProductId it sets. */
    public enum Kind {
        AMOUNT,
        PERCENT,
        PRODUCT
    }

    private boolean enabled;
    private String pointsPerUnit = "";
    private String earnBasis = "";
    private List<String> excludedCategories = new ArrayList<>();
    private String pointsExpireAfterMonths = "";
    private boolean returnRedeemedPointsOnVoid;
    private List<TierRow> tiers = new ArrayList<>();
    private List<RewardRow> rewards = new ArrayList<>();

    static ProgramForm from(LoyaltyProgram program) {
        ProgramForm form = new ProgramForm();
        form.enabled = Boolean.TRUE.equals(program.enabled());
        form.pointsPerUnit = text(program.pointsPerUnit());
        form.earnBasis = program.earnBasis();
        form.excludedCategories = new ArrayList<>(program.excludedCategories());
        form.pointsExpireAfterMonths = program.pointsExpireAfterMonths() == null
                ? ""
                : program.pointsExpireAfterMonths().toString();
        form.returnRedeemedPointsOnVoid = Boolean.TRUE.equals(program.returnRedeemedPointsOnVoid());
        for (LoyaltyProgram.Tier tier : program.tiers()) {
            form.tiers.add(new TierRow(tier.name(), text(tier.qualifyingSpend()), text(tier.multiplier())));
        }
        for (LoyaltyProgram.Reward reward : program.rewards()) {
            form.rewards.add(RewardRow.from(reward));
        }
        return form;
    }

    static String text(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    public static class TierRow {
        private String name = "";
        private String qualifyingSpend = "";
        private String multiplier = "";

        public TierRow() {}

        TierRow(String name, String qualifyingSpend, String multiplier) {
            this.name = name;
            this.qualifyingSpend = qualifyingSpend;
            this.multiplier = multiplier;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getQualifyingSpend() {
            return qualifyingSpend;
        }

        public void setQualifyingSpend(String qualifyingSpend) {
            this.qualifyingSpend = qualifyingSpend;
        }

        public String getMultiplier() {
            return multiplier;
        }

        public void setMultiplier(String multiplier) {
            this.multiplier = multiplier;
        }
    }

    /** A reward: its id (hidden, blank for a new one), name, points, kind with its value, and whether it is offered. */
    public static class RewardRow {
        private String id = "";
        private String name = "";
        private String points = "";
        private Kind kind = Kind.AMOUNT;
        private String value = "";
        private String freeProductId = "";
        private boolean active = true;

        public RewardRow() {}

        static RewardRow from(LoyaltyProgram.Reward reward) {
            RewardRow row = new RewardRow();
            row.id = reward.id() == null ? "" : reward.id().toString();
            row.name = reward.name();
            row.points = reward.points() == null ? "" : reward.points().toString();
            if (reward.freeProductId() != null) {
                row.kind = Kind.PRODUCT;
                row.freeProductId = reward.freeProductId().toString();
            } else if (reward.discountPercent() != null) {
                row.kind = Kind.PERCENT;
                row.value = text(reward.discountPercent());
            } else {
                row.value = text(reward.discountAmount());
            }
            row.active = Boolean.TRUE.equals(reward.active());
            return row;
        }

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getPoints() {
            return points;
        }

        public void setPoints(String points) {
            this.points = points;
        }

        public Kind getKind() {
            return kind;
        }

        public void setKind(Kind kind) {
            this.kind = kind;
        }

        public String getValue() {
            return value;
        }

        public void setValue(String value) {
            this.value = value;
        }

        public String getFreeProductId() {
            return freeProductId;
        }

        public void setFreeProductId(String freeProductId) {
            this.freeProductId = freeProductId;
        }

        public boolean isActive() {
            return active;
        }

        public void setActive(boolean active) {
            this.active = active;
        }
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getPointsPerUnit() {
        return pointsPerUnit;
    }

    public void setPointsPerUnit(String pointsPerUnit) {
        this.pointsPerUnit = pointsPerUnit;
    }

    public String getEarnBasis() {
        return earnBasis;
    }

    public void setEarnBasis(String earnBasis) {
        this.earnBasis = earnBasis;
    }

    public List<String> getExcludedCategories() {
        return excludedCategories;
    }

    public void setExcludedCategories(List<String> excludedCategories) {
        this.excludedCategories = excludedCategories == null ? new ArrayList<>() : excludedCategories;
    }

    public String getPointsExpireAfterMonths() {
        return pointsExpireAfterMonths;
    }

    public void setPointsExpireAfterMonths(String pointsExpireAfterMonths) {
        this.pointsExpireAfterMonths = pointsExpireAfterMonths;
    }

    public boolean isReturnRedeemedPointsOnVoid() {
        return returnRedeemedPointsOnVoid;
    }

    public void setReturnRedeemedPointsOnVoid(boolean returnRedeemedPointsOnVoid) {
        this.returnRedeemedPointsOnVoid = returnRedeemedPointsOnVoid;
    }

    public List<TierRow> getTiers() {
        return tiers;
    }

    public void setTiers(List<TierRow> tiers) {
        this.tiers = tiers == null ? new ArrayList<>() : tiers;
    }

    public List<RewardRow> getRewards() {
        return rewards;
    }

    public void setRewards(List<RewardRow> rewards) {
        this.rewards = rewards == null ? new ArrayList<>() : rewards;
    }
}
