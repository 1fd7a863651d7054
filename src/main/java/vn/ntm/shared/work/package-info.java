/**
 * The home page's work list, extended by the modules that have work for people
 * ({@link vn.ntm.shared.work.WorkItemSource}, {@link vn.ntm.shared.work.UnitWorkSource}).
 */
@NullMarked
package vn.ntm.shared.work;

import org.jspecify.annotations.NullMarked;
