package io.patronage.harness.workload;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What a chain sells. The bench's: a grocery-and-general-merchandise catalog, categories with their share of
 * basket lines and a log-normal shelf-price distribution (a long tail of expensive electronics), products within
 * a category by Zipf popularity. Or a given list of products, each as likely as the others.
 */
public final class Catalog {

    private record Category(String name, String prefix, double share, double medianEuro, double sigma,
                            boolean weighed, double[] fixedPrices) {
    }

    private static final List<Category> CATEGORIES = List.of(
            new Category("produce", "PRD", 0.17, 1.8, 0.6, true, null),
            new Category("dairy", "DAI", 0.14, 1.6, 0.5, false, null),
            new Category("bakery", "BAK", 0.10, 2.0, 0.5, false, null),
            new Category("beverages", "BEV", 0.12, 2.2, 0.7, false, null),
            new Category("meat", "MEA", 0.08, 7.5, 0.6, true, null),
            new Category("frozen", "FRZ", 0.07, 4.0, 0.6, false, null),
            new Category("household", "HOU", 0.08, 4.5, 0.8, false, null),
            new Category("personal-care", "PCA", 0.07, 5.0, 0.8, false, null),
            new Category("baby", "BAB", 0.03, 9.0, 0.7, false, null),
            new Category("apparel", "APP", 0.04, 25, 0.8, false, null),
            new Category("toys", "TOY", 0.03, 18, 0.9, false, null),
            new Category("electronics", "ELE", 0.02, 60, 1.3, false, null),
            new Category("gift-cards", "GFT", 0.02, 0, 0, false, new double[] {10, 25, 50, 100}),
            new Category("tobacco", "TOB", 0.03, 8, 0.3, false, null));

    private static final int PRODUCTS_PER_CATEGORY = 150;
    private static final double MAX_EURO_PRICE = 4_000;

    private final Weighted<Category> categories;
    private final Map<String, Weighted<Product>> productsByCategory = new HashMap<>();

    private Catalog(List<Product> products) {
        Category all = new Category("all", "", 1, 0, 0, false, null);
        this.categories = Weighted.of(List.of(all), Category::share);
        productsByCategory.put(all.name(), Weighted.of(products, product -> 1));
    }

    public static Catalog of(List<Product> products) {
        return new Catalog(products);
    }

    Catalog(SplittableRandom random) {
        this.categories = Weighted.of(CATEGORIES, Category::share);
        for (Category category : CATEGORIES) {
            List<Product> products = new ArrayList<>();
            for (int i = 0; i < PRODUCTS_PER_CATEGORY; i++) {
                products.add(new Product(String.format("%s-%05d", category.prefix(), i + 1), category.name(),
                        price(category, random), category.weighed()));
            }
            productsByCategory.put(category.name(), Weighted.zipf(products, 1.1));
        }
    }

    private static double price(Category category, SplittableRandom random) {
        if (category.fixedPrices() != null) {
            return category.fixedPrices()[random.nextInt(category.fixedPrices().length)];
        }
        double logNormal = Gaussian.logNormal(random, category.medianEuro(), category.sigma());
        return Math.min(Math.max(logNormal, 0.25), MAX_EURO_PRICE);
    }

    Product draw(SplittableRandom random) {
        return productsByCategory.get(categories.draw(random).name()).draw(random);
    }
}
