package io.patronage.rewards.members;

import io.patronage.contracts.Topic;
import io.patronage.contracts.Topics;
import io.patronage.contracts.members.MemberEnrolled;
import io.patronage.kit.kafka.InboundMessage;
import io.patronage.kit.kafka.TopicListener;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/** Keeps the {@link MemberDirectory} up to date from {@code loyalty.members.v1}. */
@Singleton
class MemberDirectoryListener implements TopicListener {

    private final MemberDirectory directory;

    MemberDirectoryListener(MemberDirectory directory) {
        this.directory = directory;
    }

    @Override
    public String name() {
        return "member-directory";
    }

    @Override
    public List<Topic> topics() {
        return List.of(Topics.MEMBERS);
    }

    /** Recording an enrollment is an upsert, so a redelivery needs no processed-message bookkeeping. */
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
            }
        }
        directory.enrolled(enrollments);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
