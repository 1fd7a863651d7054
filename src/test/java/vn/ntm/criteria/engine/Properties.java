package vn.ntm.criteria.engine;

import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A tiny, seeded property harness: runs a property over generated cases and, when it
 * fails, says which seed and try produced the case and what the case was, so that the
 * failure can be replayed with {@link #replay}.
 * <p>
 * Each try gets its own {@link Random}, seeded from the property's seed and the try's
 * index only: a case does not depend on the cases before it, nor on how many tries run.
 */
final class Properties {

	private Properties() {
	}

	/**
	 * Checks {@code property} on {@code tries} cases made by {@code generator}.
	 * @throws AssertionError naming the seed, the try and the case when the property (or
	 * the generator) fails
	 */
	static <T> void forAll(long seed, int tries, Function<Random, T> generator, Consumer<T> property) {
		for (int index = 0; index < tries; index++) {
			check(seed, index, tries, generator, property);
		}
	}

	/** Runs the single try {@code index} (0-based) of {@code seed} again. */
	static <T> void replay(long seed, int index, Function<Random, T> generator, Consumer<T> property) {
		check(seed, index, index + 1, generator, property);
	}

	/** The random source of try {@code index} of {@code seed}. */
	static Random random(long seed, int index) {
		return new Random(mix(seed + 0x9E3779B97F4A7C15L * (index + 1L)));
	}

	private static <T> void check(long seed, int index, int tries, Function<Random, T> generator,
			Consumer<T> property) {
		T generated;
		try {
			generated = generator.apply(random(seed, index));
		}
		catch (RuntimeException | AssertionError ex) {
			throw new AssertionError("Generator failed at try " + (index + 1) + " of " + tries + " (seed " + seed
					+ "L, index " + index + "): " + ex, ex);
		}
		try {
			property.accept(generated);
		}
		catch (RuntimeException | AssertionError ex) {
			throw new AssertionError("Property failed at try " + (index + 1) + " of " + tries + " (seed " + seed
					+ "L, index " + index + "; replay with Properties.replay(" + seed + "L, " + index
					+ ", …))\n  case: " + generated + "\n  failure: " + ex.getMessage(), ex);
		}
	}

	/** SplitMix64's finaliser: spreads consecutive seeds over the whole range. */
	private static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

}
