package io.patronage.harness.workload;

import java.util.List;

/**
 * What a chain's market looks like: its currency with the minor units its tills really use (IRR and JPY
 * have none in practice), price level relative to the euro, the rounding of shelf prices, and the time
 * zones and member languages of its stores.
 */
public record ChainProfile(String currency, int scale, double unitsPerEuro, long priceStep,
                           List<String> zones, List<String> locales) {

    /** A chain whose catalog is priced in its own currency, to the minor unit. */
    public static ChainProfile local(String currency, int scale, List<String> zones, List<String> locales) {
        return new ChainProfile(currency, scale, 1, 1, zones, locales);
    }

    /** Cycled through by chain number: chain 0 is EUR, 1 MYR, 2 IRR, ... */
    static final List<ChainProfile> MARKETS = List.of(
            new ChainProfile("EUR", 2, 1.0, 1,
                    List.of("Europe/Athens", "Europe/Berlin", "Europe/Lisbon", "Europe/Helsinki"),
                    List.of("el-GR", "de-DE", "pt-PT", "fi-FI")),
            new ChainProfile("MYR", 2, 4.9, 5, List.of("Asia/Kuala_Lumpur", "Asia/Kuching"),
                    List.of("ms-MY", "en-MY", "zh-Hans-MY")),
            new ChainProfile("IRR", 0, 45_000, 1_000, List.of("Asia/Tehran"), List.of("fa-IR")),
            new ChainProfile("JPY", 0, 160, 10, List.of("Asia/Tokyo"), List.of("ja-JP")),
            new ChainProfile("KWD", 3, 0.33, 5, List.of("Asia/Kuwait"), List.of("ar-KW", "en-KW")),
            new ChainProfile("INR", 2, 90, 100, List.of("Asia/Kolkata"), List.of("hi-IN", "en-IN", "ta-IN")),
            new ChainProfile("NPR", 2, 145, 100, List.of("Asia/Kathmandu"), List.of("ne-NP")),
            new ChainProfile("USD", 2, 1.08, 1, List.of("America/New_York", "America/Chicago", "America/Los_Angeles"),
                    List.of("en-US", "es-US")),
            new ChainProfile("AUD", 2, 1.65, 1, List.of("Australia/Adelaide", "Australia/Sydney", "Australia/Perth"),
                    List.of("en-AU")),
            new ChainProfile("BRL", 2, 5.4, 1, List.of("America/Sao_Paulo", "America/Manaus"), List.of("pt-BR")));

    static ChainProfile forChain(int chainNumber) {
        return MARKETS.get(chainNumber % MARKETS.size());
    }
}
