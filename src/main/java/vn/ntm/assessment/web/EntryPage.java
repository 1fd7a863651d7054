package vn.ntm.assessment.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import vn.ntm.assessment.ValueInput;
import vn.ntm.criteria.engine.CriterionDef;
import vn.ntm.criteria.engine.CriterionKind;
import vn.ntm.criteria.engine.CriterionResult;
import vn.ntm.criteria.engine.Evaluation;
import vn.ntm.criteria.engine.IndicatorDef;
import vn.ntm.criteria.engine.IndicatorResult;
import vn.ntm.criteria.engine.IndicatorSource;
import vn.ntm.criteria.engine.Requirement;
import vn.ntm.criteria.engine.SetDefinition;
import vn.ntm.criteria.engine.ValueType;
import vn.ntm.shared.LocalizedMessages;
import vn.ntm.shared.Problem;

/**
 * What the fast entry page shows: every criterion of the set with all its indicators
 * (entered ones as inputs by kind, derived ones computed), the bar each indicator has to
 * reach for this unit, last year's value beside it, and the live verdict.
 */
public final class EntryPage {

	private EntryPage() {
	}

	/** A criterion with its indicators. */
	public record Section(String number, @Nullable String name, boolean condition, boolean critical, String domId,
			List<Item> items) {
	}

	/**
	 * An indicator: which inputs it offers (a yes/no — Đạt/Không đạt when {@code judged}
	 * —, a number, a count over a count, an answer) or none when derived; the bar for
	 * this unit; the previous year's fields.
	 */
	public record Item(String code, @Nullable String name, String type, @Nullable String unit, boolean entered,
			boolean input, boolean flag, boolean judged, boolean number, boolean fraction, List<String> choices,
			String domId, @Nullable String bar, @Nullable String printed, Map<String, String> previous) {

		/** Whether there is anything from the previous year to carry over. */
		public boolean hasPrevious() {
			return !previous.isEmpty();
		}

		public String previousValue(String prefix) {
			return previous.getOrDefault(prefix + code, "");
		}

	}

	/** The sections of the page in the set's order. */
	static List<Section> sections(SetDefinition set, Evaluation evaluation, EvaluationDisplay display,
			Map<String, ValueInput> previous) {
		Map<String, IndicatorResult> results = indicatorResults(evaluation);
		List<Section> sections = new ArrayList<>();
		for (CriterionDef criterion : set.active()) {
			List<Item> items = new ArrayList<>();
			for (IndicatorDef indicator : criterion.indicators()) {
				items.add(item(indicator, results.get(indicator.code()), display, previous.get(indicator.code())));
			}
			sections.add(new Section(criterion.number(), criterion.name(), criterion.kind() == CriterionKind.CONDITION,
					criterion.critical(), domId(criterion.number()), items));
		}
		return sections;
	}

	private static Item item(IndicatorDef indicator, @Nullable IndicatorResult result, EvaluationDisplay display,
			@Nullable ValueInput previous) {
		boolean judged = indicator.requirements().values().stream().anyMatch(r -> r instanceof Requirement.Described);
		ValueType type = indicator.type();
		boolean entered = indicator.source() instanceof IndicatorSource.Entered;
		String bar = result == null || result.requirement() == null ? null : display.requirement(result);
		String printed = result == null || result.requirement() == null ? null : result.requirement().printed();
		Map<String, String> before = previous == null || !entered ? Map.of()
				: new HashMap<>(EntryForm.fields(indicator.code(), previous));
		before.keySet().removeIf(k -> k.startsWith(EntryForm.NOTE) || k.startsWith(EntryForm.SOURCE));
		return new Item(indicator.code(), indicator.name(), type.name(), indicator.unit(), entered, indicator.input(),
				type == ValueType.BOOLEAN || judged, judged, type.numeric(), type == ValueType.PERCENT,
				indicator.choices(), domId(indicator.code()), bar, printed, before);
	}

	static Map<String, IndicatorResult> indicatorResults(Evaluation evaluation) {
		Map<String, IndicatorResult> results = new LinkedHashMap<>();
		for (CriterionResult criterion : criteria(evaluation)) {
			criterion.indicators().forEach(i -> results.put(i.code(), i));
		}
		return results;
	}

	static List<CriterionResult> criteria(Evaluation evaluation) {
		List<CriterionResult> all = new ArrayList<>(evaluation.criteria());
		all.addAll(evaluation.conditions());
		return all;
	}

	/** A field where what was typed differs from what someone else saved meanwhile. */
	public record Difference(String field, String saved, String typed) {
	}

	/**
	 * Where the refused form differs from what is stored now: the stated count, each
	 * criterion's result and each entered value ("3.1: 1.276/1.413 → 1.000/1.413").
	 */
	static List<Difference> differences(SetDefinition set, EntryForm typed, EntryForm saved) {
		List<Difference> differences = new ArrayList<>();
		add(differences, "statedMetCount", saved.statedMetCount(), typed.statedMetCount());
		for (CriterionDef criterion : set.active()) {
			add(differences, "c." + criterion.number(), saved.claim(criterion.number()),
					typed.claim(criterion.number()));
			for (IndicatorDef indicator : EntryForm.entered(criterion)) {
				add(differences, indicator.code(), text(saved, indicator.code()), text(typed, indicator.code()));
			}
		}
		return differences;
	}

	private static void add(List<Difference> differences, String field, String saved, String typed) {
		if (!saved.equals(typed)) {
			differences.add(new Difference(field, saved, typed));
		}
	}

	/** A value of the form as one text: "1.276/1.413", "87,5", "true", "Tốt". */
	private static String text(EntryForm form, String code) {
		String fraction = form.numerator(code).isEmpty() && form.denominator(code).isEmpty() ? ""
				: form.numerator(code) + "/" + form.denominator(code);
		return String.join(" ",
				List.of(form.number(code), fraction, form.flag(code), form.choice(code),
						form.verdict(code).isEmpty() ? "" : "j:" + form.verdict(code))
					.stream()
					.filter(t -> !t.isEmpty())
					.toList());
	}

	/**
	 * A code as an element id that CSS selectors (and so htmx) accept: "3.1" → "3-1",
	 * "14.a" → "14-a".
	 */
	static String domId(String code) {
		return code.replaceAll("[^A-Za-z0-9_-]", "-");
	}

	/**
	 * The problems of a form beside the fields they are in: by indicator code, or
	 * {@code statedMetCount}; problems without a field under {@code ""}.
	 */
	static Map<String, String> fieldErrors(List<Problem> problems, MessageSource messages, Locale locale) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (Problem problem : problems) {
			String field = problem.where()
				.stream()
				.map(place -> place.key().equals("where.indicator") ? place.value()
						: place.key().equals("assessment.field.statedMetCount") ? "statedMetCount" : null)
				.filter(f -> f != null)
				.findFirst()
				.orElse("");
			String text = LocalizedMessages.get(messages, problem.key(), problem.args().toArray(), locale);
			errors.merge(field, text, (a, b) -> a + " " + b);
		}
		return errors;
	}

}
