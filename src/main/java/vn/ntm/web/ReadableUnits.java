package vn.ntm.web;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import vn.ntm.security.AccessPolicy;

/**
 * Whether the reader may open a unit's pages, for templates ({@code @readable.unit(id)}):
 * a page never links to what its reader may not open, so names outside the reader's units
 * are shown as text. The answers are the access policy's, kept for the request.
 */
@Component("readable")
public class ReadableUnits {

	private static final String CACHE = ReadableUnits.class.getName() + ".answers";

	private final AccessPolicy access;

	ReadableUnits(AccessPolicy access) {
		this.access = access;
	}

	/**
	 * Whether the current reader may open the unit's page (no id, as for a unit without a
	 * parent: no).
	 */
	public boolean unit(@Nullable Long unitId) {
		if (unitId == null || access.currentIfAny().isEmpty()) {
			return false;
		}
		return answers().computeIfAbsent(unitId, access::canRead);
	}

	@SuppressWarnings("unchecked")
	private static Map<Long, Boolean> answers() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null) {
			return new HashMap<>();
		}
		Object cached = request.getAttribute(CACHE, RequestAttributes.SCOPE_REQUEST);
		if (cached instanceof Map<?, ?> map) {
			return (Map<Long, Boolean>) map;
		}
		Map<Long, Boolean> answers = new HashMap<>();
		request.setAttribute(CACHE, answers, RequestAttributes.SCOPE_REQUEST);
		return answers;
	}

}
