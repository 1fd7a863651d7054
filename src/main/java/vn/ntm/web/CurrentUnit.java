package vn.ntm.web;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Component;
import vn.ntm.shared.VnFormat;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.security.AccessPolicy;

/**
 * The unit the user is working on, chosen with the unit picker and kept in the session;
 * by default the first unit the user is bound to.
 */
@Component
public class CurrentUnit {

	static final String SESSION_KEY = "ntm.currentUnit";

	private final UnitManagement units;

	private final AccessPolicy access;

	CurrentUnit(UnitManagement units, AccessPolicy access) {
		this.units = units;
		this.access = access;
	}

	public Optional<Long> id(HttpSession session) {
		if (session.getAttribute(SESSION_KEY) instanceof Long id && access.canRead(id)) {
			return Optional.of(id);
		}
		List<UnitRef> roots = units.scopeRoots(VnFormat.today());
		return roots.isEmpty() ? Optional.empty() : Optional.of(roots.get(0).id());
	}

	public void select(HttpSession session, long unitId) {
		access.requireRead(unitId);
		session.setAttribute(SESSION_KEY, unitId);
	}

}
