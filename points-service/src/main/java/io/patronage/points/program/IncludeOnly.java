package io.patronage.points.program;

import java.util.List;

/**
 * The only lines that earn: those whose category is in {@code categories} or whose SKU is in {@code skus}.
 * Both empty (the default) lets every line earn. Exclusions (multipliers of 0) still remove lines listed here.
 */
public record IncludeOnly(List<String> categories, List<String> skus) {

    public static final IncludeOnly EVERYTHING = new IncludeOnly(null, null);

    public IncludeOnly {
        categories = categories == null ? List.of() : List.copyOf(categories);
        skus = skus == null ? List.of() : List.copyOf(skus);
        if (categories.stream().anyMatch(c -> c == null || c.isBlank())) {
            throw new IllegalArgumentException("includeOnly.categories must not contain empty entries");
        }
        if (skus.stream().anyMatch(s -> s == null || s.isBlank())) {
            throw new IllegalArgumentException("includeOnly.skus must not contain empty entries");
        }
    }

    public boolean includes(String category, String sku) {
        return categories.isEmpty() && skus.isEmpty() || categories.contains(category) || skus.contains(sku);
    }
}
