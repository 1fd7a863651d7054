package vn.ntm.orgunit;

import java.util.List;

/**
 * A unit in a tree as of a date, with its children as of the same date.
 *
 * @param childCount the number of children at that date, also when they were not loaded
 * (the tree's frontier)
 */
public record TreeNode(UnitRef unit, int depth, List<TreeNode> children, int childCount) {

	/** Whether the node has children that were not loaded. */
	public boolean hasMore() {
		return children.isEmpty() && childCount > 0;
	}

	/** Number of units in this sub-tree, this one included. */
	public int size() {
		return 1 + children.stream().mapToInt(TreeNode::size).sum();
	}

	/** Number of direct children of the given level. */
	public long childrenOfLevel(int level) {
		return children.stream().filter(c -> c.unit().level() == level).count();
	}

}
