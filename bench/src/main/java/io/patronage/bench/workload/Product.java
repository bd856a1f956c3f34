package io.patronage.bench.workload;

/**
 * A catalog item with its shelf price in euros, converted to each chain's currency at the till.
 *
 * @param weighed sold by the kilogram: the quantity has three decimals
 */
record Product(String sku, String category, double euroPrice, boolean weighed) {
}
