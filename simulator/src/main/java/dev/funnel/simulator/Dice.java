package dev.funnel.simulator;

import java.util.List;
import java.util.Random;

/**
 * The one source of chance in a plan. Every draw goes through one seeded {@link Random} (whose
 * algorithm Java specifies), so the same seed drawn in the same order gives the same business.
 */
public final class Dice {

    private final Random random;

    public Dice(long seed) {
        this.random = new Random(seed);
    }

    /** Uniform in {@code [low, high)}. */
    public double between(double low, double high) {
        return low + random.nextDouble() * (high - low);
    }

    /** Uniform in {@code [low, high]}. */
    public int between(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    public boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    public <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** One of {@code values}, each as likely as its weight. */
    public <T> T pick(List<T> values, List<Double> weights) {
        double total = weights.stream().mapToDouble(Double::doubleValue).sum();
        double at = random.nextDouble() * total;
        for (int i = 0; i < values.size(); i++) {
            at -= weights.get(i);
            if (at < 0) {
                return values.get(i);
            }
        }
        return values.get(values.size() - 1);
    }

    /** A count of independent arrivals with the given mean, such as the leads of one day. */
    public int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 50) {
            // Knuth's product underflows for large means; the normal approximation is close there
            return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    /** Skewed to the right as deal sizes and company sizes are: half below the median, a long tail above. */
    public double logNormal(double median, double sigma) {
        return median * Math.exp(sigma * random.nextGaussian());
    }
}
