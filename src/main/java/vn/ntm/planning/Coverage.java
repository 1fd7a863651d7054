package vn.ntm.planning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Who answers for each criterion of a set in a plan (phân công phụ trách), and what is
 * wrong with it: criteria nobody leads, criteria led by more than one person, and
 * assignments to numbers the set does not have.
 *
 * @param setCode the criteria set, {@code null} when the plan names none
 */
public record Coverage(@Nullable String setCode, @Nullable String setName, List<Row> rows, List<String> unknown) {

	/** What is wrong with a criterion's assignment. */
	public enum Problem {

		NONE, NOBODY, SEVERAL

	}

	/** A criterion of the set and its leads (names as the plan writes them). */
	public record Row(String number, String name, List<String> leads, Problem problem) {
	}

	/** A criterion of the set. */
	public record Criterion(String number, String name) {
	}

	/** One assignment of the plan. */
	public record Assignment(String criterion, String person, @Nullable String position) {
	}

	/**
	 * The rule: every criterion of the set led by exactly one person; assignments to
	 * other numbers are listed as unknown.
	 */
	public static Coverage of(@Nullable String setCode, @Nullable String setName, List<Criterion> criteria,
			List<Assignment> assignments) {
		Map<String, Set<String>> leads = new LinkedHashMap<>();
		for (Assignment a : assignments) {
			leads.computeIfAbsent(a.criterion(), k -> new LinkedHashSet<>()).add(a.person());
		}
		List<Row> rows = new ArrayList<>();
		Set<String> known = new LinkedHashSet<>();
		for (Criterion c : criteria) {
			known.add(c.number());
			List<String> people = List.copyOf(leads.getOrDefault(c.number(), Set.of()));
			Problem problem = people.isEmpty() ? Problem.NOBODY : people.size() > 1 ? Problem.SEVERAL : Problem.NONE;
			rows.add(new Row(c.number(), c.name(), people, problem));
		}
		List<String> unknown = leads.keySet().stream().filter(n -> !known.contains(n)).toList();
		return new Coverage(setCode, setName, rows, unknown);
	}

	public List<Row> nobody() {
		return rows.stream().filter(r -> r.problem() == Problem.NOBODY).toList();
	}

	public List<Row> several() {
		return rows.stream().filter(r -> r.problem() == Problem.SEVERAL).toList();
	}

	public boolean hasProblems() {
		return !nobody().isEmpty() || !several().isEmpty() || !unknown.isEmpty();
	}

}
