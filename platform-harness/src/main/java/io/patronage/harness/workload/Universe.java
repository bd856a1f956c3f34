package io.patronage.harness.workload;

import io.patronage.contracts.members.Luhn;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The world till records come from: chains in different currencies, their stores in different time zones with
 * uneven traffic, members with a home store and uneven activity, and what each chain sells. The bench's is
 * derived from a seed ({@link #generate}); the demo's is given ({@link #of}).
 */
public final class Universe {

    /** A Black Friday morning, the peak the platform is sized for; fixed, so that a seed gives the same bytes. */
    static final Instant START = Instant.parse("2025-11-28T05:00:00Z");

    private final List<Chain> chains;
    private final List<Store> stores;
    private final List<Member> members;
    private final Map<Chain, Catalog> catalogs;

    private Universe(List<Chain> chains, List<Store> stores, List<Member> members, Map<Chain, Catalog> catalogs) {
        this.chains = List.copyOf(chains);
        this.stores = List.copyOf(stores);
        this.members = List.copyOf(members);
        this.catalogs = Map.copyOf(catalogs);
    }

    /** A given world: every chain with at least one store and its own catalog. */
    public static Universe of(List<Chain> chains, List<Store> stores, List<Member> members,
                              Map<Chain, Catalog> catalogs) {
        for (Chain chain : chains) {
            if (stores.stream().noneMatch(store -> store.chain().equals(chain)) || !catalogs.containsKey(chain)) {
                throw new IllegalArgumentException("chain " + chain.chainId() + " needs a store and a catalog");
            }
        }
        return new Universe(chains, stores, members, catalogs);
    }

    public static Universe generate(long seed, int chainCount, int storeCount, int memberCount) {
        if (chainCount < 1 || storeCount < chainCount || memberCount < 0) {
            throw new IllegalArgumentException("need at least one chain, one store per chain and no negative members");
        }
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom storeRandom = root.split();
        SplittableRandom memberRandom = root.split();
        Catalog catalog = new Catalog(root.split());

        List<Chain> chains = new ArrayList<>();
        for (int i = 0; i < chainCount; i++) {
            ChainProfile profile = ChainProfile.forChain(i);
            chains.add(new Chain(String.format("chain-%02d-%s", i + 1, profile.currency().toLowerCase()), i, profile));
        }
        List<Store> stores = new ArrayList<>();
        for (int i = 0; i < storeCount; i++) {
            Chain chain = chains.get(i % chainCount);
            List<String> zones = chain.profile().zones();
            ZoneId zone = ZoneId.of(zones.get((i / chainCount) % zones.size()));
            stores.add(new Store(String.format("S%05d", i + 1), chain, zone, 2 + storeRandom.nextInt(19),
                    Gaussian.logNormal(storeRandom, 1, 0.6)));
        }
        List<Member> members = new ArrayList<>();
        Weighted<Store> storesByTraffic = Weighted.of(stores, Store::traffic);
        for (int i = 0; i < memberCount; i++) {
            Store home = storesByTraffic.draw(memberRandom);
            List<String> locales = home.chain().profile().locales();
            LocalDate birthDate = memberRandom.nextDouble() < 0.8
                    ? LocalDate.of(1940, 1, 1).plusDays(memberRandom.nextInt(68 * 365))
                    : null;
            members.add(new Member(uuid(memberRandom).toString(), home,
                    cardNumber(home.chain(), i), birthDate == null ? null : MonthDay.from(birthDate), locales.get(memberRandom.nextInt(locales.size())),
                    START.minus(1 + memberRandom.nextInt(5 * 365), ChronoUnit.DAYS)
                            .plusSeconds(memberRandom.nextInt(86_400)),
                    Gaussian.logNormal(memberRandom, 1, 1.0)));
        }
        Map<Chain, Catalog> catalogs = new HashMap<>();
        chains.forEach(chain -> catalogs.put(chain, catalog));
        return new Universe(chains, stores, members, catalogs);
    }

    /** A random (version 4) UUID drawn from the seeded stream. */
    private static UUID uuid(SplittableRandom random) {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    /** 16 digits: the chain's issuer prefix, the member's serial, a Luhn check digit. */
    static String cardNumber(Chain chain, int serial) {
        String body = String.format("60%02d%011d", chain.number() % 100, serial);
        return body + Luhn.checkDigit(body);
    }

    public List<Chain> chains() {
        return chains;
    }

    public List<Store> stores() {
        return stores;
    }

    public List<Member> members() {
        return members;
    }

    Catalog catalogOf(Chain chain) {
        return catalogs.get(chain);
    }
}
