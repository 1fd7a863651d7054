package vn.ntm.support;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.ntm.criteria.CriteriaCatalog;
import vn.ntm.orgunit.NewUnit;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.orgunit.UnitType;
import vn.ntm.security.Role;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UserForm;
import vn.ntm.security.UserManagement;
import vn.ntm.security.UserView;

/**
 * Creates what a test needs, with unique names so tests never depend on each other's
 * data.
 */
@Component
public class TestData {

	public static final String PASSWORD = "TestPass@2026";

	public static final LocalDate BEFORE_REFORM = LocalDate.of(2024, 6, 30);

	public static final LocalDate AFTER_REFORM = LocalDate.of(2025, 7, 1);

	private static final AtomicInteger counter = new AtomicInteger();

	private final UnitManagement units;

	private final UserManagement users;

	private final CriteriaCatalog catalog;

	private final JdbcClient jdbc;

	TestData(UnitManagement units, UserManagement users, CriteriaCatalog catalog, JdbcClient jdbc) {
		this.units = units;
		this.users = users;
		this.catalog = catalog;
		this.jdbc = jdbc;
	}

	/**
	 * Puts seed assessments back as the seed loads them — history, approved as of their
	 * document (their {@code FROM_DOCUMENT} step) — after a test moved them along the
	 * path: its checks, appraisals and other steps go.
	 */
	public void restoreSeedHistory(Collection<Long> assessmentIds) {
		Long[] ids = assessmentIds.toArray(Long[]::new);
		jdbc.sql("delete from assessment_check where assessment_id = any(:ids)").param("ids", ids).update();
		jdbc.sql("delete from assessment_appraisal where assessment_id = any(:ids)").param("ids", ids).update();
		jdbc.sql("delete from assessment_step where assessment_id = any(:ids) and action <> 'FROM_DOCUMENT'")
			.param("ids", ids)
			.update();
		jdbc.sql("""
				update assessment a set status = 'APPROVED', status_by = 'hệ thống',
				    status_at = (select max(at) from assessment_step s
				                 where s.assessment_id = a.id and s.action = 'FROM_DOCUMENT')
				where a.id = any(:ids)
				""").param("ids", ids).update();
	}

	/**
	 * The id of the shipped set version in force at the end of 2024 (or else the newest).
	 */
	public long setId(String code) {
		return SystemTask.call(() -> catalog.inForce(code, LocalDate.of(2024, 12, 31))
			.or(() -> catalog.sets().stream().filter(s -> s.code().equals(code)).findFirst())
			.orElseThrow(() -> new AssertionError("no criteria set " + code))
			.id());
	}

	public static String unique(String prefix) {
		return prefix + System.nanoTime() % 1_000_000 + counter.incrementAndGet();
	}

	/** The unit holding the code at the date. */
	public UnitRef unit(String code, LocalDate at) {
		return SystemTask.call(() -> units.findByCode(code, at)
			.orElseThrow(() -> new AssertionError("no unit " + code + " at " + at)));
	}

	/**
	 * A new account of the role bound to the units with the given codes (as of the date).
	 */
	public UserView user(Role role, LocalDate at, String... unitCodes) {
		Set<Long> ids = Arrays.stream(unitCodes).map(code -> unit(code, at).id()).collect(Collectors.toSet());
		String username = unique(role.name().toLowerCase().replace('_', '-'));
		Set<String> criteria = role == Role.CRITERION_OFFICER ? Set.of("15") : Set.of();
		return SystemTask.call(() -> users.create(
				new UserForm(username, "Người kiểm thử " + username, null, null, "Kiểm thử", role, ids, criteria),
				PASSWORD));
	}

	/**
	 * A new commune (xã) under the district with the given code (as of 30/6/2024), valid
	 * from 1/1/2020, with a unique code: its assessments collide with no other test's.
	 */
	public UnitRef commune(String districtCode, String name) {
		long district = unit(districtCode, BEFORE_REFORM).id();
		return SystemTask.call(() -> units.create(new NewUnit(unique("T"), name + " " + unique(""), UnitType.XA,
				district, LocalDate.of(2020, 1, 1), null)));
	}

	/** A new village (thôn) under the commune. */
	public UnitRef village(long communeId, String name) {
		return SystemTask.call(() -> units.create(new NewUnit(null, name, UnitType.THON, communeId, null, null)));
	}

}
