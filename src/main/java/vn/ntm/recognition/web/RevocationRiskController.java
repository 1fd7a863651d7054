package vn.ntm.recognition.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ntm.criteria.engine.Reason;
import vn.ntm.recognition.RevocationRisk;
import vn.ntm.recognition.RevocationRisks;
import vn.ntm.recognition.RiskList;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.LocalizedMessages;
import vn.ntm.shared.VnFormat;
import vn.ntm.shared.VnText;

/**
 * The revocation-risk list of a parent unit at a date ({@code at=dd/MM/yyyy}, today when
 * none) as a page and as .xlsx.
 */
@Controller
class RevocationRiskController {

	private final RevocationRisks risks;

	private final MessageSource messages;

	RevocationRiskController(RevocationRisks risks, MessageSource messages) {
		this.risks = risks;
		this.messages = messages;
	}

	@GetMapping("/units/{id}/revocation-risk")
	String page(@PathVariable long id, @RequestParam(required = false) @Nullable String at, Model model,
			Locale locale) {
		RiskList list = risks.below(id, date(at));
		// the rule crossed (or, undecided, the engine's reasons) in the reader's language
		Map<String, String> rules = new HashMap<>();
		for (RevocationRisk r : concat(list)) {
			List<Reason> crossed = r.reasons().stream().filter(x -> RULES.contains(x.key())).toList();
			List<Reason> shown = crossed.isEmpty() ? r.reasons() : crossed;
			rules.put(r.unitId() + ":" + r.titleCode(),
					String.join(" ",
							shown.stream()
								.map(x -> LocalizedMessages.get(messages, x.key(), x.args().toArray(), locale))
								.toList()));
		}
		model.addAttribute("risks", list);
		model.addAttribute("rules", rules);
		return "recognition/revocation-risk";
	}

	/** The reasons that name a rule crossed. */
	static final java.util.Set<String> RULES = java.util.Set.of("engine.revocation.byShare",
			"engine.revocation.byCritical", "recognition.risk.byCommunes");

	private static List<RevocationRisk> concat(RiskList list) {
		List<RevocationRisk> all = new ArrayList<>(list.crossing());
		all.addAll(list.undecided());
		return all;
	}

	@GetMapping("/units/{id}/revocation-risk.xlsx")
	void export(@PathVariable long id, @RequestParam(required = false) @Nullable String at,
			HttpServletResponse response) throws IOException {
		RiskList list = risks.below(id, date(at));
		String day = VnFormat.date(list.at());
		String name = "Nguy cơ thu hồi - " + list.parentName() + " - " + day.replace('/', '-') + ".xlsx";
		String ascii = ("nguy-co-thu-hoi-" + VnText.searchKey(list.parentName()) + "-" + list.at())
			.replaceAll("[^A-Za-z0-9_.-]+", "-") + ".xlsx";
		response.setContentType(SurveyPageController.XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
				+ URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
		RiskWorkbook.write(list, messages, response.getOutputStream());
	}

	/** The date asked for: dd/MM/yyyy (or ISO), today when none. */
	static LocalDate date(@Nullable String at) {
		if (at == null || at.isBlank()) {
			return VnFormat.today();
		}
		return VnFormat.parseDate(at).orElseThrow(() -> new BusinessRuleException("recognition.risk.date", at));
	}

}
