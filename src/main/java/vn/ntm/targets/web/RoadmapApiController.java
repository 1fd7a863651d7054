package vn.ntm.targets.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.ntm.shared.VnFormat;
import vn.ntm.targets.RoadmapBoard;
import vn.ntm.targets.RoadmapConflict;
import vn.ntm.targets.RoadmapCopy;
import vn.ntm.targets.RoadmapCriteriaForm;
import vn.ntm.targets.RoadmapCriteriaTarget;
import vn.ntm.targets.RoadmapStanding;
import vn.ntm.targets.RoadmapTarget;
import vn.ntm.targets.RoadmapTargetForm;
import vn.ntm.targets.Roadmaps;

/**
 * The roadmap of a parent unit: its board at a date (every target with its status and
 * reason, the conflicts between plans), its targets and target numbers of criteria
 * (entered with the {@code expectedVersion} read, a stale one refused with 409), a copy
 * between plans, and the board as .xlsx.
 */
@RestController
@RequestMapping("/api/v1/units/{id}/roadmap")
class RoadmapApiController {

	private final Roadmaps roadmaps;

	private final MessageSource messages;

	RoadmapApiController(Roadmaps roadmaps, MessageSource messages) {
		this.roadmaps = roadmaps;
		this.messages = messages;
	}

	/** The board: {@code at} (dd/MM/yyyy or yyyy-MM-dd) defaults to today. */
	@GetMapping
	BoardJson board(@PathVariable long id, @RequestParam(required = false) @Nullable String title,
			@RequestParam(required = false) @Nullable LocalDate at) {
		LocalDate date = at == null ? VnFormat.today() : at;
		RoadmapBoard board = roadmaps.board(id, blank(title), date);
		return new BoardJson(board.parentId(), board.parentName(), board.at(), board.titleCode(), board.years(),
				board.counts(), board.standings().stream().map(StandingJson::of).toList(),
				board.conflicts().stream().map(ConflictJson::of).toList());
	}

	@GetMapping(value = "/export.xlsx")
	ResponseEntity<byte[]> export(@PathVariable long id, @RequestParam(required = false) @Nullable String title,
			@RequestParam(required = false) @Nullable LocalDate at) {
		LocalDate date = at == null ? VnFormat.today() : at;
		byte[] body = RoadmapWorkbooks.board(roadmaps.board(id, blank(title), date), messages);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"lo-trinh-" + id + ".xlsx\"")
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.body(body);
	}

	@GetMapping("/targets")
	List<RoadmapTarget> targets(@PathVariable long id, @RequestParam(required = false) @Nullable String title,
			@RequestParam(required = false) @Nullable Integer year) {
		return roadmaps.targetsBelow(id, blank(title), year);
	}

	/**
	 * A new target; the unit is the path's unless the body names another (checked like
	 * any).
	 */
	@PostMapping("/targets")
	@ResponseStatus(HttpStatus.CREATED)
	RoadmapTarget add(@PathVariable long id, @RequestBody RoadmapTargetForm form) {
		return roadmaps.addTarget(withUnit(id, form));
	}

	@PutMapping("/targets/{targetId}")
	RoadmapTarget update(@PathVariable long id, @PathVariable long targetId, @RequestBody RoadmapTargetForm form) {
		// without a unit in the body the target stays with its own unit (the path may be
		// any unit above it): a change never moves a target silently
		return roadmaps.updateTarget(targetId, withUnit(roadmaps.target(targetId).unitId(), form));
	}

	@DeleteMapping("/targets/{targetId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void remove(@PathVariable long id, @PathVariable long targetId, @RequestParam int expectedVersion) {
		roadmaps.removeTarget(targetId, expectedVersion);
	}

	@GetMapping("/conflicts")
	List<ConflictJson> conflicts(@PathVariable long id, @RequestParam(required = false) @Nullable String title) {
		return roadmaps.conflictsBelow(id, blank(title)).stream().map(ConflictJson::of).toList();
	}

	@GetMapping("/criteria")
	List<RoadmapCriteriaTarget> criteria(@PathVariable long id,
			@RequestParam(required = false) @Nullable Integer year) {
		return roadmaps.criteriaTargetsBelow(id, year);
	}

	@PutMapping("/criteria")
	RoadmapCriteriaTarget setCriteria(@PathVariable long id, @RequestBody RoadmapCriteriaForm form) {
		RoadmapCriteriaForm withUnit = form.unitId() != null ? form : new RoadmapCriteriaForm(id, form.titleCode(),
				form.year(), form.criteriaCount(), form.planId(), form.source(), form.note(), form.expectedVersion());
		return roadmaps.setCriteriaTarget(withUnit);
	}

	@PostMapping("/copy")
	Map<String, Integer> copy(@PathVariable long id, @RequestBody RoadmapCopy copy) {
		return Map.of("copied", roadmaps.copyTargets(id, copy));
	}

	private static RoadmapTargetForm withUnit(long id, RoadmapTargetForm form) {
		return form.unitId() != null ? form : new RoadmapTargetForm(id, form.titleCode(), form.year(), form.planId(),
				form.source(), form.dossierDue(), form.note(), form.expectedVersion());
	}

	private static @Nullable String blank(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	record BoardJson(long parentId, String parentName, LocalDate at, @Nullable String titleCode, List<Integer> years,
			Map<vn.ntm.targets.RoadmapStatus, Integer> counts, List<StandingJson> targets,
			List<ConflictJson> conflicts) {
	}

	record StandingJson(RoadmapTarget target, String status, String reason) {

		static StandingJson of(RoadmapStanding s) {
			return new StandingJson(s.target(), s.status().name(), s.reason());
		}

	}

	record ConflictJson(long unitId, String unitName, String titleCode, String text, List<RoadmapTarget> targets) {

		static ConflictJson of(RoadmapConflict c) {
			return new ConflictJson(c.unitId(), c.unitName(), c.titleCode(), c.describe(), c.targets());
		}

	}

}
