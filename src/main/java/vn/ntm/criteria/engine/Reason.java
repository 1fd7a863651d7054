package vn.ntm.criteria.engine;

import java.util.List;

/**
 * An explanation in the user's language: a message key (under {@code engine.}) with its
 * arguments, already formatted the Vietnamese way ("62,5%", "17.8"). Arguments that are
 * message keys themselves are translated too.
 */
public record Reason(String key, List<Object> args) {

	public Reason {
		args = List.copyOf(args);
	}

	public static Reason of(String key, Object... args) {
		return new Reason(key, List.of(args));
	}

}
