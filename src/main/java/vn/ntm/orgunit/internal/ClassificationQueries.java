package vn.ntm.orgunit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.orgunit.ClassificationScheme;
import vn.ntm.orgunit.ClassificationView;
import vn.ntm.orgunit.UnitRef;

/**
 * Classification schemes and the values units hold, own or inherited from an ancestor.
 */
@Component
@Transactional(readOnly = true)
class ClassificationQueries {

	private final JdbcClient jdbc;

	private final UnitQueries units;

	ClassificationQueries(JdbcClient jdbc, UnitQueries units) {
		this.jdbc = jdbc;
		this.units = units;
	}

	List<ClassificationScheme> schemes() {
		Map<String, List<ClassificationScheme.Value>> values = new LinkedHashMap<>();
		jdbc.sql("select scheme_code, code, name from classification_value order by scheme_code, sort_order, code")
			.query((rs, n) -> values.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
				.add(new ClassificationScheme.Value(rs.getString(2), rs.getString(3))))
			.list();
		return jdbc.sql("""
				select code, name, coalesce(description, '') as description, multi_valued, inherited, builtin
				from classification_scheme where retired_at is null order by sort_order, code
				""")
			.query((rs, n) -> new ClassificationScheme(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getBoolean(4), rs.getBoolean(5), rs.getBoolean(6),
					values.getOrDefault(rs.getString(1), List.of())))
			.list();
	}

	Optional<ClassificationScheme> scheme(String code) {
		return schemes().stream().filter(s -> s.code().equals(code)).findFirst();
	}

	/** Every value the unit itself holds, over all time. */
	List<ClassificationView> ownValues(long unitId) {
		return jdbc.sql(SELECT + " where c.unit_id = :id order by s.sort_order, c.valid_from nulls first")
			.param("id", unitId)
			.query((rs, n) -> map(rs, null))
			.list();
	}

	/**
	 * The values that apply at {@code at}: the unit's own, then for inherited schemes the
	 * nearest ancestor's.
	 */
	List<ClassificationView> effectiveAt(long unitId, LocalDate at) {
		List<ClassificationView> result = new ArrayList<>(valuesAt(unitId, at, null));
		List<String> covered = new ArrayList<>(result.stream().map(ClassificationView::schemeCode).toList());
		List<UnitRef> ancestors = new ArrayList<>(units.ancestors(unitId, at));
		java.util.Collections.reverse(ancestors);
		for (UnitRef ancestor : ancestors) {
			for (ClassificationView value : valuesAt(ancestor.id(), at, ancestor)) {
				if (isInherited(value.schemeCode()) && !covered.contains(value.schemeCode())) {
					result.add(value);
				}
			}
			covered.addAll(result.stream().map(ClassificationView::schemeCode).toList());
		}
		return result;
	}

	private boolean isInherited(String schemeCode) {
		return jdbc.sql("select inherited from classification_scheme where code = :code")
			.param("code", schemeCode)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	private List<ClassificationView> valuesAt(long unitId, LocalDate at, @Nullable UnitRef inheritedFrom) {
		return jdbc.sql(SELECT + " where c.unit_id = :id and " + UnitQueries.validAt("c") + " order by s.sort_order")
			.param("id", unitId)
			.param("at", at)
			.query((rs, n) -> map(rs, inheritedFrom))
			.list();
	}

	private static final String SELECT = """
			select c.id, c.scheme_code, s.name as scheme_name, c.value_code, v.name as value_name,
			       c.valid_from, c.valid_to, c.source, c.note
			from unit_classification c
			join classification_scheme s on s.code = c.scheme_code
			join classification_value v on v.scheme_code = c.scheme_code and v.code = c.value_code
			""";

	private static ClassificationView map(ResultSet rs, @Nullable UnitRef inheritedFrom) throws SQLException {
		return new ClassificationView(rs.getLong("id"), rs.getString("scheme_code"), rs.getString("scheme_name"),
				rs.getString("value_code"), rs.getString("value_name"), rs.getObject("valid_from", LocalDate.class),
				rs.getObject("valid_to", LocalDate.class), rs.getString("source"), rs.getString("note"), inheritedFrom);
	}

}
