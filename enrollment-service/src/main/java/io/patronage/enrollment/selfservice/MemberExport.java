package io.patronage.enrollment.selfservice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.patronage.enrollment.notifying.SentNotifications;
import io.patronage.enrollment.privacy.PersonalDataVault;
import io.patronage.enrollment.privacy.Sealed;
import io.patronage.enrollment.profile.MemberProfile;
import io.patronage.enrollment.profile.MemberProfiles;
import io.patronage.enrollment.refusal.MemberNotFoundException;
import io.patronage.kit.json.Json;
import jakarta.inject.Singleton;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything this service holds about a member (GDPR access and portability): the profile, every
 * event of their history with the sealed parts opened, and the messages sent to them.
 */
@Singleton
class MemberExport {

    static final String ERASED = "[erased]";

    private final MemberProfiles profiles;
    private final EventStore eventStore;
    private final PersonalDataVault vault;
    private final SentNotifications sent;

    MemberExport(MemberProfiles profiles, EventStore eventStore, PersonalDataVault vault, SentNotifications sent) {
        this.profiles = profiles;
        this.eventStore = eventStore;
        this.vault = vault;
        this.sent = sent;
    }

    /** @param history one entry per stored event: sequence, type, time and the event's data in readable form */
    record Export(MemberProfile profile, List<HistoryEntry> history, List<Map<String, Object>> messages) {
    }

    record HistoryEntry(long sequence, String type, Instant recordedAt, JsonNode data) {
    }

    Export export(String memberId) {
        MemberProfile profile = profiles.find(memberId).orElseThrow(() -> new MemberNotFoundException(memberId));
        List<HistoryEntry> history = new ArrayList<>();
        eventStore.readEvents(memberId).asStream().forEach(event -> history.add(entry(memberId, event)));
        return new Export(profile, history, sent.of(memberId));
    }

    private HistoryEntry entry(String memberId, DomainEventMessage<?> event) {
        Object payload = event.getPayload();
        ObjectNode data = Json.mapper().valueToTree(payload);
        for (RecordComponent component : payload.getClass().getRecordComponents()) {
            if (component.getType() == Sealed.class) {
                Sealed sealed = (Sealed) read(component, payload);
                data.set(component.getName(), vault.openTree(memberId, sealed).orElse(TextNode.valueOf(ERASED)));
            }
        }
        return new HistoryEntry(event.getSequenceNumber(), event.getPayloadType().getSimpleName(), event.getTimestamp(), data);
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
