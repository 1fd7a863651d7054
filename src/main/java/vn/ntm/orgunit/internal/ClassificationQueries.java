package vn.ntm.orgunit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.orgunit.ClassificationScheme;
import vn.ntm.orgunit.ClassificationView;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.shared.RequestMemo;

/**
 * Classification schemes and the values units hold, own or inherited from an ancestor.
 */
@Component
@Transactional(readOnly = true)
class ClassificationQueries {

	private final JdbcClient jdbc;

	private final UnitQueries units;

	private final JsonMapper json;

	ClassificationQueries(JdbcClient jdbc, UnitQueries units, JsonMapper json) {
		this.jdbc = jdbc;
		this.units = units;
		this.json = json;
	}

	List<ClassificationScheme> schemes() {
		return RequestMemo.get("memo:classification.schemes", "", () -> {
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
		});
	}

	Optional<ClassificationScheme> scheme(String code) {
		return schemes().stream().filter(s -> s.code().equals(code)).findFirst();
	}

	/** Every value the unit itself holds, over all time. */
	List<ClassificationView> ownValues(long unitId) {
		return RequestMemo.get("memo:classification.ownValues", unitId, () -> {
			return jdbc.sql(SELECT + " where c.unit_id = :id order by s.sort_order, c.valid_from nulls first")
				.param("id", unitId)
				.query((rs, n) -> map(rs, null))
				.list();
		});
	}

	/**
	 * The values that apply at {@code at}: the unit's own, then for inherited schemes the
	 * nearest ancestor's.
	 */
	List<ClassificationView> effectiveAt(long unitId, LocalDate at) {
		return RequestMemo.get("memo:classification.effectiveAt", java.util.Arrays.asList(unitId, at), () -> {
			// nearest first: the unit, then its parent, up to the country
			List<UnitRef> ancestors = new ArrayList<>(units.ancestors(unitId, at));
			java.util.Collections.reverse(ancestors);
			List<Long> ids = new ArrayList<>();
			ids.add(unitId);
			ancestors.forEach(a -> ids.add(a.id()));
			// the values of all of them at once (it was a query per ancestor and per
			// value)
			Map<Long, List<ClassificationView>> byUnit = new HashMap<>();
			Set<String> inherited = new HashSet<>();
			Map<Long, UnitRef> ancestor = new HashMap<>();
			ancestors.forEach(a -> ancestor.put(a.id(), a));
			jdbc.sql(SELECT_INHERITED + " where c.unit_id = any(:ids) and " + UnitQueries.validAt("c")
					+ " order by s.sort_order")
				.param("ids", ids.toArray(Long[]::new))
				.param("at", at)
				.query((rs, n) -> {
					long holder = rs.getLong("unit_id");
					if (rs.getBoolean("inherited")) {
						inherited.add(rs.getString("scheme_code"));
					}
					byUnit.computeIfAbsent(holder, k -> new ArrayList<>())
						.add(map(rs, holder == unitId ? null : ancestor.get(holder)));
					return n;
				})
				.list();
			List<ClassificationView> result = new ArrayList<>(byUnit.getOrDefault(unitId, List.of()));
			List<String> covered = new ArrayList<>(result.stream().map(ClassificationView::schemeCode).toList());
			for (UnitRef up : ancestors) {
				for (ClassificationView value : byUnit.getOrDefault(up.id(), List.of())) {
					if (inherited.contains(value.schemeCode()) && !covered.contains(value.schemeCode())) {
						result.add(value);
					}
				}
				covered.addAll(result.stream().map(ClassificationView::schemeCode).toList());
			}
			return result;
		});
	}

	/**
	 * Values held at {@code at} by the root and (with {@code descendants}) every unit
	 * below it, for the given schemes: own values, and for inherited schemes the nearest
	 * ancestor's. Two queries, whatever the size of the tree.
	 */
	Map<Long, Map<String, Set<String>>> heldWithin(long rootId, Set<String> schemes, LocalDate at,
			boolean descendants) {
		Map<Long, Map<String, Set<String>>> held = new HashMap<>();
		if (schemes.isEmpty()) {
			held.put(rootId, new HashMap<>());
			return held;
		}
		Set<String> inherited = new HashSet<>(RequestMemo.get("memo:classification.inherited",
				new java.util.TreeSet<>(schemes),
				() -> jdbc.sql("select code from classification_scheme where inherited and code = any(:schemes)")
					.param("schemes", schemes.toArray(String[]::new))
					.query(String.class)
					.list()));
		Map<String, String> rootInherited = new HashMap<>();
		for (ClassificationView value : effectiveAt(rootId, at)) {
			if (inherited.contains(value.schemeCode()) && value.inheritedFrom() != null) {
				rootInherited.putIfAbsent(value.schemeCode(), value.valueCode());
			}
		}
		String tree = descendants ? """
				with recursive tree(id, inherited) as (
				  select cast(:root as bigint), cast(:rootInherited as jsonb)
				  union all
				  select v.unit_id, t.inherited || coalesce((
				      select jsonb_object_agg(c.scheme_code, c.value_code) from unit_classification c
				      where c.unit_id = v.unit_id and c.scheme_code = any(:inherited) and %s), '{}'::jsonb)
				  from tree t join unit_version v on v.parent_id = t.id and %s
				)
				select id, inherited from tree
				""".formatted(UnitQueries.validAt("c"), UnitQueries.validAt("v"))
				: "select cast(:root as bigint) as id, cast(:rootInherited as jsonb) as inherited";
		Map<Long, Map<String, Set<String>>> byUnit = new HashMap<>();
		if (!descendants) {
			// the root alone: its values at the date are known already, its own and
			// those it inherits (two statements fewer per evaluation of one unit)
			Map<String, Set<String>> values = new HashMap<>();
			rootInherited.forEach((scheme, value) -> {
				if (schemes.contains(scheme)) {
					values.computeIfAbsent(scheme, k -> new TreeSet<>()).add(value);
				}
			});
			for (ClassificationView value : effectiveAt(rootId, at)) {
				if (value.inheritedFrom() == null && schemes.contains(value.schemeCode())) {
					held.computeIfAbsent(rootId, k -> new HashMap<>())
						.computeIfAbsent(value.schemeCode(), k -> new TreeSet<>())
						.add(value.valueCode());
				}
			}
			byUnit.put(rootId, values);
		}
		else {
			jdbc.sql(tree)
				.param("root", rootId)
				.param("rootInherited", json.writeValueAsString(rootInherited))
				.param("inherited", inherited.toArray(String[]::new))
				.param("at", at)
				.query((rs, n) -> {
					Map<String, Set<String>> values = new HashMap<>();
					json.readValue(rs.getString(2), INHERITED).forEach((scheme, value) -> {
						if (schemes.contains(scheme)) {
							values.computeIfAbsent(scheme, k -> new TreeSet<>()).add(value);
						}
					});
					return byUnit.put(rs.getLong(1), values);
				})
				.list();
			jdbc.sql("select c.unit_id, c.scheme_code, c.value_code from unit_classification c"
					+ " where c.unit_id = any(:ids) and c.scheme_code = any(:schemes) and " + UnitQueries.validAt("c"))
				.param("ids", byUnit.keySet().toArray(Long[]::new))
				.param("schemes", schemes.toArray(String[]::new))
				.param("at", at)
				.query((rs, n) -> held.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
					.computeIfAbsent(rs.getString(2), k -> new TreeSet<>())
					.add(rs.getString(3)))
				.list();
		}
		// own values replace inherited ones of the same scheme
		held.forEach((unitId, own) -> byUnit.get(unitId).putAll(own));
		return byUnit;
	}

	private static final TypeReference<Map<String, String>> INHERITED = new TypeReference<>() {
	};

	private static final String SELECT = """
			select c.id, c.scheme_code, s.name as scheme_name, c.value_code, v.name as value_name,
			       c.valid_from, c.valid_to, c.source, c.note
			from unit_classification c
			join classification_scheme s on s.code = c.scheme_code
			join classification_value v on v.scheme_code = c.scheme_code and v.code = c.value_code
			""";

	private static final String SELECT_INHERITED = """
			select c.id, c.unit_id, c.scheme_code, s.name as scheme_name, s.inherited, c.value_code, v.name as value_name,
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
