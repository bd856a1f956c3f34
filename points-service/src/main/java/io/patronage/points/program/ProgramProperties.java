package io.patronage.points.program;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.convert.format.MapFormat;
import io.micronaut.core.naming.conventions.StringConvention;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code patronage.points.program.*}: the default program, for chains (or instants) without a version of their own. */
@ConfigurationProperties("patronage.points.program")
public class ProgramProperties {

    private String version = ProgramRules.DEFAULT.version();
    private BigDecimal pointsPerUnit = ProgramRules.DEFAULT.pointsPerUnit();
    private PointsRounding rounding = ProgramRules.DEFAULT.rounding();
    private BigDecimal minimumSpend = ProgramRules.DEFAULT.minimumSpend();
    private Map<String, BigDecimal> categoryMultipliers = new LinkedHashMap<>();
    private Map<String, BigDecimal> skuMultipliers = new LinkedHashMap<>();
    private List<String> excludedCategories = new ArrayList<>();
    private List<String> excludedSkus = new ArrayList<>();
    private Long maxPointsPerTransaction;
    private String timeZone = "UTC";
    private ReturnPolicy returnPolicy = ReturnPolicy.CLAMP_AT_ZERO;
    private int pendingDays;
    private Integer expiryAfterDays;
    private int expiryNotifyDaysBefore;

    /** Exclusions are multipliers of 0; map keys are taken as written (categories and SKUs are case-sensitive). */
    public ProgramRules toRules() {
        List<LineMultiplier> multipliers = new ArrayList<>();
        excludedCategories.forEach(category -> multipliers.add(LineMultiplier.category(category, BigDecimal.ZERO)));
        excludedSkus.forEach(sku -> multipliers.add(LineMultiplier.sku(sku, BigDecimal.ZERO)));
        categoryMultipliers.forEach((category, factor) -> multipliers.add(LineMultiplier.category(category, factor)));
        skuMultipliers.forEach((sku, factor) -> multipliers.add(LineMultiplier.sku(sku, factor)));
        return new ProgramRules(version, null, null, java.time.ZoneId.of(timeZone), null, pointsPerUnit, rounding,
                minimumSpend, multipliers, maxPointsPerTransaction, null, null, returnPolicy, pendingDays,
                expiryAfterDays == null ? null : new ExpiryRule(expiryAfterDays, null, 0, expiryNotifyDaysBefore),
                null);
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public ReturnPolicy getReturnPolicy() {
        return returnPolicy;
    }

    public void setReturnPolicy(ReturnPolicy returnPolicy) {
        this.returnPolicy = returnPolicy;
    }

    public int getPendingDays() {
        return pendingDays;
    }

    public void setPendingDays(int pendingDays) {
        this.pendingDays = pendingDays;
    }

    public Integer getExpiryAfterDays() {
        return expiryAfterDays;
    }

    public void setExpiryAfterDays(Integer expiryAfterDays) {
        this.expiryAfterDays = expiryAfterDays;
    }

    public int getExpiryNotifyDaysBefore() {
        return expiryNotifyDaysBefore;
    }

    public void setExpiryNotifyDaysBefore(int expiryNotifyDaysBefore) {
        this.expiryNotifyDaysBefore = expiryNotifyDaysBefore;
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    public BigDecimal getPointsPerUnit() {
        return pointsPerUnit;
    }

    public void setPointsPerUnit(BigDecimal pointsPerUnit) {
        this.pointsPerUnit = pointsPerUnit;
    }

    public PointsRounding getRounding() {
        return rounding;
    }

    public void setRounding(PointsRounding rounding) {
        this.rounding = rounding;
    }

    public BigDecimal getMinimumSpend() {
        return minimumSpend;
    }

    public void setMinimumSpend(BigDecimal minimumSpend) {
        this.minimumSpend = minimumSpend;
    }

    public Map<String, BigDecimal> getCategoryMultipliers() {
        return categoryMultipliers;
    }

    public void setCategoryMultipliers(@MapFormat(transformation = MapFormat.MapTransformation.FLAT,
            keyFormat = StringConvention.RAW) Map<String, BigDecimal> categoryMultipliers) {
        this.categoryMultipliers = new LinkedHashMap<>(categoryMultipliers);
    }

    public Map<String, BigDecimal> getSkuMultipliers() {
        return skuMultipliers;
    }

    public void setSkuMultipliers(@MapFormat(transformation = MapFormat.MapTransformation.FLAT,
            keyFormat = StringConvention.RAW) Map<String, BigDecimal> skuMultipliers) {
        this.skuMultipliers = new LinkedHashMap<>(skuMultipliers);
    }

    public List<String> getExcludedCategories() {
        return excludedCategories;
    }

    public void setExcludedCategories(List<String> excludedCategories) {
        this.excludedCategories = new ArrayList<>(excludedCategories);
    }

    public List<String> getExcludedSkus() {
        return excludedSkus;
    }

    public void setExcludedSkus(List<String> excludedSkus) {
        this.excludedSkus = new ArrayList<>(excludedSkus);
    }

    public Long getMaxPointsPerTransaction() {
        return maxPointsPerTransaction;
    }

    public void setMaxPointsPerTransaction(Long maxPointsPerTransaction) {
        this.maxPointsPerTransaction = maxPointsPerTransaction;
    }
}
