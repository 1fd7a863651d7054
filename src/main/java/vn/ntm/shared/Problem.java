package vn.ntm.shared;

import java.util.List;

/**
 * One thing wrong in a document or a file, with where it is: {@code where} is a list of
 * places from the outside in, each a message key with its value ("Tiêu chí 17", "Chỉ tiêu
 * 17.1", "Dòng 12"), and the problem itself is a message key with arguments.
 */
public record Problem(List<Place> where, String key, List<Object> args) {

	public Problem {
		where = List.copyOf(where);
		args = List.copyOf(args);
	}

	public static Problem at(List<Place> where, String key, Object... args) {
		return new Problem(where, key, List.of(args));
	}

	/**
	 * A place: {@code key} is a message with one argument, e.g. {@code where.criterion}
	 * "Tiêu chí {0}".
	 */
	public record Place(String key, String value) {
	}

}
