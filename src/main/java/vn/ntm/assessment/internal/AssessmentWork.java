package vn.ntm.assessment.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.assessment.AssessmentManagement;
import vn.ntm.assessment.AssessmentStatus;
import vn.ntm.assessment.AssessmentView;
import vn.ntm.assessment.AssessmentWorkflow;
import vn.ntm.assessment.WaitingAssessment;
import vn.ntm.criteria.CriteriaCatalog;
import vn.ntm.security.AccessPolicy;
import vn.ntm.security.UnitDirectory;
import vn.ntm.shared.work.UnitWorkSource;
import vn.ntm.shared.work.WorkItem;
import vn.ntm.shared.work.WorkItemSource;

/**
 * The assessments' part of the home page: what waits for the user (to correct, check,
 * review, approve — {@link AssessmentWorkflow#waitingForMe}, whose query reads only the
 * user's units) and, for each of the user's units, where this year's assessment stands
 * with the one action to take.
 */
@Component
@Transactional(readOnly = true)
class AssessmentWork implements WorkItemSource, UnitWorkSource {

	private final AssessmentWorkflow workflow;

	private final AssessmentManagement assessments;

	private final CriteriaCatalog catalog;

	private final AccessPolicy access;

	private final UnitDirectory directory;

	private final JdbcClient jdbc;

	AssessmentWork(AssessmentWorkflow workflow, AssessmentManagement assessments, CriteriaCatalog catalog,
			AccessPolicy access, UnitDirectory directory, JdbcClient jdbc) {
		this.workflow = workflow;
		this.assessments = assessments;
		this.catalog = catalog;
		this.access = access;
		this.directory = directory;
		this.jdbc = jdbc;
	}

	@Override
	public List<WorkItem> items() {
		if (access.currentIfAny().isEmpty()) {
			return List.of();
		}
		List<WorkItem> items = new ArrayList<>();
		for (WaitingAssessment w : workflow.waitingForMe()) {
			AssessmentView a = w.assessment();
			String link = switch (w.action()) {
				case EDIT -> "/assessments/" + a.id() + "/entry";
				case CHECK -> "/assessments/" + a.id() + "/workflow#check-" + first(w.criteria());
				default -> "/assessments/" + a.id() + "/workflow";
			};
			items.add(new WorkItem("work.kind.assessment." + w.action().name(), a.title(), w.criteria(), link, null,
					w.since()));
		}
		return items;
	}

	private static String first(@org.jspecify.annotations.Nullable String criteria) {
		int comma = criteria == null ? -1 : criteria.indexOf(',');
		return criteria == null ? "" : comma < 0 ? criteria.strip() : criteria.substring(0, comma).strip();
	}

	@Override
	public Map<Long, List<UnitWork>> lines(List<Unit> units, LocalDate today) {
		Map<Long, List<UnitWork>> lines = new LinkedHashMap<>();
		for (Unit unit : units) {
			if (!access.canRead(unit.id())) {
				continue;
			}
			int year = unit.year(today);
			List<UnitWork> mine = new ArrayList<>();
			List<AssessmentView> own = assessments.ofUnit(unit.id());
			if (unit.level() >= 3 || !own.isEmpty()) {
				mine.add(own(unit, year, own));
			}
			if (unit.level() <= 2) {
				below(unit, year).ifPresent(mine::add);
			}
			if (!mine.isEmpty()) {
				lines.put(unit.id(), mine);
			}
		}
		return lines;
	}

	/** The unit's own assessment of the year, or what to do without one. */
	private UnitWork own(Unit unit, int year, List<AssessmentView> own) {
		boolean canEnter = assessments.canEnter(unit.id());
		// this year's; else one still under way from an earlier year (work not done)
		Optional<AssessmentView> thisYear = own.stream()
			.filter(a -> a.year() == year)
			.max(Comparator.comparingLong(AssessmentView::id))
			.or(() -> own.stream()
				.filter(a -> !AssessmentStatus.APPROVED.name().equals(a.status()))
				.max(Comparator.comparingInt(AssessmentView::year).thenComparingLong(AssessmentView::id)));
		if (thisYear.isPresent()) {
			AssessmentView a = thisYear.get();
			AssessmentStatus status = AssessmentStatus.valueOf(a.status());
			List<Object> args = List.of(String.valueOf(a.year()), a.setLabel(),
					new DefaultMessageSourceResolvable(status.messageKey()));
			if (status.editable() && canEnter) {
				return new UnitWork(unit.id(), "work.unit.own", args, "work.unit.enter",
						"/assessments/" + a.id() + "/entry");
			}
			return new UnitWork(unit.id(), "work.unit.own", args, "work.unit.open",
					"/assessments/" + a.id() + "/workflow");
		}
		if (canEnter && unit.validTo() == null) {
			return new UnitWork(unit.id(), "work.unit.none", List.of(String.valueOf(year)), "work.unit.start",
					"/evaluations?unit=" + unit.id());
		}
		return new UnitWork(unit.id(), "work.unit.none", List.of(String.valueOf(year)),
				own.isEmpty() ? null : "work.unit.history", own.isEmpty() ? null : "/evaluations?unit=" + unit.id());
	}

	/**
	 * The units below: how many assessments of the latest year up to {@code year} are in
	 * each status, for the set most of them use — one query over the unit's sub-tree.
	 */
	private Optional<UnitWork> below(Unit unit, int year) {
		Set<Long> ids = directory.everBelow(List.of(unit.id()));
		ids.remove(unit.id());
		if (ids.isEmpty()) {
			return Optional.empty();
		}
		record Count(long setId, int year, AssessmentStatus status, int count) {
		}
		List<Count> counts = jdbc.sql("""
				with below as (select set_id, year, status from assessment where unit_id = any(:ids) and year <= :year)
				select set_id, year, status, count(*) as n from below
				where year = (select max(year) from below)
				group by set_id, year, status
				""")
			.param("ids", ids.toArray(Long[]::new))
			.param("year", year)
			.query((rs, n) -> new Count(rs.getLong("set_id"), rs.getInt("year"),
					AssessmentStatus.valueOf(rs.getString("status")), rs.getInt("n")))
			.list();
		if (counts.isEmpty()) {
			return Optional
				.of(new UnitWork(unit.id(), "work.unit.belowNone", List.of(String.valueOf(year)), null, null));
		}
		Map<Long, Integer> perSet = new LinkedHashMap<>();
		counts.forEach(c -> perSet.merge(c.setId(), c.count(), Integer::sum));
		long set = perSet.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
		int shownYear = counts.get(0).year();
		Map<AssessmentStatus, Integer> byStatus = new EnumMap<>(AssessmentStatus.class);
		counts.stream().filter(c -> c.setId() == set).forEach(c -> byStatus.merge(c.status(), c.count(), Integer::sum));
		int waiting = byStatus.getOrDefault(AssessmentStatus.SUBMITTED, 0)
				+ byStatus.getOrDefault(AssessmentStatus.REVIEWED, 0);
		return Optional.of(new UnitWork(unit.id(), "work.unit.below",
				List.of(String.valueOf(shownYear), catalog.summary(set).label(),
						byStatus.getOrDefault(AssessmentStatus.DRAFT, 0), waiting,
						byStatus.getOrDefault(AssessmentStatus.RETURNED, 0),
						byStatus.getOrDefault(AssessmentStatus.APPROVED, 0)),
				"work.unit.progress",
				"/units/" + unit.id() + "/assessments/progress?set=" + set + "&year=" + shownYear));
	}

}
