package io.patronage.analytics.views;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.patronage.analytics.streams.StreamsEngine;
import io.patronage.contracts.analytics.BasketView;
import io.patronage.contracts.analytics.CustomerSummaryView;
import io.patronage.contracts.analytics.CustomerValueView;
import io.patronage.contracts.chains.ChainConfigured;
import io.patronage.kit.http.Problem;
import io.patronage.kit.http.ProblemException;
import io.patronage.kit.security.Caller;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The customer-value, basket and coupon views over HTTP, read from the stores of the instance holding the chain's partition
 * of the stage (forwarded there when it is another one), for an analyst or ops of the chain.
 */
@Controller("/analytics")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces({MediaType.APPLICATION_JSON, "text/csv"})
class ValueViewsController {

    static final int MAX_PAGE_SIZE = 500;

    private final StreamsEngine engine;
    private final ValueSettings values;
    private final ChainViewReads reads;

    ValueViewsController(StreamsEngine engine, ValueSettings values, ChainViewReads reads) {
        this.engine = engine;
        this.values = values;
        this.reads = reads;
    }

    /** The chain's customer value, CLV and best and worst customers; zeros for a chain nobody bought at yet. */
    @Get("/customers")
    HttpResponse<?> customers(HttpRequest<?> request, Caller caller,
                              @Nullable @QueryValue String chainId) {
        return read(request, caller, chainId, CustomerStage.SUMMARIES, chain -> {
            CustomerSummaryView summary = engine.<CustomerSummaryView>store(CustomerStage.SUMMARIES).get(chainId);
            return summary != null ? summary : new CustomerSummaryView(chainId, chain.currency(), 0, 0,
                    java.math.BigDecimal.ZERO, null, 0, null, values.lifetimeYears(chainId), null, List.of(),
                    List.of(), null);
        });
    }

    /** One page of the chain's member rows, by member id; {@code page} from 0, {@code size} 1–500 (default 100). */
    @Get("/customers/members")
    HttpResponse<?> members(HttpRequest<?> request, Caller caller,
                            @Nullable @QueryValue String chainId, @Nullable @QueryValue String page,
                            @Nullable @QueryValue String size) {
        int pageNumber = number("page", page, 0, 0, Integer.MAX_VALUE);
        int pageSize = number("size", size, 100, 1, MAX_PAGE_SIZE);
        return read(request, caller, chainId, CustomerStage.CUSTOMERS, chain -> {
            List<CustomerValueView> rows = new ArrayList<>();
            long skip = (long) pageNumber * pageSize;
            ReadOnlyKeyValueStore<String, StoredCustomer> store = engine.store(CustomerStage.CUSTOMERS);
            try (KeyValueIterator<String, StoredCustomer> scan =
                         store.prefixScan(chainId + "|", Serdes.String().serializer())) {
                while (scan.hasNext() && rows.size() < pageSize) {
                    CustomerValueView row = scan.next().value.published();
                    if (row != null && skip-- <= 0) {
                        rows.add(row);
                    }
                }
            }
            return rows;
        });
    }

    /** The top pairs of products and of categories ({@code level=sku|category} for one of them). */
    @Get("/baskets")
    HttpResponse<?> baskets(HttpRequest<?> request, Caller caller,
                            @Nullable @QueryValue String chainId, @Nullable @QueryValue String level) {
        if (level != null && !BasketStage.LEVELS.contains(level)) {
            throw invalid("level", "must be one of " + String.join(", ", BasketStage.LEVELS));
        }
        return read(request, caller, chainId, BasketStage.VIEWS, chain -> {
            ReadOnlyKeyValueStore<String, BasketView> store = engine.store(BasketStage.VIEWS);
            List<BasketView> views = new ArrayList<>();
            for (String each : level == null ? BasketStage.LEVELS : List.of(level)) {
                BasketView view = store.get(BasketStage.viewKey(chainId, each));
                if (view != null) {
                    views.add(view);
                }
            }
            if (!ViewAnswer.wantsCsv(request)) {
                return views;
            }
            List<BasketRow> rows = new ArrayList<>();
            views.forEach(view -> view.pairs().forEach(pair -> rows.add(new BasketRow(view.chainId(), view.level(),
                    view.transactions(), pair.a(), pair.b(), pair.together(), pair.support(), pair.confidenceAB(),
                    pair.confidenceBA(), pair.lift()))));
            return rows;
        });
    }

    /** A pair of a basket view, as a CSV line. */
    record BasketRow(String chainId, String level, long transactions, String a, String b, long together,
                     java.math.BigDecimal support, java.math.BigDecimal confidenceAB,
                     java.math.BigDecimal confidenceBA, java.math.BigDecimal lift) {
    }

    /** The chain's coupon effectiveness, all time; zeros before its first coupon or purchase. */
    @Get("/coupons")
    HttpResponse<?> coupons(HttpRequest<?> request, Caller caller,
                            @Nullable @QueryValue String chainId) {
        return read(request, caller, chainId, CouponStage.TOTALS, chain -> {
            CouponStage.CouponTotals totals = engine.<CouponStage.CouponTotals>store(CouponStage.TOTALS).get(chainId);
            return CouponStage.view(chainId, chain.currency(), totals != null ? totals : CouponStage.CouponTotals.ZERO);
        });
    }

    private HttpResponse<?> read(HttpRequest<?> request, Caller caller, String chainId, String store,
                                 Function<ChainConfigured, Object> local) {
        return reads.read(request, caller, chainId, store, local);
    }

    private static int number(String field, String value, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid(field, "must be a whole number from " + min + " to " + max);
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-request", "the query parameter " + field + " "
                + message, List.of(new Problem.FieldError(field, message)));
    }
}
