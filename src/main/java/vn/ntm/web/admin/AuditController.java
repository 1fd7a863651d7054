package vn.ntm.web.admin;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import vn.ntm.audit.AuditEntry;
import vn.ntm.audit.AuditLog;
import vn.ntm.audit.AuditQuery;
import vn.ntm.security.AccessPolicy;
import vn.ntm.security.Permission;
import vn.ntm.shared.PageResult;
import vn.ntm.shared.VnFormat;

/**
 * The administrators' search over the whole audit trail, as a page and as
 * {@code /api/v1/audit}.
 */
@Controller
class AuditController {

	private final AuditLog audit;

	private final AccessPolicy access;

	AuditController(AuditLog audit, AccessPolicy access) {
		this.audit = audit;
		this.access = access;
	}

	@GetMapping("/admin/audit")
	String search(@RequestParam(required = false) @Nullable String text,
			@RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable String entityType,
			@RequestParam(required = false) @Nullable String entityId,
			@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(defaultValue = "0") int page, Model model) {
		access.require(Permission.AUDIT_SEARCH);
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
		access.require(Permission.AUDIT_SEARCH);
		return audit.search(new AuditQuery(text, actor, entityType, entityId, action, date(from), date(to)),
				Math.max(page, 0), Math.min(Math.max(size, 1), 500));
	}

	private static @Nullable LocalDate date(@Nullable String text) {
		return text == null || text.isBlank() ? null : VnFormat.parseDate(text).orElse(null);
	}

}
