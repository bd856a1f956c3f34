package io.patronage.launcher.demo;

import io.patronage.harness.workload.Catalog;
import io.patronage.harness.workload.Chain;
import io.patronage.harness.workload.ChainProfile;
import io.patronage.harness.workload.Member;
import io.patronage.harness.workload.Mix;
import io.patronage.harness.workload.Product;
import io.patronage.harness.workload.Store;
import io.patronage.harness.workload.TransactionGenerator;
import io.patronage.harness.workload.Universe;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's purchases, from the bench's generator: the demo chains with their stores and products, and the
 * members the demo enrolled, each at home in one of their chain's stores. About three in ten purchases carry no
 * card; each is stamped with the store's local time and offset.
 */
final class DemoTraffic {

    private static final int TILLS_PER_STORE = 4;

    private DemoTraffic() {
    }

    static TransactionGenerator generator(List<DemoChain> demoChains, List<DemoMember> demoMembers, long seed,
                                          Clock clock) {
        List<Chain> chains = new ArrayList<>();
        List<Store> stores = new ArrayList<>();
        Map<Chain, Catalog> catalogs = new HashMap<>();
        Map<String, List<Store>> storesByChain = new HashMap<>();
        for (DemoChain demoChain : demoChains) {
            List<String> zones = demoChain.stores().stream().map(store -> store.zone().getId()).distinct().toList();
            Chain chain = new Chain(demoChain.chainId(), chains.size(), ChainProfile.local(demoChain.currency(),
                    demoChain.minorUnits(), zones, List.of(demoChain.locale())));
            chains.add(chain);
            List<Store> chainStores = demoChain.stores().stream()
                    .map(store -> new Store(store.storeId(), chain, store.zone(), TILLS_PER_STORE, 1))
                    .toList();
            stores.addAll(chainStores);
            storesByChain.put(chain.chainId(), chainStores);
            catalogs.put(chain, Catalog.of(demoChain.products().stream()
                    .map(product -> new Product(product.sku(), product.category(), product.unitPrice().doubleValue(),
                            product.weighed()))
                    .toList()));
        }
        List<Member> members = new ArrayList<>();
        Map<String, Integer> enrolledPerChain = new HashMap<>();
        for (DemoMember member : demoMembers) {
            List<Store> chainStores = storesByChain.get(member.chainId());
            if (chainStores == null) {
                continue;
            }
            int nth = enrolledPerChain.merge(member.chainId(), 1, Integer::sum) - 1;
            Store home = chainStores.get(nth % chainStores.size());
            members.add(new Member(member.memberId(), home, member.cardNumber(), null,
                    home.chain().locale(), null, 1));
        }
        return new TransactionGenerator(Universe.of(chains, stores, members, catalogs), seed, Mix.PURCHASES, clock);
    }
}
