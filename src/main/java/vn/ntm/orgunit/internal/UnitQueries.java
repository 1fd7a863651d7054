package vn.ntm.orgunit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.orgunit.UnitType;
import vn.ntm.security.UnitScope;
import vn.ntm.shared.RequestMemo;
import vn.ntm.shared.VnText;

/**
 * Read-side queries over the unit tables: versions as of a date, children, ancestors and
 * descendants (recursive over the versions valid at that date), scope walks and searches.
 * Plain SQL, all parameters bound.
 */
@Component
@Transactional(readOnly = true)
class UnitQueries {

	/** A version is valid at :at (null ends are open). */
	static final String VALID_AT = "(%1$s.valid_from is null or %1$s.valid_from <= :at) and (%1$s.valid_to is null or %1$s.valid_to >= :at)";

	static final String ORDER = " order by %1$s.level, %1$s.name collate vi_natural, %1$s.unit_type";

	static final RowMapper<UnitRef> REF = UnitQueries::ref;

	private final JdbcClient jdbc;

	UnitQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static String validAt(String alias) {
		return VALID_AT.formatted(alias);
	}

	static UnitRef ref(ResultSet rs, int row) throws SQLException {
		long parent = rs.getLong("parent_id");
		Long parentId = rs.wasNull() ? null : parent;
		return new UnitRef(rs.getLong("unit_id"), rs.getString("code"), rs.getString("name"),
				UnitType.valueOf(rs.getString("unit_type")), parentId, rs.getObject("valid_from", LocalDate.class),
				rs.getObject("valid_to", LocalDate.class));
	}

	Optional<UnitRef> versionAt(long unitId, LocalDate at) {
		return RequestMemo.get("memo:unit.versionAt", java.util.Arrays.asList(unitId, at), () -> {
			return jdbc.sql("select * from unit_version v where v.unit_id = :id and " + validAt("v"))
				.param("id", unitId)
				.param("at", at)
				.query(REF)
				.optional();
		});
	}

	Optional<UnitRef> latest(long unitId) {
		return RequestMemo.get("memo:unit.latest", unitId, () -> {
			return jdbc.sql("""
					select * from unit_version v where v.unit_id = :id
					order by v.valid_from desc nulls last limit 1
					""").param("id", unitId).query(REF).optional();
		});
	}

	List<UnitRef> versions(long unitId) {
		return RequestMemo.get("memo:unit.versions", unitId, () -> {
			return jdbc.sql("select * from unit_version v where v.unit_id = :id order by v.valid_from nulls first")
				.param("id", unitId)
				.query(REF)
				.list();
		});
	}

	/** What a unit's row says of its last change: its version, who, when. */
	record Stamp(int rowVersion, @Nullable String updatedBy, java.time.@Nullable Instant updatedAt) {
	}

	Optional<Stamp> stamp(long unitId) {
		return RequestMemo.get("memo:unit.stamp", unitId,
				() -> jdbc.sql("select row_version, updated_by, updated_at from unit where id = :id")
					.param("id", unitId)
					.query((rs, n) -> new Stamp(rs.getInt(1), rs.getString(2),
							rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
					.optional());
	}

	boolean exists(long unitId) {
		return RequestMemo.get("memo:unit.exists", unitId, () -> {
			return jdbc.sql("select exists(select 1 from unit where id = :id)")
				.param("id", unitId)
				.query(Boolean.class)
				.single();
		});
	}

	List<UnitRef> children(long unitId, LocalDate at) {
		return RequestMemo.get("memo:unit.children", java.util.Arrays.asList(unitId, at), () -> {
			return jdbc
				.sql("select * from unit_version v where v.parent_id = :id and " + validAt("v") + ORDER.formatted("v"))
				.param("id", unitId)
				.param("at", at)
				.query(REF)
				.list();
		});
	}

	/**
	 * Child versions under the unit that begin after {@code date} (recorded ahead of
	 * time); a unit ending on that date would leave them without a parent.
	 */
	List<UnitRef> childrenStartingAfter(long unitId, LocalDate date) {
		return jdbc
			.sql("select * from unit_version v where v.parent_id = :id and v.valid_from > :at order by v.valid_from")
			.param("id", unitId)
			.param("at", date)
			.query(REF)
			.list();
	}

	/**
	 * Child versions under the unit that begin before {@code date} or at an unknown date.
	 */
	List<UnitRef> childrenStartingBefore(long unitId, LocalDate date) {
		return jdbc
			.sql("select * from unit_version v where v.parent_id = :id and (v.valid_from is null or v.valid_from < :at)"
					+ " order by v.valid_from nulls first")
			.param("id", unitId)
			.param("at", date)
			.query(REF)
			.list();
	}

	/** Whether a lineage event (a merge, a split) started the unit. */
	boolean startedByEvent(long unitId) {
		return jdbc.sql("select exists(select 1 from lineage_link where unit_id = :id and role = 'STARTED')")
			.param("id", unitId)
			.query(Boolean.class)
			.single();
	}

	/** Children at a date, counted by unit. */
	Map<Long, Integer> childCounts(Collection<Long> unitIds, LocalDate at) {
		Map<Long, Integer> counts = new LinkedHashMap<>();
		if (unitIds.isEmpty()) {
			return counts;
		}
		jdbc.sql("select v.parent_id, count(*) as n from unit_version v where v.parent_id in (:ids) and " + validAt("v")
				+ " group by v.parent_id")
			.param("ids", unitIds)
			.param("at", at)
			.query((rs, row) -> counts.put(rs.getLong(1), rs.getInt(2)))
			.list();
		return counts;
	}

	/** From the country down to the parent of the unit, as of {@code at}. */
	List<UnitRef> ancestors(long unitId, LocalDate at) {
		return RequestMemo.get("memo:unit.ancestors", java.util.Arrays.asList(unitId, at), () -> {
			List<UnitRef> up = jdbc.sql("""
					with recursive up as (
					    select v.*, 0 as depth from unit_version v where v.unit_id = :id and %s
					    union all
					    select p.*, up.depth + 1 from unit_version p join up on p.unit_id = up.parent_id
					    where %s and up.depth < 8
					)
					select * from up where depth > 0 order by depth desc
					""".formatted(validAt("v"), validAt("p"))).param("id", unitId).param("at", at).query(REF).list();
			return up;
		});
	}

	/**
	 * Everything below the root as of {@code at}, {@code maxDepth} levels deep, with
	 * depth.
	 */
	List<Positioned> descendants(long rootId, LocalDate at, int maxDepth) {
		return jdbc.sql("""
				with recursive tree as (
				    select v.*, 1 as depth from unit_version v where v.parent_id = :root and %s
				    union all
				    select c.*, t.depth + 1 from unit_version c join tree t on c.parent_id = t.unit_id
				    where %s and t.depth < :maxDepth
				)
				select * from tree t %s
				""".formatted(validAt("v"), validAt("c"), ORDER.formatted("t")))
			.param("root", rootId)
			.param("at", at)
			.param("maxDepth", maxDepth)
			.query((rs, row) -> new Positioned(ref(rs, row), rs.getInt("depth")))
			.list();
	}

	/**
	 * Whether the unit is one of the roots or lies below one of them at any time,
	 * following parents of every version and successors of ended units.
	 */
	/**
	 * The roots and every unit that was ever below one of them, by any version, together
	 * with the units they were formed from (and those units' own sub-trees): the
	 * successors' officers take over an ended unit's work.
	 */
	java.util.Set<Long> everBelow(Collection<Long> roots) {
		if (roots.isEmpty()) {
			return java.util.Set.of();
		}
		return new java.util.HashSet<>(jdbc.sql("""
				with recursive down(id) as (
				    select unnest(cast(:roots as bigint[]))
				    union
				    select x.id from down cross join lateral (
				        select v.unit_id as id from unit_version v where v.parent_id = down.id
				        union all
				        select e.unit_id from lineage_link s
				        join lineage_link e on e.event_id = s.event_id and e.role = 'ENDED'
				            and e.unit_id <> s.unit_id
				        where s.unit_id = down.id and s.role in ('STARTED', 'CONTINUED')
				    ) x
				)
				select id from down
				""").param("roots", roots.toArray(Long[]::new)).query(Long.class).list());
	}

	boolean isWithin(long unitId, Collection<Long> roots) {
		if (roots.isEmpty()) {
			return false;
		}
		if (roots.contains(unitId)) {
			return true;
		}
		return jdbc.sql("""
				with recursive up(id) as (
				    select cast(:id as bigint)
				    union
				    select n.id from up, lateral (
				        -- the parent of every version
				        select v.parent_id as id from unit_version v
				        where v.unit_id = up.id and v.parent_id is not null
				        union all
				        -- what an ended unit became
				        select s.unit_id from lineage_link e
				        join lineage_link s on s.event_id = e.event_id and s.role in ('STARTED', 'CONTINUED')
				            and s.unit_id <> e.unit_id
				        where e.unit_id = up.id and e.role = 'ENDED'
				    ) n
				)
				select exists(select 1 from up where id in (:roots))
				""").param("id", unitId).param("roots", roots).query(Boolean.class).single();
	}

	/**
	 * {@link #isWithin} for many units in one query: the same walk up (parents of every
	 * version, what an ended unit became) from each of them.
	 */
	Set<Long> within(Collection<Long> unitIds, Collection<Long> roots) {
		Set<Long> within = new java.util.HashSet<>();
		if (roots.isEmpty() || unitIds.isEmpty()) {
			return within;
		}
		jdbc.sql("""
				with recursive up(origin, id) as (
				    select x, x from unnest(cast(:ids as bigint[])) x
				    union
				    select up.origin, n.id from up, lateral (
				        -- the parent of every version
				        select v.parent_id as id from unit_version v
				        where v.unit_id = up.id and v.parent_id is not null
				        union all
				        -- what an ended unit became
				        select s.unit_id from lineage_link e
				        join lineage_link s on s.event_id = e.event_id and s.role in ('STARTED', 'CONTINUED')
				            and s.unit_id <> e.unit_id
				        where e.unit_id = up.id and e.role = 'ENDED'
				    ) n
				)
				select distinct origin from up where id = any(cast(:roots as bigint[]))
				""")
			.param("ids", unitIds.toArray(Long[]::new))
			.param("roots", roots.toArray(Long[]::new))
			.query(Long.class)
			.list()
			.forEach(within::add);
		return within;
	}

	/**
	 * Searches names and codes, all words of {@code text} in any order, within a scope.
	 */
	List<UnitRef> search(String text, @Nullable LocalDate at, UnitScope scope, int limit) {
		String key = VnText.searchKey(text);
		List<String> words = Arrays.stream(key.split(" ")).filter(w -> !w.isEmpty()).toList();
		if (words.isEmpty()) {
			return List.of();
		}
		StringBuilder sql = new StringBuilder();
		Map<String, Object> params = new LinkedHashMap<>();
		if (!scope.unrestricted()) {
			if (scope.roots().isEmpty()) {
				return List.of();
			}
			sql.append("""
					with recursive down(id) as (
					    select id from unit where id in (:roots)
					    union
					    select n.id from down, lateral (
					        -- children in any version
					        select v.unit_id as id from unit_version v where v.parent_id = down.id
					        union all
					        -- the units a unit was formed from
					        select e.unit_id from lineage_link s
					        join lineage_link e on e.event_id = s.event_id and e.role = 'ENDED'
					            and e.unit_id <> s.unit_id
					        where s.unit_id = down.id and s.role in ('STARTED', 'CONTINUED')
					    ) n
					)
					""");
			params.put("roots", scope.roots());
		}
		sql.append("select v.* from unit_version v where ");
		List<String> conditions = new ArrayList<>();
		for (int i = 0; i < words.size(); i++) {
			conditions.add("v.search_key like :w" + i + " escape '\\'");
			params.put("w" + i, "%" + VnText.likeEscape(words.get(i)) + "%");
		}
		sql.append(String.join(" and ", conditions));
		if (at != null) {
			sql.append(" and ").append(validAt("v"));
			params.put("at", at);
		}
		if (!scope.unrestricted()) {
			sql.append(" and v.unit_id in (select id from down)");
		}
		params.put("phrase", "%" + VnText.likeEscape(key) + "%");
		// typed with diacritics: the exact spelling first ("Hùng Mỹ" before "Hưng Mỹ")
		params.put("exact", "%" + VnText.likeEscape(VnText.clean(text).toLowerCase(java.util.Locale.ROOT)) + "%");
		params.put("limit", limit * 2);
		sql.append(
				"""
						 order by (lower(v.name collate vi_natural) like :exact escape '\\') desc, (v.search_key like :phrase escape '\\') desc,
						 (v.valid_to is null) desc, v.level,
						 v.name collate vi_natural, v.valid_from desc nulls last
						 limit :limit
						""");
		// one line per unit: its best-matching version
		Map<Long, UnitRef> best = new LinkedHashMap<>();
		for (UnitRef version : jdbc.sql(sql.toString()).params(params).query(REF).list()) {
			best.putIfAbsent(version.id(), version);
		}
		return best.values().stream().limit(limit).toList();
	}

	Optional<UnitRef> findByCode(String code, LocalDate at) {
		return RequestMemo.get("memo:unit.findByCode", java.util.Arrays.asList(code, at), () -> {
			return jdbc
				.sql("select * from unit_version v where v.code = :code and " + validAt("v") + " order by v.level")
				.param("code", code.trim())
				.param("at", at)
				.query(REF)
				.list()
				.stream()
				.findFirst();
		});
	}

	/** All units that ever held the code, latest version of each. */
	List<UnitRef> findAnyByCode(String code) {
		return jdbc.sql("""
				select distinct on (v.unit_id) v.* from unit_version v where v.code = :code
				order by v.unit_id, v.valid_from desc nulls last
				""").param("code", code.trim()).query(REF).list();
	}

	Optional<Long> countryId() {
		return RequestMemo.get("memo:unit.countryId", "", () -> {
			return jdbc.sql("select unit_id from unit_version where unit_type = 'QUOC_GIA' order by unit_id limit 1")
				.query(Long.class)
				.optional();
		});
	}

	long count() {
		return jdbc.sql("select count(*) from unit").query(Long.class).single();
	}

	/** Units currently valid with the given ids (e.g. a user's bound units). */
	List<UnitRef> latestOf(Set<Long> unitIds) {
		if (unitIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select distinct on (v.unit_id) v.* from unit_version v where v.unit_id in (:ids)
				order by v.unit_id, v.valid_from desc nulls last
				""").param("ids", unitIds).query(REF).list();
	}

	/**
	 * The units of a year below a root: the root and every unit that was below it at any
	 * time in the year — or below a unit that ended during the year and became the root
	 * (Quảng Nam's communes are Đà Nẵng's units of 2025) — each as of its own last day in
	 * the year (the version valid then). The root first, then by level and name.
	 */
	List<UnitRef> unitsOfYear(long rootId, int year) {
		return RequestMemo.get("memo:unit.unitsOfYear", java.util.Arrays.asList(rootId, year), () -> {
			return jdbc.sql("""
					with recursive roots(id) as (
					    select cast(:root as bigint)
					    union
					    select e.unit_id from roots r
					    join lineage_link s on s.unit_id = r.id and s.role in ('STARTED', 'CONTINUED')
					    join lineage_link e on e.event_id = s.event_id and e.role = 'ENDED' and e.unit_id <> s.unit_id
					    where exists (select 1 from unit_version ev where ev.unit_id = e.unit_id
					                  and ev.valid_to between :first and :last)
					),
					down(id) as (
					    select id from roots
					    union
					    select v.unit_id from down join unit_version v on v.parent_id = down.id
					    where (v.valid_from is null or v.valid_from <= :last)
					      and (v.valid_to is null or v.valid_to >= :first)
					),
					last_versions as (
					    select distinct on (v.unit_id) v.* from unit_version v
					    where v.unit_id in (select id from down)
					      and (v.valid_from is null or v.valid_from <= :last)
					      and (v.valid_to is null or v.valid_to >= :first)
					    order by v.unit_id, v.valid_from desc nulls last
					)
					select * from last_versions v
					order by (v.unit_id = :root) desc, v.level, v.name collate vi_natural, v.unit_type
					""")
				.param("root", rootId)
				.param("first", LocalDate.of(year, 1, 1))
				.param("last", LocalDate.of(year, 12, 31))
				.query(REF)
				.list();
		});
	}

	/**
	 * The units that an ended unit became, following successors that ended in turn, with
	 * the one it became first; empty for a unit that has not ended.
	 */
	List<Long> successors(long unitId) {
		return RequestMemo.get("memo:unit.successors", unitId, () -> {
			return jdbc.sql("""
					with recursive after(id) as (
					    select s.unit_id from lineage_link e
					    join lineage_link s on s.event_id = e.event_id and s.role in ('STARTED', 'CONTINUED')
					        and s.unit_id <> e.unit_id
					    where e.unit_id = :id and e.role = 'ENDED'
					    union
					    select s.unit_id from after
					    join lineage_link e on e.unit_id = after.id and e.role = 'ENDED'
					    join lineage_link s on s.event_id = e.event_id and s.role in ('STARTED', 'CONTINUED')
					        and s.unit_id <> e.unit_id
					)
					select id from after
					""").param("id", unitId).query(Long.class).list();
		});
	}

	/** A unit with its depth below a tree root. */
	record Positioned(UnitRef unit, int depth) {
	}

}
