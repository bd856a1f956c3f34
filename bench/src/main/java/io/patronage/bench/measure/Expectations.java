package io.patronage.bench.measure;

import io.patronage.contracts.retail.TransactionType;
import io.patronage.harness.workload.Delivery;
import io.patronage.harness.workload.Member;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the platform must show for everything sent so far, per chain: enrolled members, distinct member and
 * non-member purchases (returns and resends count nothing), and how many transactions earn points.
 */
public final class Expectations {

    /** Counts of one chain, as the participation view should report them. */
    public record ChainCounts(long enrolled, long memberPurchases, long nonMemberPurchases) {
    }

    private final Map<String, long[]> byChain = new TreeMap<>();
    private long earning;

    public Expectations(Collection<String> chainIds, List<Member> members) {
        chainIds.forEach(chain -> byChain.put(chain, new long[3]));
        members.forEach(member -> byChain.get(member.chain().chainId())[0]++);
    }

    public synchronized void sent(Delivery delivery) {
        if (delivery.duplicate() || delivery.type() != TransactionType.PURCHASE) {
            return;
        }
        byChain.get(delivery.chainId())[delivery.member() ? 1 : 2]++;
        if (delivery.earns()) {
            earning++;
        }
    }

    public synchronized long earning() {
        return earning;
    }

    public synchronized Map<String, ChainCounts> snapshot() {
        Map<String, ChainCounts> snapshot = new TreeMap<>();
        byChain.forEach((chain, counts) -> snapshot.put(chain, new ChainCounts(counts[0], counts[1], counts[2])));
        return snapshot;
    }
}
