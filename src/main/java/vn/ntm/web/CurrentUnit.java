package vn.ntm.web;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
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

	private static final String REQUEST_CACHE = CurrentUnit.class.getName() + ".id";

	private final UnitManagement units;

	private final AccessPolicy access;

	CurrentUnit(UnitManagement units, AccessPolicy access) {
		this.units = units;
		this.access = access;
	}

	/** Worked out once per request (the layout and the page's controller both ask). */
	public Optional<Long> id(HttpSession session) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null
				&& request.getAttribute(REQUEST_CACHE, RequestAttributes.SCOPE_REQUEST) instanceof Optional<?> cached) {
			return cached.map(Long.class::cast);
		}
		Optional<Long> id = read(session);
		if (request != null) {
			request.setAttribute(REQUEST_CACHE, id, RequestAttributes.SCOPE_REQUEST);
		}
		return id;
	}

	private Optional<Long> read(HttpSession session) {
		if (session.getAttribute(SESSION_KEY) instanceof Long id && access.canRead(id)) {
			return Optional.of(id);
		}
		List<UnitRef> roots = units.scopeRoots(VnFormat.today());
		return roots.isEmpty() ? Optional.empty() : Optional.of(roots.get(0).id());
	}

	public void select(HttpSession session, long unitId) {
		access.requireRead(unitId);
		session.setAttribute(SESSION_KEY, unitId);
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.removeAttribute(REQUEST_CACHE, RequestAttributes.SCOPE_REQUEST);
		}
	}

}
