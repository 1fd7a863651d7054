package vn.ntm.audit.web;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import vn.ntm.audit.AuditEntry;
import vn.ntm.audit.AuditLog;
import vn.ntm.audit.AuditQuery;
import vn.ntm.shared.PageResult;
import vn.ntm.shared.VnFormat;

/**
 * The administrators' search over the whole audit trail, as a page and as
 * {@code /api/v1/audit}.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

	private final AuditLog audit;

	AuditController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/admin/audit")
	String search(@RequestParam(required = false) @Nullable String text,
			@RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable String entityType,
			@RequestParam(required = false) @Nullable String entityId,
			@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(defaultValue = "0") int page, Model model) {
		AuditQuery query = new AuditQuery(text, actor, entityType, entityId, action, date(from), date(to));
		model.addAttribute("query", query);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("result", audit.search(query, Math.max(page, 0), 50));
		return "audit/search";
	}

	@GetMapping("/api/v1/audit")
	@ResponseBody
	PageResult<AuditEntry> api(@RequestParam(required = false) @Nullable String text,
			@RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable String entityType,
			@RequestParam(required = false) @Nullable String entityId,
			@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return audit.search(new AuditQuery(text, actor, entityType, entityId, action, date(from), date(to)),
				Math.max(page, 0), Math.min(Math.max(size, 1), 500));
	}

	private static @Nullable LocalDate date(@Nullable String text) {
		return text == null || text.isBlank() ? null : VnFormat.parseDate(text).orElse(null);
	}

}
