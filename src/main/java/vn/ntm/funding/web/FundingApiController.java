package vn.ntm.funding.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.ntm.funding.ConstructionDebt;
import vn.ntm.funding.FundingAlert;
import vn.ntm.funding.FundingAlerts;
import vn.ntm.funding.FundingManagement;
import vn.ntm.funding.FundingSource;
import vn.ntm.funding.FundingViews;
import vn.ntm.funding.RuleSetting;
import vn.ntm.shared.VnFormat;

/**
 * The funding API ({@code /api/v1/funding}): amounts are exact numbers of đồng (a
 * {@code Money} serialises as {@code {"dong": 1307608000000}}); the facade checks scope
 * and permission on every call.
 */
@RestController
@RequestMapping("/api/v1/funding")
class FundingApiController {

	private final FundingManagement funding;

	private final FundingAlerts alerts;

	FundingApiController(FundingManagement funding, FundingAlerts alerts) {
		this.funding = funding;
		this.alerts = alerts;
	}

	@GetMapping("/sources")
	List<FundingSource> sources() {
		return funding.sources();
	}

	@GetMapping("/units/{id}/summary")
	FundingViews.Summary summary(@PathVariable long id, @RequestParam(defaultValue = "2024") int from,
			@RequestParam(defaultValue = "2025") int to, @RequestParam(required = false) @Nullable LocalDate at) {
		return funding.summary(id, from, to, FundingPageController.at(at, to));
	}

	@GetMapping("/units/{id}/works")
	List<FundingViews.WorkView> works(@PathVariable long id, @RequestParam(required = false) @Nullable LocalDate at) {
		return funding.works(id, at == null ? VnFormat.today() : at);
	}

	@GetMapping("/units/{id}/alerts")
	List<FundingAlert> alerts(@PathVariable long id, @RequestParam(required = false) @Nullable LocalDate at) {
		return alerts.forUnit(id, at == null ? VnFormat.today() : at);
	}

	@GetMapping("/units/{id}/debt")
	ConstructionDebt debt(@PathVariable long id, @RequestParam(required = false) @Nullable LocalDate at) {
		return alerts.constructionDebt(id, at == null ? VnFormat.today() : at);
	}

	@GetMapping("/units/{id}/reallocation-requests")
	List<FundingViews.RequestView> requests(@PathVariable long id) {
		return funding.requests(id);
	}

	@GetMapping("/works/{id}")
	FundingViews.WorkDetail work(@PathVariable long id, @RequestParam(required = false) @Nullable LocalDate at) {
		return funding.work(id, at == null ? VnFormat.today() : at);
	}

	@PostMapping("/works")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Long> createWork(@RequestBody FundingManagement.NewWork work) {
		return Map.of("id", funding.createWork(work));
	}

	@PostMapping("/works/{id}/allocations")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Long> allocate(@PathVariable long id, @RequestBody FundingManagement.NewAllocation allocation) {
		return Map.of("id", funding.allocate(id, allocation));
	}

	@PostMapping("/works/{id}/disbursements")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Long> disburse(@PathVariable long id, @RequestBody FundingManagement.NewDisbursement disbursement) {
		return Map.of("id", funding.disburse(id, disbursement));
	}

	@PutMapping("/works/{id}/progress")
	void progress(@PathVariable long id, @RequestBody FundingManagement.WorkProgress progress) {
		funding.progress(id, progress);
	}

	@PostMapping("/transactions")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Long> transaction(@RequestBody FundingManagement.NewTransaction transaction) {
		return Map.of("id", funding.recordTransaction(transaction));
	}

	@PostMapping("/transfers")
	@ResponseStatus(HttpStatus.CREATED)
	void transfer(@RequestBody FundingManagement.Transfer transfer) {
		funding.transfer(transfer);
	}

	@PostMapping("/reallocation-requests")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Long> request(@RequestBody FundingManagement.NewRequest request) {
		return Map.of("id", funding.requestReallocation(request));
	}

	@GetMapping("/provinces/{id}/ranking")
	FundingViews.Ranking ranking(@PathVariable long id, @RequestParam(defaultValue = "2024") int year,
			@RequestParam(required = false) @Nullable LocalDate at) {
		return funding.ranking(id, year, FundingPageController.at(at, year));
	}

	@GetMapping("/provinces/{id}/rules")
	List<RuleSetting> rules(@PathVariable long id, @RequestParam int year) {
		return funding.settings(id, year);
	}

	@PutMapping("/provinces/{id}/rules")
	void saveRule(@PathVariable long id, @RequestParam(required = false) @Nullable Integer year,
			@RequestBody RuleSetting setting) {
		funding.saveSetting(id, year, setting);
	}

}
