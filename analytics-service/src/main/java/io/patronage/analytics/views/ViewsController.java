package io.patronage.analytics.views;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.patronage.analytics.periods.Period;
import io.patronage.analytics.periods.PeriodKind;
import io.patronage.analytics.streams.StreamsEngine;
import io.patronage.contracts.analytics.CohortView;
import io.patronage.contracts.analytics.DormantMember;
import io.patronage.contracts.chains.ChainConfigured;
import io.patronage.kit.chains.ChainDirectory;
import io.patronage.kit.http.Problem;
import io.patronage.kit.http.ProblemException;
import io.patronage.kit.security.Caller;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * {@code GET /analytics/{view}?chainId=&period=&from=&to=}: the views as they are published, read from this
 * state stores (interactive queries) of the instance that holds the chain, whichever instance is asked; as CSV with {@code Accept: text/csv} or {@code ?format=csv}.
 */
@Controller("/analytics")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces({MediaType.APPLICATION_JSON, "text/csv"})
class ViewsController {

    private static final long MAX_DORMANT = 1_000;
    private static final long DEFAULT_DORMANT = 100;

    private final StreamsEngine engine;
    private final ViewSettings settings;
    private final ChainViewReads reads;
    private final Clock clock;
    private final ChainCalendar calendar;

    ViewsController(StreamsEngine engine, ChainDirectory chains, ViewSettings settings, ChainViewReads reads,
                    Clock clock) {
        this.clock = clock;
        this.calendar = new ChainCalendar(chains);
        this.engine = engine;
        this.settings = settings;
        this.reads = reads;
    }

    /**
     * Without {@code period}, the all-time view as one object: a configured chain nothing was counted for yet gets
     * zeros computed now. With {@code period}, a list of the periods of that kind (from/to inclusive).
     */
    @Get("/participation")
    HttpResponse<?> participation(HttpRequest<?> request, Caller caller, @Nullable @QueryValue String chainId,
                                  @Nullable @QueryValue String period, @Nullable @QueryValue String from,
                                  @Nullable @QueryValue String to) {
        return read(request, caller, chainId, chain -> period == null
                ? ViewRenderer.participation(allTime(chainId), chain.currency(), false)
                : range(chainId, kind(period, PeriodKind.values()), from, to,
                        (stored, isFinal) -> ViewRenderer.participation(stored, chain.currency(), isFinal)));
    }

    /** Without {@code period}, the all-time view with the liability; with it, a list of that kind's periods. */
    @Get("/points")
    HttpResponse<?> points(HttpRequest<?> request, Caller caller, @Nullable @QueryValue String chainId,
                           @Nullable @QueryValue String period, @Nullable @QueryValue String from,
                           @Nullable @QueryValue String to) {
        return read(request, caller, chainId, chain -> period == null
                ? ViewRenderer.points(allTime(chainId), chain, expiring(chainId), false)
                : range(chainId, kind(period, PeriodKind.values()), from, to,
                        (stored, isFinal) -> ViewRenderer.points(stored, chain, null, isFinal)));
    }

    /** The chain's expiring points as of its today on the service clock; {@code null} when none are known. */
    private StoredExpiries.Expiring expiring(String chainId) {
        StoredExpiries stored = this.<StoredExpiries>store(ViewsTopology.EXPIRING).get(chainId);
        return stored == null ? null : stored.asOf(calendar.day(chainId, clock.instant()));
    }

    /** Survey scores and the net promoter score: without {@code period} all time, with it a list of its periods. */
    @Get("/satisfaction")
    HttpResponse<?> satisfaction(HttpRequest<?> request, Caller caller,
                                 @Nullable @QueryValue String chainId, @Nullable @QueryValue String period,
                                 @Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        return read(request, caller, chainId, chain -> period == null
                ? ViewRenderer.satisfaction(allTime(chainId), false)
                : range(chainId, kind(period, PeriodKind.values()), from, to, ViewRenderer::satisfaction));
    }

    @Get("/retention")
    HttpResponse<?> retention(HttpRequest<?> request, Caller caller, @Nullable @QueryValue String chainId,
                              @Nullable @QueryValue String period, @Nullable @QueryValue String from,
                              @Nullable @QueryValue String to) {
        return read(request, caller, chainId, chain -> range(chainId, retentionKind(period), from, to,
                (stored, isFinal) -> ViewRenderer.retention(stored, settings.windowDays(chainId), isFinal)));
    }

    @Get("/churn")
    HttpResponse<?> churn(HttpRequest<?> request, Caller caller, @Nullable @QueryValue String chainId,
                          @Nullable @QueryValue String period, @Nullable @QueryValue String from,
                          @Nullable @QueryValue String to) {
        return read(request, caller, chainId, chain -> range(chainId, retentionKind(period), from, to,
                (stored, isFinal) -> ViewRenderer.churn(stored, settings.windowDays(chainId), isFinal)));
    }

    /** The cohort table: one row per enrollment month, oldest first (in CSV, one line per cohort and month). */
    @Get("/cohorts")
    HttpResponse<?> cohorts(HttpRequest<?> request, Caller caller, @Nullable @QueryValue String chainId) {
        return read(request, caller, chainId, chain -> {
            List<CohortView> rows = new ArrayList<>();
            ReadOnlyKeyValueStore<String, StoredCohort> store = store(ViewsTopology.COHORTS);
            try (KeyValueIterator<String, StoredCohort> cohorts =
                         store.prefixScan(chainId + "|", Serdes.String().serializer())) {
                cohorts.forEachRemaining(entry -> rows.add(ViewRenderer.cohort(entry.value)));
            }
            if (!ViewAnswer.wantsCsv(request)) {
                return rows;
            }
            List<CohortCell> cells = new ArrayList<>();
            rows.forEach(row -> row.months().forEach(month -> cells.add(new CohortCell(row.chainId(), row.cohort(),
                    row.members(), month.monthsSinceEnrollment(), month.buyers(), month.share()))));
            return cells;
        });
    }

    /**
     * The chain's dormant list, in member id order: at most {@code limit} rows (default 100, at most 1,000) after
     * skipping {@code offset}; {@code daysDormant} counted to today on the service clock, in the chain's zone.
     */
    @Get("/dormant")
    HttpResponse<?> dormant(HttpRequest<?> request, Caller caller,
                            @Nullable @QueryValue String chainId, @Nullable @QueryValue String offset,
                            @Nullable @QueryValue String limit) {
        long skip = count("offset", offset, 0, Integer.MAX_VALUE, 0);
        long rows = count("limit", limit, 1, MAX_DORMANT, DEFAULT_DORMANT);
        return read(request, caller, chainId, chain -> {
            LocalDate today = calendar.day(chainId, clock.instant());
            List<DormantMember> members = new ArrayList<>();
            ReadOnlyKeyValueStore<String, DormantMember> store = store(ViewsTopology.DORMANT);
            try (KeyValueIterator<String, DormantMember> dormant =
                         store.prefixScan(chainId + "|", Serdes.String().serializer())) {
                dormant.forEachRemaining(entry -> members.add(entry.value));
            }
            return members.stream().skip(skip).limit(rows).map(member -> new DormantMember(member.chainId(),
                    member.memberId(), member.lastPurchaseAt(), member.since(), member.daysDormant()
                    + Math.max(0, ChronoUnit.DAYS.between(member.since(), today)))).toList();
        });
    }

    private static long count(String field, String value, long min, long max, long otherwise) {
        if (value == null) {
            return otherwise;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid(field, "must be a whole number from " + min + " to " + max);
    }

    private HttpResponse<?> read(HttpRequest<?> request, Caller caller, String chainId,
                                 Function<ChainConfigured, Object> local) {
        return reads.read(request, caller, chainId, ViewsTopology.TALLIES, local);
    }

    /** The all-time tally; zeros computed now for a chain nothing was counted for yet (no data is a valid answer). */
    private StoredTally allTime(String chainId) {
        StoredTally stored = tallies().get(StoredTally.storeKey(chainId, PeriodKind.ALL_TIME, Period.ALL_TIME.id()));
        return stored != null ? stored
                : ViewRenderer.empty(chainId, PeriodKind.ALL_TIME, Period.ALL_TIME.id(), clock.instant());
    }

    private static PeriodKind retentionKind(String period) {
        return kind(period == null ? "month" : period, ActivityPolicy.RETENTION_KINDS.toArray(PeriodKind[]::new));
    }

    /** A cell of the cohort table, as a CSV line. */
    record CohortCell(String chainId, String cohort, long members, int monthsSinceEnrollment, long buyers,
                      java.math.BigDecimal share) {
    }

    @Get("/{view}")
    Object unknown(@PathVariable String view) {
        throw new ProblemException(HttpStatus.NOT_FOUND, "unknown-view", "there is no view " + shown(view)
                + ": the views are participation, points, retention, churn, cohorts, satisfaction, dormant, customers, "
                + "baskets and coupons");
    }

    /** The views of the periods of that kind that have started on the service clock, from/to inclusive. */
    private List<Object> range(String chainId, PeriodKind kind, String from, String to,
                               BiFunction<StoredTally, Boolean, Object> render) {
        Instant now = clock.instant();
        String prefix = chainId + "|" + kind.label() + "|";
        String first = from == null ? null : kind.parse(checked("from", from, kind)).id();
        String last = to == null ? null : kind.parse(checked("to", to, kind)).id();
        List<Object> views = new ArrayList<>();
        try (KeyValueIterator<String, StoredTally> tallies = tallies().prefixScan(prefix, Serdes.String().serializer())) {
            while (tallies.hasNext()) {
                KeyValue<String, StoredTally> entry = tallies.next();
                String period = entry.value.period();
                Period counted = entry.value.asPeriod();
                if ((first == null || period.compareTo(first) >= 0) && (last == null || period.compareTo(last) <= 0)
                        && calendar.started(chainId, counted, now)) {
                    views.add(render.apply(entry.value, calendar.ended(chainId, counted, now)));
                }
            }
        }
        return views;
    }

    private static String checked(String field, String value, PeriodKind kind) {
        try {
            kind.parse(value);
            return value;
        } catch (IllegalArgumentException e) {
            throw invalid(field, shown(value) + " " + e.getMessage());
        }
    }

    private static PeriodKind kind(String label, PeriodKind... allowed) {
        PeriodKind kind = PeriodKind.ofLabel(label);
        if (kind == null || !List.of(allowed).contains(kind)) {
            List<String> labels = List.of(allowed).stream().map(PeriodKind::label).toList();
            throw invalid("period", "must be one of " + String.join(", ", labels));
        }
        return kind;
    }

    private ReadOnlyKeyValueStore<String, StoredTally> tallies() {
        return store(ViewsTopology.TALLIES);
    }

    /** @throws InvalidStateStoreException while the topology rebalances or restores: {@link #read} waits for it */
    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        return engine.store(name);
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-request", "the query parameter " + field + " "
                + message, List.of(new Problem.FieldError(field, message)));
    }

    private static String shown(String value) {
        return value.length() > 64 ? value.substring(0, 64) + "…" : value;
    }
}
