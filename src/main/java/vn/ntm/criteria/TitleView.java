package vn.ntm.criteria;

import org.jspecify.annotations.Nullable;

/**
 * A title (danh hiệu) a unit can be recognised with.
 *
 * @param unitLevel the level of the units that hold it
 */
public record TitleView(String code, String name, @Nullable String nameEn, int unitLevel, @Nullable String description,
		boolean builtin, boolean retired) {
}
