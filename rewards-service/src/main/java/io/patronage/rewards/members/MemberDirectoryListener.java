package io.patronage.rewards.members;

import io.patronage.contracts.Topic;
import io.patronage.contracts.Topics;
import io.patronage.contracts.members.CardReplaced;
import io.patronage.contracts.members.MemberEnrolled;
import io.patronage.contracts.members.MemberErased;
import io.patronage.contracts.members.MemberOptedOut;
import io.patronage.kit.kafka.InboundMessage;
import io.patronage.kit.kafka.TopicListener;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the {@link MemberDirectory} and {@link MemberCards} up to date from {@code loyalty.members.v1}: enrollments
 * and cards; a member who opted out or was erased is marked (no more automatic offers) and their cards forgotten,
 * an erased member's birthday too.
 */
@Singleton
class MemberDirectoryListener implements TopicListener {

    private final MemberDirectory directory;
    private final MemberCards cards;

    MemberDirectoryListener(MemberDirectory directory, MemberCards cards) {
        this.directory = directory;
        this.cards = cards;
    }

    @Override
    public String name() {
        return "member-directory";
    }

    @Override
    public List<Topic> topics() {
        return List.of(Topics.MEMBERS);
    }

    /**
     * Recording an enrollment, a card or a departure is an upsert, so a redelivery needs no processed-message
     * bookkeeping.
     */
    @Override
    public boolean deduplicate() {
        return false;
    }

    /**
     * Enrollments are recorded together (one bulk write), but before any other message of the batch, so that a
     * departure or a card replacement always comes after the enrollment it follows on the topic.
     */
    @Override
    public void onBatch(List<InboundMessage> batch) {
        List<MemberEnrolled> enrollments = new ArrayList<>();
        for (InboundMessage message : batch) {
            if (message.payload() instanceof MemberEnrolled enrolled) {
                MemberIds.require(enrolled.memberId(), enrolled.chainId(), "MemberEnrolled");
                enrollments.add(enrolled);
                continue;
            }
            flush(enrollments);
            if (message.payload() instanceof CardReplaced replaced && !isBlank(replaced.newCardNumber())) {
                cards.replaced(replaced.chainId(), replaced.oldCardNumber(), replaced.newCardNumber(),
                        replaced.memberId());
            } else if (message.payload() instanceof MemberOptedOut optedOut) {
                MemberIds.require(optedOut.memberId(), optedOut.chainId(), "MemberOptedOut");
                directory.optedOut(optedOut.memberId(), optedOut.chainId(), at(optedOut.optedOutAt(), message));
                cards.forget(optedOut.memberId());
            } else if (message.payload() instanceof MemberErased erased) {
                MemberIds.require(erased.memberId(), erased.chainId(), "MemberErased");
                directory.erased(erased.memberId(), erased.chainId(), at(erased.erasedAt(), message));
                cards.forget(erased.memberId());
            }
        }
        flush(enrollments);
    }

    /** The cards of a member who left or was erased are not recorded again by their enrollment read again. */
    private void flush(List<MemberEnrolled> enrollments) {
        for (MemberEnrolled enrolled : directory.enrolled(enrollments)) {
            if (!isBlank(enrolled.cardNumber())) {
                cards.issued(enrolled.chainId(), enrolled.cardNumber(), enrolled.memberId());
            }
        }
        enrollments.clear();
    }

    private static Instant at(Instant stated, InboundMessage message) {
        return stated != null ? stated : message.time();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
