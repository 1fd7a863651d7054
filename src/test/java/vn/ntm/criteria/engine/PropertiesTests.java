package vn.ntm.criteria.engine;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The property harness itself: failures name the seed, the try and the case, and cases
 * are reproducible.
 */
class PropertiesTests {

	@Test
	void failureNamesTheSeedTheTryAndTheCase() {
		assertThatThrownBy(() -> Properties.forAll(42L, 1_000, random -> "n=" + random.nextInt(100),
				n -> assertThat(n).isNotEqualTo("n=99")))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("seed 42L")
			.hasMessageContaining("Property failed at try ")
			.hasMessageContaining("case: n=99")
			.hasCauseInstanceOf(AssertionError.class);
	}

	@Test
	void generatorFailuresAreReportedToo() {
		assertThatThrownBy(() -> Properties.forAll(7L, 3, random -> {
			throw new IllegalStateException("boom");
		}, x -> {
		})).isInstanceOf(AssertionError.class).hasMessageContaining("Generator failed at try 1 of 3 (seed 7L");
	}

	@Test
	void casesDependOnlyOnTheSeedAndTheirIndex() {
		List<Integer> ten = new ArrayList<>();
		List<Integer> hundred = new ArrayList<>();
		Properties.forAll(5L, 10, random -> random.nextInt(), ten::add);
		Properties.forAll(5L, 100, random -> random.nextInt(), hundred::add);
		assertThat(hundred.subList(0, 10)).isEqualTo(ten);
		List<Integer> replayed = new ArrayList<>();
		Properties.replay(5L, 57, random -> random.nextInt(), replayed::add);
		assertThat(replayed).containsExactly(hundred.get(57));
		assertThat(hundred).doesNotHaveDuplicates();
	}

}
