package io.patronage.analytics.participation;

import io.patronage.contracts.members.CardReplaced;
import io.patronage.contracts.members.MemberEnrolled;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/** Folds a batch of consumed facts into the participation views: pure, no I/O. */
final class ParticipationLedger {

    /** A decoded payload and where it was read. */
    record Fact(LogPosition position, Object payload) {
    }

    /**
     * @param changed      the views whose numbers changed, each once, stamped with a new revision
     * @param newCards     member cards not yet in the directory
     * @param alreadyCounted views that did not change but received a redelivered fact they had
     *                     already counted: their last publication may not have gone out
     */
    record Outcome(List<ParticipationState> changed, List<MemberCard> newCards, Set<ViewKey> alreadyCounted) {

        Set<ViewKey> toPublish() {
            Set<ViewKey> keys = new LinkedHashSet<>();
            changed.forEach(state -> keys.add(state.key()));
            keys.addAll(alreadyCounted);
            return keys;
        }
    }

    private ParticipationLedger() {
    }

    /**
     * Enrollments and card replacements are applied first, so that a purchase in the same batch already sees its card.
     *
     * @param current   the view as it stands before the batch
     * @param knownCard whether a {@code chainId:cardNumber} key is in the card directory
     */
    static Outcome apply(List<Fact> facts, Function<ViewKey, ParticipationState> current,
                         Predicate<String> knownCard, Instant now) {
        Map<ViewKey, ParticipationState> working = new LinkedHashMap<>();
        Set<ViewKey> changed = new LinkedHashSet<>();
        Set<ViewKey> alreadyCounted = new LinkedHashSet<>();
        Map<String, MemberCard> newCards = new LinkedHashMap<>();
        Predicate<String> known = key -> newCards.containsKey(key) || knownCard.test(key);

        List<Fact> ordered = facts.stream()
                .sorted(Comparator.comparing(fact -> cardOf(fact.payload()).isEmpty()))
                .toList();
        for (Fact fact : ordered) {
            // Even an enrollment counted before goes into the directory: it may have been counted
            // just before a crash that prevented its card from being written.
            cardOf(fact.payload()).filter(card -> !known.test(card.key()))
                    .ifPresent(card -> newCards.put(card.key(), card));
            Contribution.of(fact.payload(), known).ifPresent(contribution -> {
                for (ViewKey key : keysOf(contribution)) {
                    ParticipationState state = working.computeIfAbsent(key, current);
                    if (state.hasApplied(fact.position())) {
                        alreadyCounted.add(key);
                    } else {
                        working.put(key, state.apply(contribution.delta(), fact.position()));
                        changed.add(key);
                    }
                }
            });
        }
        alreadyCounted.removeAll(changed);
        List<ParticipationState> stamped = new ArrayList<>();
        changed.forEach(key -> stamped.add(working.get(key).computed(now)));
        return new Outcome(stamped, List.copyOf(newCards.values()), alreadyCounted);
    }

    /** The member card an enrollment or a card replacement brings; a replaced card stays known for old sales. */
    private static Optional<MemberCard> cardOf(Object payload) {
        if (payload instanceof MemberEnrolled enrolled && enrolled.cardNumber() != null) {
            return Optional.of(new MemberCard(enrolled.chainId(), enrolled.cardNumber(), enrolled.memberId()));
        }
        if (payload instanceof CardReplaced replaced && replaced.newCardNumber() != null) {
            return Optional.of(new MemberCard(replaced.chainId(), replaced.newCardNumber(), replaced.memberId()));
        }
        return Optional.empty();
    }

    /** The views a contribution counts in. Monthly views would add the month of the fact in the chain's zone. */
    private static List<ViewKey> keysOf(Contribution contribution) {
        return List.of(ViewKey.allTime(contribution.chainId()));
    }
}
