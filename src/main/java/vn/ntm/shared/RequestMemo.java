package vn.ntm.shared;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Answers of plain reads kept for the rest of one HTTP request that only reads (GET or
 * HEAD), so that a page asks the database once for what several of its parts need — the
 * unit's versions, its ancestors, its lineage (issue 10: the unit page read the same
 * versions half a dozen times). Outside a request, and in requests that may change data
 * (POST, PUT, PATCH, DELETE), nothing is kept and every read goes to the database.
 * <p>
 * Only reads that do not depend on who asks belong here (the SQL of a module's queries,
 * below its access checks); the answers kept must not be changed by those who get them,
 * so lists, sets and maps are kept unmodifiable. {@link #forget()} drops everything kept
 * (a change made in a reading request, e.g. a reminder marked read, calls it through
 * {@code AuditLog.record}).
 */
public final class RequestMemo {

	private static final String KEY = RequestMemo.class.getName();

	private RequestMemo() {
	}

	/** The answer kept for the key in this request, else the read's (then kept). */
	@SuppressWarnings("unchecked")
	public static <T extends @Nullable Object> T get(String region, Object key, Supplier<T> read) {
		Map<Object, Object> memo = memo();
		if (memo == null) {
			return read.get();
		}
		Key k = new Key(region, key);
		Object kept = memo.get(k);
		if (kept != null) {
			return (T) kept;
		}
		T value = unmodifiable(read.get());
		if (value != null) {
			memo.put(k, value);
		}
		return value;
	}

	/** Whether answers are kept in this thread now (a reading request). */
	public static boolean active() {
		return memo() != null;
	}

	/**
	 * Keeps an answer read along with another (the rows of a list, each also asked for by
	 * its id), if answers are kept now.
	 */
	public static void put(String region, Object key, Object value) {
		Map<Object, Object> memo = memo();
		if (memo != null) {
			memo.put(new Key(region, key), unmodifiable(value));
		}
	}

	/** Drops the answers kept in this request. */
	public static void forget() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.removeAttribute(KEY, RequestAttributes.SCOPE_REQUEST);
		}
	}

	@SuppressWarnings("unchecked")
	private static <T> T unmodifiable(T value) {
		if (value instanceof List<?> list) {
			return (T) java.util.Collections.unmodifiableList(list);
		}
		if (value instanceof Set<?> set) {
			return (T) java.util.Collections.unmodifiableSet(set);
		}
		if (value instanceof Map<?, ?> map) {
			return (T) java.util.Collections.unmodifiableMap(map);
		}
		if (value instanceof Collection<?> collection) {
			return (T) java.util.Collections.unmodifiableCollection(collection);
		}
		return value;
	}

	@SuppressWarnings("unchecked")
	private static @Nullable Map<Object, Object> memo() {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return null;
		}
		HttpServletRequest request = attributes.getRequest();
		String method = request.getMethod();
		if (!"GET".equals(method) && !"HEAD".equals(method)) {
			return null;
		}
		Object memo = attributes.getAttribute(KEY, RequestAttributes.SCOPE_REQUEST);
		if (memo instanceof Map<?, ?> map) {
			return (Map<Object, Object>) map;
		}
		Map<Object, Object> created = new HashMap<>();
		attributes.setAttribute(KEY, created, RequestAttributes.SCOPE_REQUEST);
		return created;
	}

	private record Key(String region, Object key) {
	}

}
