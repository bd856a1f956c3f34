package io.patronage.launcher.demo;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;

/**
 * A retail chain of the demo: its currency, the language its members speak, its stores and what they sell.
 *
 * @param minorUnits decimals of the amounts the chain's tills print: not always ISO 4217's (the Iranian rial
 *                   has two on paper, none in practice)
 * @param phonePattern a mobile number in E.164 with {@code #} for random digits
 */
record DemoChain(String chainId,
                 String currency,
                 int minorUnits,
                 String locale,
                 String emailDomain,
                 String phonePattern,
                 List<Store> stores,
                 List<Product> products,
                 List<Person> people) {

    record Store(String storeId, ZoneId zone) {
    }

    /** @param weighed sold by the kilogram, so the quantity has decimals */
    record Product(String sku, String category, BigDecimal unitPrice, boolean weighed) {
    }

    /** @param emailName the name in Latin letters, for the e-mail address */
    record Person(String firstName, String lastName, String emailName) {
    }
}
