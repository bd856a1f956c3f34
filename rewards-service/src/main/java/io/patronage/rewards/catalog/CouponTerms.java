package io.patronage.rewards.catalog;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Introspected;

import java.math.BigDecimal;

/**
 * What the coupon of a reward gives at the till.
 *
 * @param percentOff for {@link Kind#PERCENT_OFF}: 1 to 100
 * @param amountOff  for {@link Kind#AMOUNT_OFF}: in the chain's currency, at most its minor units (EUR 2, JPY 0)
 * @param sku        for {@link Kind#FREE_PRODUCT}: the product given
 */
@Introspected
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CouponTerms(Kind kind,
                          Integer percentOff,
                          @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amountOff,
                          String sku) {

    public enum Kind { PERCENT_OFF, AMOUNT_OFF, FREE_PRODUCT }
}
