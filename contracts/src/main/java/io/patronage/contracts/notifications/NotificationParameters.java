package io.patronage.contracts.notifications;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values of one kind of notification, a record per kind. On the wire they are
 * {@link NotificationRequested#parameters()}, a JSON object of strings named as the record's fields (numbers as
 * plain decimals, instants in ISO-8601); a field that may be {@code null} is then left out. A required field that
 * is missing or unreadable is an error ({@link MissingParameterException}), never a blank in the message.
 */
public sealed interface NotificationParameters
        permits WelcomeParameters, PointsExpiringParameters, TierChangedParameters, CouponIssuedParameters,
        PunchCardCompletedParameters, BirthdayOfferParameters, WinBackOfferParameters {

    /** Every kind sent today, with its record. */
    List<Class<? extends NotificationParameters>> KINDS = List.of(WelcomeParameters.class,
            PointsExpiringParameters.class, TierChangedParameters.class, CouponIssuedParameters.class,
            PunchCardCompletedParameters.class, BirthdayOfferParameters.class, WinBackOfferParameters.class);

    String kind();

    /** The wire form: each non-null field as a string. */
    Map<String, String> toMap();

    /** The record for {@code kind} read from the wire; empty for a kind no record describes. */
    static Optional<NotificationParameters> read(String kind, Map<String, String> parameters) {
        Map<String, String> values = parameters == null ? Map.of() : parameters;
        return Optional.ofNullable(switch (kind == null ? "" : kind) {
            case WelcomeParameters.KIND -> WelcomeParameters.from(values);
            case PointsExpiringParameters.KIND -> PointsExpiringParameters.from(values);
            case TierChangedParameters.KIND -> TierChangedParameters.from(values);
            case CouponIssuedParameters.KIND -> CouponIssuedParameters.from(values);
            case PunchCardCompletedParameters.KIND -> PunchCardCompletedParameters.from(values);
            case BirthdayOfferParameters.KIND -> BirthdayOfferParameters.from(values);
            case WinBackOfferParameters.KIND -> WinBackOfferParameters.from(values);
            default -> null;
        });
    }

    /** A required parameter was missing or could not be read. */
    final class MissingParameterException extends IllegalArgumentException {
        private final String kind;
        private final String parameter;

        MissingParameterException(String kind, String parameter, String problem) {
            super(kind + " notification: parameter " + parameter + " " + problem);
            this.kind = kind;
            this.parameter = parameter;
        }

        public String kind() {
            return kind;
        }

        public String parameter() {
            return parameter;
        }
    }

    /** For the records' constructors: a required field must be there. */
    static void require(String kind, String parameter, Object value) {
        if (value == null) {
            throw new MissingParameterException(kind, parameter, "is missing");
        }
    }
}
