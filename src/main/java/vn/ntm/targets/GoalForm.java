package vn.ntm.targets;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import vn.ntm.shared.BusinessRuleException;

/**
 * A goal as entered (form, API, seed): the kind and the fields it uses, the target's
 * date, whether it is only reported so far, its source; {@code expectedVersion} is the
 * version read (none for a new goal).
 */
public record GoalForm(@Nullable String kind, @Nullable String label, @Nullable String titleCode,
		@Nullable String baseTitleCode, @Nullable Integer childLevel, @Nullable String classification,
		@Nullable BigDecimal targetCount, @Nullable BigDecimal targetShare, @Nullable Integer statedBase,
		@Nullable String setCode, @Nullable Integer minCriteria, @Nullable String registryKind,
		@Nullable String measure, @Nullable LocalDate dueOn, @Nullable Boolean reported, @Nullable String source,
		@Nullable String note, @Nullable Long subjectUnitId, @Nullable Integer expectedVersion) {

	/** A goal counting (or sharing) child units that hold a title. */
	public static GoalForm titleHolders(String label, String titleCode, @Nullable String baseTitleCode, int childLevel,
			@Nullable String classification, @Nullable Integer count, @Nullable String share,
			@Nullable Integer statedBase, LocalDate dueOn, boolean reported, @Nullable String source,
			@Nullable String note) {
		return new GoalForm("TITLE_HOLDERS", label, titleCode, baseTitleCode, childLevel, classification,
				count == null ? null : BigDecimal.valueOf(count), share == null ? null : new BigDecimal(share),
				statedBase, null, null, null, null, dueOn, reported, source, note, null, null);
	}

	public static GoalForm noChildBelow(String label, String setCode, int minCriteria, LocalDate dueOn,
			@Nullable String source, @Nullable String note) {
		return new GoalForm("NO_CHILD_BELOW", label, null, null, 3, null, null, null, null, setCode, minCriteria, null,
				null, dueOn, false, source, note, null, null);
	}

	public static GoalForm noDistrictWithout(String label, String titleCode, LocalDate dueOn, @Nullable String source,
			@Nullable String note) {
		return new GoalForm("NO_DISTRICT_WITHOUT", label, titleCode, null, 3, null, null, null, null, null, null, null,
				null, dueOn, false, source, note, null, null);
	}

	public static GoalForm registryTotal(String label, GoalRegistryKind kind, String total, String measure,
			LocalDate dueOn, @Nullable String source, @Nullable String note) {
		return new GoalForm("REGISTRY_TOTAL", label, null, null, null, null, new BigDecimal(total), null, null, null,
				null, kind.name(), measure, dueOn, false, source, note, null, null);
	}

	/**
	 * What the goal measures, each missing or invalid value refused naming its field
	 * (422), nothing saved.
	 */
	public GoalMeasure toMeasure() {
		String k = kind == null ? "" : kind.strip();
		return switch (k) {
			case "TITLE_HOLDERS" -> {
				String title = required(titleCode, "targets.goal.field.titleCode");
				int level = childLevel == null ? 3 : childLevel;
				if (level < 2 || level > 4) {
					throw invalid("targets.goal.field.childLevel");
				}
				if (targetCount == null && targetShare == null) {
					throw new BusinessRuleException("targets.goal.countOrShare");
				}
				if (targetCount != null && (targetCount.signum() < 0 || targetCount.stripTrailingZeros().scale() > 0)) {
					throw invalid("targets.goal.field.targetCount");
				}
				if (targetShare != null && (targetShare.signum() < 0 || targetShare.compareTo(HUNDRED) > 0)) {
					throw invalid("targets.goal.field.targetShare");
				}
				if (statedBase != null && statedBase <= 0) {
					throw invalid("targets.goal.field.statedBase");
				}
				String base = blank(baseTitleCode) ? null : baseTitleCode.strip();
				if (title.equals(base)) {
					throw invalid("targets.goal.field.baseTitleCode");
				}
				String cls = blank(classification) ? null : classification.strip();
				if (cls != null && !cls.matches("[A-Z0-9_]+=[A-Z0-9_]+")) {
					throw invalid("targets.goal.field.classification");
				}
				yield new GoalMeasure.TitleHolders(title, base, level, cls, targetCount, targetShare, statedBase);
			}
			case "NO_CHILD_BELOW" -> {
				String set = required(setCode, "targets.goal.field.setCode");
				if (minCriteria == null || minCriteria < 0 || minCriteria > 100) {
					throw invalid("targets.goal.field.minCriteria");
				}
				yield new GoalMeasure.NoChildBelow(set, minCriteria);
			}
			case "UNIT_TITLE" -> {
				if (subjectUnitId == null) {
					throw new BusinessRuleException("targets.goal.required", "targets.goal.field.subjectUnit");
				}
				yield new GoalMeasure.UnitTitle(subjectUnitId, required(titleCode, "targets.goal.field.titleCode"));
			}
			case "NO_DISTRICT_WITHOUT" ->
				new GoalMeasure.NoDistrictWithout(required(titleCode, "targets.goal.field.titleCode"));
			case "REGISTRY_TOTAL" -> {
				String code = required(registryKind, "targets.goal.field.registryKind");
				GoalRegistryKind registry;
				try {
					registry = GoalRegistryKind.valueOf(code);
				}
				catch (IllegalArgumentException ex) {
					throw invalid("targets.goal.field.registryKind");
				}
				if (targetCount == null) {
					throw new BusinessRuleException("targets.goal.required", "targets.goal.field.targetCount");
				}
				if (targetCount.signum() < 0) {
					throw invalid("targets.goal.field.targetCount");
				}
				String unit = blank(measure) ? registry.measure() : measure.strip();
				yield new GoalMeasure.RegistryTotal(registry, targetCount, unit);
			}
			default -> throw invalid("targets.goal.field.kind");
		};
	}

	/** The label, refused when blank. */
	public String requiredLabel() {
		return required(label, "targets.goal.field.label");
	}

	/** The due date, refused when missing. */
	public LocalDate requiredDueOn() {
		if (dueOn == null) {
			throw new BusinessRuleException("targets.goal.required", "targets.goal.field.dueOn");
		}
		if (dueOn.getYear() < 2010 || dueOn.getYear() > 2100) {
			throw invalid("targets.goal.field.dueOn");
		}
		return dueOn;
	}

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

	private static String required(@Nullable String text, String field) {
		if (text == null || text.isBlank()) {
			throw new BusinessRuleException("targets.goal.required", field);
		}
		return text.strip();
	}

	private static BusinessRuleException invalid(String field) {
		return new BusinessRuleException("targets.goal.invalid", field);
	}

	/** A goal that one named unit below the parent holds a title by the date. */
	public static GoalForm unitTitle(String label, long subjectUnitId, String titleCode, LocalDate dueOn,
			@Nullable String source, @Nullable String note) {
		return new GoalForm("UNIT_TITLE", label, titleCode, null, null, null, null, null, null, null, null, null, null,
				dueOn, false, source, note, subjectUnitId, null);
	}

	public GoalForm withVersion(@Nullable Integer version) {
		return new GoalForm(kind, label, titleCode, baseTitleCode, childLevel, classification, targetCount, targetShare,
				statedBase, setCode, minCriteria, registryKind, measure, dueOn, reported, source, note, subjectUnitId,
				version);
	}

}
