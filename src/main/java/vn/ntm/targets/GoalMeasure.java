package vn.ntm.targets;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import vn.ntm.shared.VnFormat;

/**
 * What a goal measures — a small closed set of kinds, each with its own rules.
 */
public sealed interface GoalMeasure permits GoalMeasure.TitleHolders, GoalMeasure.NoChildBelow,
		GoalMeasure.NoDistrictWithout, GoalMeasure.RegistryTotal, GoalMeasure.UnitTitle {

	/** The kind's code as stored ({@code TITLE_HOLDERS}…). */
	String kind();

	GoalDirection direction();

	/**
	 * Child units holding a title by a date: a count, a share, or both.
	 *
	 * @param titleCode the title to hold, or several separated by commas (any of them
	 * counts: "HUYEN_NTM,THI_XA_TP_HTNV")
	 * @param baseTitleCode the base: {@code null} for all child units of the level, else
	 * those already holding this (lower) title
	 * @param childLevel 2 for districts, 3 for communes (xã), 4 for villages (thôn)
	 * @param classification a classification value the base is limited to, as
	 * {@code SCHEME=VALUE} ({@code DIA_BAN=MIEN_NUI}), or {@code null}
	 * @param count the count to reach, or {@code null}
	 * @param share the share (%) to reach, or {@code null}
	 * @param statedBase the base the document states ("193 xã"), or {@code null}
	 */
	record TitleHolders(String titleCode, @Nullable String baseTitleCode, int childLevel,
			@Nullable String classification, @Nullable BigDecimal count, @Nullable BigDecimal share,
			@Nullable Integer statedBase) implements GoalMeasure {

		@Override
		public String kind() {
			return "TITLE_HOLDERS";
		}

		@Override
		public GoalDirection direction() {
			return GoalDirection.AT_LEAST;
		}

		/**
		 * The units needed for a base of {@code base} units: the count, the share of the
		 * base rounded up (80 % of 193 is 154,4: 155 communes), or the larger of both.
		 */
		public BigDecimal required(int base) {
			BigDecimal required = count == null ? BigDecimal.ZERO : count;
			if (share != null) {
				BigDecimal byShare = share.multiply(BigDecimal.valueOf(base))
					.divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING);
				required = required.max(byShare);
			}
			return required;
		}

		/**
		 * Where the count and the share disagree for the base (the stated one, else
		 * {@code actualBase}): the count reaches the share only when count / base ≥ share
		 * — "≥ 154 of 193 (80 %)" is 79,79 %, 155 communes make 80 %. Also flags a stated
		 * base that differs from the units found.
		 */
		public List<GoalReason> flags(int actualBase) {
			List<GoalReason> flags = new ArrayList<>();
			int base = statedBase != null ? statedBase : actualBase;
			if (count != null && share != null && base > 0) {
				BigDecimal countShare = count.multiply(BigDecimal.valueOf(100))
					.divide(BigDecimal.valueOf(base), 2, RoundingMode.HALF_UP);
				BigDecimal byShare = share.multiply(BigDecimal.valueOf(base))
					.divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING);
				if (countShare.compareTo(share) != 0 && count.compareTo(byShare) != 0) {
					flags.add(GoalReason.of("targets.flag.countShare", VnFormat.number(count), VnFormat.number(base),
							VnFormat.fixed(countShare, 2), VnFormat.number(share), VnFormat.number(byShare)));
				}
			}
			if (statedBase != null && statedBase != actualBase) {
				flags.add(GoalReason.of("targets.flag.base", VnFormat.number(statedBase), VnFormat.number(actualBase)));
			}
			return flags;
		}

		/** The titles that count. */
		public List<String> titleCodes() {
			return java.util.Arrays.stream(titleCode.split(",")).map(String::strip).filter(c -> !c.isEmpty()).toList();
		}

		/** Whether a unit holding {@code held} counts. */
		public boolean heldBy(java.util.Set<String> held) {
			return titleCodes().stream().anyMatch(held::contains);
		}

		public Optional<String[]> classificationPair() {
			if (classification == null || !classification.contains("=")) {
				return Optional.empty();
			}
			return Optional.of(classification.split("=", 2));
		}

	}

	/**
	 * No child commune below {@code minCriteria} criteria of the set {@code setCode}, by
	 * the latest assessment results: the value is the number of communes below.
	 */
	record NoChildBelow(String setCode, int minCriteria) implements GoalMeasure {

		@Override
		public String kind() {
			return "NO_CHILD_BELOW";
		}

		@Override
		public GoalDirection direction() {
			return GoalDirection.AT_MOST;
		}

	}

	/**
	 * No district without a commune holding {@code titleCode}: the value is the number of
	 * districts (with communes) without one.
	 */
	record NoDistrictWithout(String titleCode) implements GoalMeasure {

		@Override
		public String kind() {
			return "NO_DISTRICT_WITHOUT";
		}

		@Override
		public GoalDirection direction() {
			return GoalDirection.AT_MOST;
		}

	}

	/**
	 * The registry entries of a kind (OCOP products, model villages, km of roads) of the
	 * unit and the units below it, dated by the date, reach {@code total}.
	 */
	record RegistryTotal(GoalRegistryKind registryKind, BigDecimal total, String measure) implements GoalMeasure {

		@Override
		public String kind() {
			return "REGISTRY_TOTAL";
		}

		@Override
		public GoalDirection direction() {
			return GoalDirection.AT_LEAST;
		}

	}

	/**
	 * One named unit below the parent holds a title by the date (a plan's target for a
	 * district: "Huyện Tiên Phước đạt chuẩn NTM năm 2024"): the value is 1 once it does.
	 */
	record UnitTitle(long subjectUnitId, String titleCode) implements GoalMeasure {

		@Override
		public String kind() {
			return "UNIT_TITLE";
		}

		@Override
		public GoalDirection direction() {
			return GoalDirection.AT_LEAST;
		}

	}

}
