package vn.ntm.orgunit.web;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import vn.ntm.orgunit.TreeNode;
import vn.ntm.orgunit.UnitRef;

/**
 * How the API writes a unit version.
 */
record UnitJson(long id, @Nullable String code, String name, String type, String fullName, int level,
		@Nullable Long parentId, @Nullable LocalDate validFrom, @Nullable LocalDate validTo) {

	static UnitJson of(UnitRef unit) {
		return new UnitJson(unit.id(), unit.code(), unit.name(), unit.type().name(), unit.fullName(), unit.level(),
				unit.parentId(), unit.validFrom(), unit.validTo());
	}

	static List<UnitJson> of(List<UnitRef> units) {
		return units.stream().map(UnitJson::of).toList();
	}

	/**
	 * A tree node: the unit, its children as loaded, and how many children it has at the
	 * date.
	 */
	record Node(UnitJson unit, int childCount, List<Node> children) {

		static Node of(TreeNode node) {
			return new Node(UnitJson.of(node.unit()), node.childCount(),
					node.children().stream().map(Node::of).toList());
		}

	}

}
