package vn.ntm.security.internal;

import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.ntm.security.Officers;
import vn.ntm.security.Role;

/**
 * The accounts bound to units, in one statement.
 */
@Component
class JdbcOfficers implements Officers {

	private final JdbcClient jdbc;

	JdbcOfficers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Officer> boundTo(Collection<Long> unitIds) {
		if (unitIds.isEmpty()) {
			return List.of();
		}
		return jdbc
			.sql("""
					select u.id, u.full_name, u.organization, u.role from app_user u
					where u.enabled and exists (select 1 from app_user_unit x where x.user_id = u.id and x.unit_id = any(:units))
					order by u.full_name, u.id
					""")
			.param("units", unitIds.toArray(Long[]::new))
			.query((rs, n) -> new Officer(rs.getLong("id"), rs.getString("full_name"), rs.getString("organization"),
					Role.valueOf(rs.getString("role"))))
			.list();
	}

}
