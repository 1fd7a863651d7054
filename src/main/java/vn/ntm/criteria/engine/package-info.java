/**
 * The evaluation engine: given a criteria set, the facts about a unit at a date (its
 * classifications, titles, lower units) and the values entered for it, it says which
 * indicators and criteria are met and why, whether the title's conditions hold, and
 * whether a recognised title is at risk of revocation. Pure functions over records: no
 * database, no Spring, so it is tested exhaustively and runs for every commune of the
 * country at once.
 */
@NamedInterface("engine")
@NullMarked
package vn.ntm.criteria.engine;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
