package vn.ntm.recognition.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ntm.recognition.NewTitleAward;
import vn.ntm.recognition.NewTitleReview;
import vn.ntm.recognition.Revocation;
import vn.ntm.recognition.TitleAward;
import vn.ntm.recognition.TitleReview;
import vn.ntm.recognition.Titles;
import vn.ntm.shared.VnFormat;

/**
 * REST API of the titles units hold: a unit's history
 * ({@code /api/v1/units/{id}/titles}), recording, revoking
 * ({@code /api/v1/title-awards/{id}/revoke}, with the {@code expectedVersion} read: 409
 * when stale), reviewing under a newer set, and the holders below a unit at a date
 * ({@code /api/v1/units/{id}/title-holders}).
 */
@RestController
@RequestMapping("/api/v1")
class TitleApiController {

	private final Titles titles;

	TitleApiController(Titles titles) {
		this.titles = titles;
	}

	/** Every title the unit has held, newest first, with its reviews. */
	@GetMapping("/units/{id}/titles")
	List<TitleAward> history(@PathVariable long id) {
		return titles.historyOf(id);
	}

	@PostMapping("/units/{id}/titles")
	ResponseEntity<TitleAward> award(@PathVariable long id, @Valid @RequestBody NewTitleAward award) {
		TitleAward created = titles.award(id, award);
		return ResponseEntity.created(URI.create("/api/v1/units/" + id + "/titles")).body(created);
	}

	/**
	 * {@code {"revokedOn": "2025-03-01", "decision": "…", "issuer": "…", "reason": "…",
	 * "expectedVersion": 0}}.
	 */
	@PostMapping("/title-awards/{id}/revoke")
	TitleAward revoke(@PathVariable long id, @Valid @RequestBody RevocationBody body) {
		return titles.revoke(id, new Revocation(body.revokedOn(), body.decision(), body.issuer(),
				body.reason() == null ? "" : body.reason()), body.expectedVersion());
	}

	record RevocationBody(@NotNull(message = "{title.revokedOn.required}") LocalDate revokedOn,
			@Nullable @Size(max = 200) String decision, @Nullable @Size(max = 300) String issuer,
			@Nullable @Size(max = 1000) String reason, @NotNull Integer expectedVersion) {
	}

	/** The reviews of the unit's titles under newer sets, newest first. */
	@GetMapping("/units/{id}/title-reviews")
	List<TitleReview> reviews(@PathVariable long id) {
		return titles.reviewsOf(id);
	}

	@PostMapping("/title-awards/{id}/reviews")
	ResponseEntity<TitleReview> review(@PathVariable long id, @Valid @RequestBody ReviewBody body) {
		TitleReview created = titles.review(
				id, new NewTitleReview(body.setLabel() == null ? "" : body.setLabel(), body.reviewedOn(),
						body.maintained(), body.decisionNumber(), body.issuer(), body.deadline(), body.note()),
				body.expectedVersion());
		return ResponseEntity.created(URI.create("/api/v1/units/" + created.unitId() + "/title-reviews")).body(created);
	}

	record ReviewBody(@Nullable @Size(max = 300) String setLabel,
			@NotNull(message = "{title.review.reviewedOn.required}") LocalDate reviewedOn, boolean maintained,
			@Nullable @Size(max = 200) String decisionNumber, @Nullable @Size(max = 300) String issuer,
			@Nullable LocalDate deadline, @Nullable @Size(max = 1000) String note, @NotNull Integer expectedVersion) {
	}

	/** The titles held below the unit at a date (today by default), one title or all. */
	@GetMapping("/units/{id}/title-holders")
	List<TitleAward> holders(@PathVariable long id, @RequestParam(required = false) @Nullable LocalDate at,
			@RequestParam(required = false) @Nullable String title) {
		return titles.heldBelow(id, title, at == null ? VnFormat.today() : at);
	}

}
