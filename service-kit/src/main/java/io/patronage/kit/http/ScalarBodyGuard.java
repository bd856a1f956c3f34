package io.patronage.kit.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * A bare string, number or boolean where a JSON object is expected ({@code true} as a whole request body, {@code 5}
 * for a nested object) is a 400 naming the field. Micronaut's bean-introspection instantiator creates an object from
 * any scalar without asking whether it has a one-argument constructor of that type, so its validation callback is
 * handed one argument for a constructor of many and fails with an internal error; this refuses such a scalar first,
 * as plain Jackson does, unless the type really has a constructor or delegate for it.
 */
@Singleton
class ScalarBodyGuard extends SimpleModule {

    ScalarBodyGuard() {
        super("patronage-scalar-body-guard");
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                return deserializer instanceof BeanDeserializerBase bean ? new Guarded(bean) : deserializer;
            }
        });
    }

    private static final class Guarded extends DelegatingDeserializer {

        Guarded(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Guarded(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (_delegatee instanceof BeanDeserializerBase bean && !creatable(bean.getValueInstantiator(), parser)) {
                return context.handleUnexpectedToken(bean.handledType(), parser);
            }
            return super.deserialize(parser, context);
        }

        private static boolean creatable(ValueInstantiator instantiator, JsonParser parser) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == null || !token.isScalarValue() || token == JsonToken.VALUE_NULL
                    || instantiator.canCreateUsingDelegate()) {
                return true;
            }
            return switch (token) {
                case VALUE_STRING -> instantiator.canCreateFromString();
                case VALUE_NUMBER_INT -> instantiator.canCreateFromInt() || instantiator.canCreateFromLong()
                        || instantiator.canCreateFromBigInteger();
                case VALUE_NUMBER_FLOAT -> instantiator.canCreateFromDouble() || instantiator.canCreateFromBigDecimal();
                case VALUE_TRUE, VALUE_FALSE -> instantiator.canCreateFromBoolean();
                default -> true;
            };
        }
    }
}
