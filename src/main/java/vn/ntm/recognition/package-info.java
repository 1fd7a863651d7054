/**
 * Recognition (công nhận): the titles units hold ({@link vn.ntm.recognition.Titles},
 * moved from the criteria module: awarded, reviewed under newer sets, revoked, ended with
 * their unit; events {@link vn.ntm.recognition.TitleAwarded},
 * {@link vn.ntm.recognition.TitleRevoked}, {@link vn.ntm.recognition.TitleEnded}), the
 * satisfaction surveys of a unit and year
 * ({@link vn.ntm.recognition.SatisfactionSurveys}) and the recognition dossiers
 * ({@link vn.ntm.recognition.Dossiers}: steps per period, checklist, conditions, the
 * decision awarding the title). Every call is checked against the caller's units.
 */
@ApplicationModule(displayName = "Công nhận",
		allowedDependencies = { "shared", "audit", "security", "orgunit", "criteria", "criteria::engine", "assessment",
				"documents", "funding", "platform::jobs" })
@NullMarked
package vn.ntm.recognition;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
