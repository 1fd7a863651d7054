package vn.ntm.orgunit.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ntm.orgunit.DataQuality;

/**
 * The 2025 reform as loaded: which mapping rows matched, which were repaired, which could
 * not be matched, and the data issues left on units.
 */
@Controller
class DataQualityController {

	private final DataQuality quality;

	DataQualityController(DataQuality quality) {
		this.quality = quality;
	}

	@GetMapping("/admin/reform-2025")
	String report(@RequestParam(defaultValue = "UNMATCHED") String status,
			@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String kind,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "0") int issuePage, Model model) {
		model.addAttribute("statusCounts", quality.mappingStatusCounts());
		model.addAttribute("issueCounts", quality.issueCounts());
		model.addAttribute("status", status);
		model.addAttribute("q", q);
		model.addAttribute("kind", kind);
		model.addAttribute("rows", quality.mappingRows(status, q, Math.max(page, 0), 50));
		model.addAttribute("issues", quality.issues(kind, q, Math.max(issuePage, 0), 50));
		return "units/reform";
	}

}
