package vn.ntm.orgunit;

import java.util.List;

/**
 * A classification scheme and its values.
 */
public record ClassificationScheme(String code, String name, String description, boolean multiValued, boolean inherited,
		boolean builtin, List<Value> values) {

	public record Value(String code, String name) {
	}

}
