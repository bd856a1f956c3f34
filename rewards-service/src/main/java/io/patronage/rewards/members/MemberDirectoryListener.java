package io.patronage.rewards.members;

import io.patronage.contracts.Topic;
import io.patronage.contracts.Topics;
import io.patronage.contracts.members.CardReplaced;
import io.patronage.contracts.members.MemberEnrolled;
import io.patronage.kit.kafka.InboundMessage;
import io.patronage.kit.kafka.TopicListener;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/** Keeps the {@link MemberDirectory} and {@link MemberCards} up to date from {@code loyalty.members.v1}. */
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

    /** Recording an enrollment or a card is an upsert, so a redelivery needs no processed-message bookkeeping. */
    @Override
    public boolean deduplicate() {
        return false;
    }

    @Override
    public void onBatch(List<InboundMessage> batch) {
        List<MemberEnrolled> enrollments = new ArrayList<>();
        for (InboundMessage message : batch) {
            if (message.payload() instanceof MemberEnrolled enrolled) {
                if (isBlank(enrolled.memberId()) || isBlank(enrolled.chainId())) {
                    throw new IllegalArgumentException("MemberEnrolled without memberId or chainId");
                }
                enrollments.add(enrolled);
                if (!isBlank(enrolled.cardNumber())) {
                    cards.issued(enrolled.chainId(), enrolled.cardNumber(), enrolled.memberId());
                }
            } else if (message.payload() instanceof CardReplaced replaced && !isBlank(replaced.newCardNumber())) {
                cards.replaced(replaced.chainId(), replaced.oldCardNumber(), replaced.newCardNumber(),
                        replaced.memberId());
            }
        }
        directory.enrolled(enrollments);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
