package io.patronage.kit.lifecycle;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.UUID;

/**
 * Which instance of the service this process is: {@code patronage.instance-id} ({@code PATRONAGE_INSTANCE_ID}: the
 * pod's name in Kubernetes, the service's name under the launcher), or a random id for this run. A named instance
 * keeps its name across restarts, so the restarted process takes over what its crashed run left (its publication
 * checkpoint, its consumer group partitions). Two live instances must never share a name.
 */
@Singleton
public class ServiceInstance {

    private final String id;
    private final boolean named;

    ServiceInstance(@Value("${patronage.instance-id:}") String configured) {
        this.named = !configured.isBlank();
        this.id = named ? configured : UUID.randomUUID().toString();
    }

    public String id() {
        return id;
    }

    /** Whether the id was configured, rather than drawn for this run. */
    public boolean named() {
        return named;
    }
}
