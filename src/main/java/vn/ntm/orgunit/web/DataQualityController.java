package vn.ntm.orgunit.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import vn.ntm.orgunit.DataQuality;
import vn.ntm.orgunit.DataQuality.Candidate;
import vn.ntm.orgunit.DataQuality.Issue;
import vn.ntm.shared.PageResult;

/**
 * The 2025 reform as loaded (Quản trị → Đối chiếu sắp xếp 2025): the rows of the mapping
 * not matched exactly, grouped by cause with counts, and the data issues left on units,
 * where a person names the receiving unit of a unit the sources leave without one.
 */
@Controller
class DataQualityController {

	private final DataQuality quality;

	private final FormSupport forms;

	DataQualityController(DataQuality quality, FormSupport forms) {
		this.quality = quality;
		this.forms = forms;
	}

	@GetMapping("/admin/reform-2025")
	String report(@RequestParam(required = false) @Nullable String cause,
			@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String kind,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "0") int issuePage, Model model) {
		fill(model, cause, q, kind, page, issuePage);
		return "units/reform";
	}

	@PostMapping("/admin/reform-2025/issues/{id}/receiver")
	String resolve(@PathVariable long id, @RequestParam long receiverId,
			@RequestParam(required = false) @Nullable String note,
			@RequestParam(required = false) @Nullable String kind, Model model, RedirectAttributes redirect,
			Locale locale) {
		return forms.submit(model, locale, () -> {
			quality.resolveReceiver(id, receiverId, note);
			String back = UriComponentsBuilder.fromPath("/admin/reform-2025")
				.queryParamIfPresent("kind", java.util.Optional.ofNullable(kind))
				.build()
				.encode()
				.toUriString();
			return FormSupport.saved(redirect, back + "#issues");
		}, () -> {
			fill(model, null, null, kind, 0, 0);
			return "units/reform";
		});
	}

	private void fill(Model model, @Nullable String cause, @Nullable String q, @Nullable String kind, int page,
			int issuePage) {
		Map<String, Long> causeCounts = quality.mappingCauseCounts();
		String shown = cause != null && causeCounts.containsKey(cause) ? cause
				: causeCounts.keySet().stream().findFirst().orElse(null);
		model.addAttribute("statusCounts", quality.mappingStatusCounts());
		model.addAttribute("causeCounts", causeCounts);
		model.addAttribute("notExact", causeCounts.values().stream().mapToLong(Long::longValue).sum());
		model.addAttribute("issueCounts", quality.issueCounts());
		model.addAttribute("cause", shown);
		model.addAttribute("q", q);
		model.addAttribute("kind", kind);
		model.addAttribute("rows", shown == null ? new PageResult<DataQuality.MappingRow>(List.of(), 0, 50, 0)
				: quality.mappingRowsByCause(shown, q, Math.max(page, 0), 50));
		PageResult<Issue> issues = quality.issues(kind, q, Math.max(issuePage, 0), 50);
		Map<Long, List<Candidate>> candidates = new LinkedHashMap<>();
		for (Issue issue : issues.items()) {
			if (issue.resolvable()) {
				candidates.put(issue.id(), quality.receiverCandidates(issue.id()));
			}
		}
		model.addAttribute("issues", issues);
		model.addAttribute("candidates", candidates);
	}

}
