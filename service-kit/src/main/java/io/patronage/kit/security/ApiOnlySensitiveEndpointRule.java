package io.patronage.kit.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.management.endpoint.EndpointSensitivityProcessor;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.security.rules.SensitiveEndpointRule;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * Micronaut's sensitive management endpoints ({@code /beans}, {@code /env}, {@code /routes}, ...) are refused to
 * every caller, with or without a token: what they show is for whoever runs the process, not for API clients.
 * Health and Prometheus are not sensitive, so open.
 */
@Singleton
@Replaces(SensitiveEndpointRule.class)
class ApiOnlySensitiveEndpointRule extends SensitiveEndpointRule {

    ApiOnlySensitiveEndpointRule(EndpointSensitivityProcessor processor) {
        super(processor);
    }

    @Override
    protected Publisher<SecurityRuleResult> checkSensitiveAuthenticated(HttpRequest<?> request,
                                                                        Authentication authentication,
                                                                        ExecutableMethod<?, ?> method) {
        return Publishers.just(SecurityRuleResult.REJECTED);
    }
}
