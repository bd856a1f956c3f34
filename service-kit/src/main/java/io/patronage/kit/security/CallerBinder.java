package io.patronage.kit.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Binds a controller method's {@link Caller} parameter from the request's verified token. */
@Singleton
class CallerBinder implements TypedRequestArgumentBinder<Caller> {

    private final String chainsClaim;

    CallerBinder(@Value("${patronage.security.chains-claim:chains}") String chainsClaim) {
        this.chainsClaim = chainsClaim;
    }

    @Override
    public Argument<Caller> argumentType() {
        return Argument.of(Caller.class);
    }

    @Override
    public BindingResult<Caller> bind(ArgumentConversionContext<Caller> context, HttpRequest<?> source) {
        Optional<Caller> caller = source.getUserPrincipal(Authentication.class)
                .map(authentication -> Caller.of(authentication, chainsClaim));
        return () -> caller;
    }
}
