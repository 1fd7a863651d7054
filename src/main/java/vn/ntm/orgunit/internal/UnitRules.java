package vn.ntm.orgunit.internal;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.orgunit.UnitType;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.Period;
import vn.ntm.shared.VnFormat;

/**
 * Checks that need other units: the parent exists and is of a fitting type for the whole
 * new period, and official codes are not held by two units at the same time.
 */
@Component
class UnitRules {

	private final JdbcClient jdbc;

	private final UnitQueries queries;

	UnitRules(JdbcClient jdbc, UnitQueries queries) {
		this.jdbc = jdbc;
		this.queries = queries;
	}

	/**
	 * The parent must exist during the period (at its start when known) and its type must
	 * accept the child's.
	 */
	UnitRef checkParent(long parentId, UnitType childType, String childName, Period period) {
		UnitRef parent = parentDuring(parentId, period)
			.orElseThrow(() -> new BusinessRuleException("unit.parent.notValid", childType.fullName(childName),
					describeStart(period)));
		if (!childType.mayBeChildOf(parent.type())) {
			throw new BusinessRuleException("unit.parent.wrongType", childType.fullName(childName), parent.fullName());
		}
		return parent;
	}

	private java.util.Optional<UnitRef> parentDuring(long parentId, Period period) {
		if (period.from() != null) {
			return queries.versionAt(parentId, period.from());
		}
		// start unknown: the parent's earliest version that overlaps
		return queries.versions(parentId).stream().filter(v -> v.period().overlaps(period)).findFirst();
	}

	/**
	 * An official code (province, district, commune) is held by one unit at a time; a
	 * village code by one village of the same commune at a time.
	 */
	void checkCodeFree(@Nullable String code, UnitType type, @Nullable Long parentId, Period period,
			@Nullable Long unitId) {
		if (code == null) {
			return;
		}
		List<UnitRef> holders = jdbc.sql("""
				select * from unit_version v where v.code = :code and v.level = :level
				and (cast(:parent as bigint) is null or v.level < 4 or v.parent_id = :parent)
				and (cast(:unit as bigint) is null or v.unit_id <> :unit)
				""")
			.param("code", code)
			.param("level", type.level())
			.param("parent", parentId)
			.param("unit", unitId)
			.query(UnitQueries.REF)
			.list();
		for (UnitRef holder : holders) {
			if (holder.period().overlaps(period)) {
				throw new BusinessRuleException("unit.code.taken", code, holder.fullName(),
						AdminUnit.describe(holder.period()));
			}
		}
	}

	private static String describeStart(Period period) {
		return period.from() == null ? "không rõ" : VnFormat.date(period.from());
	}

	static void requireSameLevel(UnitType from, UnitType to) {
		if (from.level() != to.level()) {
			throw new BusinessRuleException("unit.type.levelChange", from.prefix(), to.prefix());
		}
	}

	static LocalDate dayBefore(LocalDate date) {
		return date.minusDays(1);
	}

}
