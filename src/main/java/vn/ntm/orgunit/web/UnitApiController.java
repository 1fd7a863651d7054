package vn.ntm.orgunit.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ntm.shared.VnFormat;
import vn.ntm.orgunit.ClassificationChange;
import vn.ntm.orgunit.ClassificationView;
import vn.ntm.orgunit.Merge;
import vn.ntm.orgunit.NewUnit;
import vn.ntm.orgunit.Split;
import vn.ntm.orgunit.UnitChange;
import vn.ntm.orgunit.UnitCorrection;
import vn.ntm.orgunit.UnitDetails;
import vn.ntm.orgunit.UnitHistory;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.shared.NotFoundException;

/**
 * REST API for units: {@code /api/v1/units}. Dates are ISO ({@code 2025-07-01});
 * {@code at} defaults to today. Every call is limited to the caller's scope.
 */
@RestController
@RequestMapping("/api/v1/units")
class UnitApiController {

	private final UnitManagement units;

	UnitApiController(UnitManagement units) {
		this.units = units;
	}

	private static LocalDate day(@Nullable LocalDate at) {
		return at == null ? VnFormat.today() : at;
	}

	/** Search by name (diacritics optional) or look up by official code. */
	@GetMapping
	List<UnitJson> search(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String code,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate at,
			@RequestParam(defaultValue = "50") int limit) {
		if (code != null) {
			return units.findByCode(code, day(at)).map(u -> List.of(UnitJson.of(u))).orElse(List.of());
		}
		return UnitJson.of(units.search(q == null ? "" : q, at, limit));
	}

	/** The unit as of a date, with its parent chain and classifications. */
	@GetMapping("/{id}")
	Map<String, Object> get(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate at) {
		UnitDetails details = units.details(id, day(at));
		return Map.of("unit", UnitJson.of(details.version()), "at", details.at(), "existsAt", details.existsAt(),
				"ancestors", UnitJson.of(details.ancestors()), "classifications", details.classifications(), "version",
				details.rowVersion());
	}

	@GetMapping("/{id}/children")
	List<UnitJson> children(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate at) {
		return UnitJson.of(units.children(id, day(at)));
	}

	@GetMapping("/{id}/ancestors")
	List<UnitJson> ancestors(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate at) {
		return UnitJson.of(units.ancestors(id, day(at)));
	}

	@GetMapping("/{id}/descendants")
	List<UnitJson> descendants(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate at) {
		return UnitJson.of(units.descendants(id, day(at)));
	}

	@GetMapping("/{id}/tree")
	UnitJson.Node tree(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate at,
			@RequestParam(defaultValue = "1") int depth) {
		return UnitJson.Node.of(units.tree(id, day(at), Math.max(1, Math.min(depth, 4))));
	}

	/**
	 * Versions, lineage events (what the unit came from and became), classifications and
	 * data issues.
	 */
	@GetMapping("/{id}/history")
	UnitHistory history(@PathVariable long id) {
		return units.history(id);
	}

	@GetMapping("/{id}/classifications/{scheme}")
	ClassificationView classification(@PathVariable long id, @PathVariable String scheme,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate at) {
		return units.classificationAt(id, scheme, day(at))
			.orElseThrow(() -> new NotFoundException("classification.noneAt", scheme));
	}

	@PostMapping
	ResponseEntity<UnitJson> create(@Valid @RequestBody NewUnit unit) {
		UnitJson created = UnitJson.of(units.create(unit));
		return ResponseEntity.created(URI.create("/api/v1/units/" + created.id())).body(created);
	}

	/**
	 * Corrects the current version (typos); send the {@code version} read with the unit
	 * as expectedVersion.
	 */
	@PutMapping("/{id}")
	UnitJson correct(@PathVariable long id, @Valid @RequestBody UnitCorrection correction) {
		return UnitJson.of(units.correct(id, correction));
	}

	/** Records a rename, re-parenting, change of type or code from a date. */
	@PostMapping("/{id}/changes")
	UnitJson change(@PathVariable long id, @Valid @RequestBody UnitChange change) {
		return UnitJson.of(units.change(id, change));
	}

	@PostMapping("/{id}/dissolution")
	Map<String, Long> dissolve(@PathVariable long id, @Valid @RequestBody Dissolution dissolution) {
		return Map.of("eventId", units.dissolve(id, dissolution.effectiveDate(), dissolution.legalBasis(),
				dissolution.note(), dissolution.expectedVersion()));
	}

	record Dissolution(@NotNull(message = "{change.date.required}") LocalDate effectiveDate,
			@Nullable @Size(max = 500) String legalBasis, @Nullable @Size(max = 1000) String note,
			int expectedVersion) {
	}

	@PostMapping("/merges")
	ResponseEntity<Map<String, Long>> merge(@Valid @RequestBody Merge merge) {
		return ResponseEntity.status(201).body(Map.of("eventId", units.merge(merge)));
	}

	@PostMapping("/{id}/splits")
	ResponseEntity<Map<String, Long>> split(@PathVariable long id, @Valid @RequestBody Split split) {
		if (split.unitId() != id) {
			throw new vn.ntm.shared.BusinessRuleException("split.idMismatch", id, split.unitId());
		}
		return ResponseEntity.status(201).body(Map.of("eventId", units.split(split)));
	}

	@PostMapping("/{id}/classifications")
	ResponseEntity<Void> classify(@PathVariable long id, @Valid @RequestBody ClassificationChange change) {
		units.classify(id, change);
		return ResponseEntity.noContent().build();
	}

}
