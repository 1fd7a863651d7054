package vn.ntm.funding.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ntm.funding.FundingAlert;
import vn.ntm.funding.FundingAlerts;
import vn.ntm.funding.FundingManagement;
import vn.ntm.funding.FundingViews;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.shared.Money;
import vn.ntm.shared.MoneyUnit;
import vn.ntm.shared.VnFormat;
import vn.ntm.shared.web.FormFlow;

/**
 * The funding pages: a unit's summary by source and year (chart and table), its works
 * with progress bars and alerts, a work with its allocations and payments, a province's
 * ranking; each as .xlsx too. Reading needs the unit in the user's scope (the facade
 * checks it).
 */
@Controller
class FundingPageController {

	private final FundingManagement funding;

	private final FundingAlerts alerts;

	private final UnitManagement units;

	private final FormFlow flow;

	private final MessageSource messages;

	FundingPageController(FundingManagement funding, FundingAlerts alerts, UnitManagement units, FormFlow flow,
			MessageSource messages) {
		this.funding = funding;
		this.alerts = alerts;
		this.units = units;
		this.flow = flow;
		this.messages = messages;
	}

	@GetMapping("/funding")
	String index(@RequestParam(required = false) @Nullable Long unit) {
		if (unit == null) {
			List<UnitRef> roots = units.scopeRoots(VnFormat.today());
			if (roots.isEmpty()) {
				throw new vn.ntm.shared.NotFoundException("funding.noUnit");
			}
			unit = roots.get(0).id();
		}
		return "redirect:/funding/units/" + unit;
	}

	static MoneyUnit unitFor(@Nullable String in, Money largest) {
		if (in != null) {
			return switch (in) {
				case "TY" -> MoneyUnit.TY;
				case "DONG" -> MoneyUnit.DONG;
				default -> MoneyUnit.TRIEU;
			};
		}
		return largest.compareTo(Money.of(new BigDecimal("100"), MoneyUnit.TY)) >= 0 ? MoneyUnit.TY : MoneyUnit.TRIEU;
	}

	static LocalDate at(@Nullable LocalDate at, int toYear) {
		if (at != null) {
			return at;
		}
		LocalDate today = VnFormat.today();
		LocalDate end = LocalDate.of(toYear, 12, 31);
		return today.isBefore(end) ? today : end;
	}

	@GetMapping("/funding/units/{id}")
	String summary(@PathVariable long id, @RequestParam(defaultValue = "2024") int from,
			@RequestParam(defaultValue = "2025") int to, @RequestParam(required = false) @Nullable LocalDate at,
			@RequestParam(required = false) @Nullable String in, Model model) {
		LocalDate asOf = at(at, to);
		FundingViews.Summary s = funding.summary(id, from, to, asOf);
		MoneyUnit mu = unitFor(in, s.total().planned().max(s.total().allocated()));
		model.addAttribute("s", s);
		model.addAttribute("mu", mu);
		model.addAttribute("at", asOf);
		model.addAttribute("chart", chart(s, mu));
		model.addAttribute("alerts", alerts.forUnit(id, LocalDate.now()));
		model.addAttribute("isProvince", units.details(id, VnFormat.today()).version().level() == 1);
		return "funding/summary";
	}

	/** Labels and three series (planned, allocated, disbursed) by year and source. */
	static Map<String, Object> chart(FundingViews.Summary s, MoneyUnit mu) {
		List<String> labels = new ArrayList<>();
		List<BigDecimal> planned = new ArrayList<>();
		List<BigDecimal> allocated = new ArrayList<>();
		List<BigDecimal> disbursed = new ArrayList<>();
		for (FundingViews.SummaryRow r : s.rows()) {
			labels.add(r.year() + " · " + r.source());
			planned.add(r.planned().in(mu));
			allocated.add(r.allocated().in(mu));
			disbursed.add(r.disbursed().in(mu));
		}
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("labels", labels);
		chart.put("planned", planned);
		chart.put("allocated", allocated);
		chart.put("disbursed", disbursed);
		return chart;
	}

	@GetMapping("/funding/units/{id}/works")
	String works(@PathVariable long id, @RequestParam(required = false) @Nullable LocalDate at, Model model) {
		LocalDate asOf = at == null ? VnFormat.today() : at;
		model.addAttribute("works", funding.works(id, asOf));
		model.addAttribute("unitId", id);
		model.addAttribute("unitName", funding.summary(id, asOf.getYear(), asOf.getYear(), asOf).unitName());
		model.addAttribute("at", asOf);
		model.addAttribute("mu", MoneyUnit.TRIEU);
		model.addAttribute("canEdit", funding.summary(id, asOf.getYear(), asOf.getYear(), asOf).canEdit());
		return "funding/works";
	}

	@GetMapping("/funding/works/{id}")
	String work(@PathVariable long id, @RequestParam(required = false) @Nullable LocalDate at, Model model) {
		LocalDate asOf = at == null ? VnFormat.today() : at;
		model.addAttribute("w", funding.work(id, asOf));
		model.addAttribute("sources", funding.sources());
		if (!model.containsAttribute("disbursement")) {
			model.addAttribute("disbursement", FundingForms.DisbursementForm.at(VnFormat.today()));
		}
		model.addAttribute("at", asOf);
		model.addAttribute("mu", MoneyUnit.TRIEU);
		return "funding/work";
	}

	@GetMapping("/funding/provinces/{id}/ranking")
	String ranking(@PathVariable long id, @RequestParam(defaultValue = "2024") int year,
			@RequestParam(required = false) @Nullable LocalDate at, Model model) {
		LocalDate asOf = at(at, year);
		model.addAttribute("r", funding.ranking(id, year, asOf));
		model.addAttribute("mu", MoneyUnit.TRIEU);
		return "funding/ranking";
	}

	@GetMapping("/funding/units/{id}.xlsx")
	void summaryXlsx(@PathVariable long id, @RequestParam(defaultValue = "2024") int from,
			@RequestParam(defaultValue = "2025") int to, @RequestParam(required = false) @Nullable LocalDate at,
			@RequestParam(required = false) @Nullable String in, HttpServletResponse response) throws IOException {
		FundingViews.Summary s = funding.summary(id, from, to, at(at, to));
		MoneyUnit mu = unitFor(in, s.total().planned().max(s.total().allocated()));
		attachment(response, "nguon-von-" + id + "-" + from + "-" + to + ".xlsx");
		FundingWorkbooks.summary(s, mu, messages, response.getOutputStream());
	}

	@GetMapping("/funding/units/{id}/works.xlsx")
	void worksXlsx(@PathVariable long id, @RequestParam(required = false) @Nullable LocalDate at,
			HttpServletResponse response) throws IOException {
		LocalDate asOf = at == null ? VnFormat.today() : at;
		List<FundingViews.WorkView> works = funding.works(id, asOf);
		attachment(response, "cong-trinh-" + id + ".xlsx");
		FundingWorkbooks.works(works, messages, response.getOutputStream());
	}

	@GetMapping("/funding/provinces/{id}/ranking.xlsx")
	void rankingXlsx(@PathVariable long id, @RequestParam(defaultValue = "2024") int year,
			@RequestParam(required = false) @Nullable LocalDate at, HttpServletResponse response) throws IOException {
		FundingViews.Ranking r = funding.ranking(id, year, at(at, year));
		attachment(response, "xep-hang-giai-ngan-" + id + "-" + year + ".xlsx");
		FundingWorkbooks.ranking(r, messages, response.getOutputStream());
	}

	static void attachment(HttpServletResponse response, String name) {
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
	}

	/** An alert's text in the user's language. */
	static String text(MessageSource messages, FundingAlert alert, Locale locale) {
		return messages.getMessage(alert.messageKey(), alert.args().toArray(), locale);
	}

}
