package io.patronage.kit.axon;

import io.micronaut.context.BeanContext;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;

import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;

/**
 * Lets Axon handlers (aggregates, sagas, event handlers) take Micronaut beans as extra parameters,
 * e.g. {@code @CommandHandler void handle(EarnPoints command, EarningRules rules)}. The first
 * parameter is always the message payload and is never resolved here.
 */
final class MicronautBeanParameterResolverFactory implements ParameterResolverFactory {

    private final BeanContext beans;

    MicronautBeanParameterResolverFactory(BeanContext beans) {
        this.beans = beans;
    }

    @Override
    public ParameterResolver<?> createInstance(Executable executable, Parameter[] parameters, int index) {
        Class<?> type = parameters[index].getType();
        if (index == 0 || type.getName().startsWith("java.") || !beans.containsBean(type)) {
            return null;
        }
        return new ParameterResolver<Object>() {
            @Override
            public Object resolveParameterValue(Message<?> message) {
                return beans.getBean(type);
            }

            @Override
            public boolean matches(Message<?> message) {
                return true;
            }
        };
    }
}
