package io.patronage.harness.workload;

/**
 * A catalog item with its shelf price in euros, converted to each chain's currency at the till; for a chain of
 * {@link ChainProfile#local}, the price in the chain's own currency.
 *
 * @param weighed sold by the kilogram: the quantity has three decimals
 */
public record Product(String sku, String category, double euroPrice, boolean weighed) {
}
