package vn.ntm.funding.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;
import vn.ntm.audit.AuditLog;
import vn.ntm.audit.AuditRecord;
import vn.ntm.funding.FundingManagement;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.security.SystemTask;
import vn.ntm.shared.Money;
import vn.ntm.shared.StartupTask;

/**
 * Loads once (each step recorded in {@code funding_seed_step}, all or nothing): the
 * budgets the seed plans state ({@code funding/seed.yaml}), and — with the demo data on —
 * works and plans that illustrate each money rule, every one marked "Ví dụ minh họa":
 * they are not official figures.
 */
@Component
class FundingSeed extends StartupTask {

	/** After the seed module's start-up data, before the web server opens its port. */
	static final int PHASE = StartupTask.WEB_SERVER - 5;

	static final String DOCUMENTS = "documents";

	static final String DEMO = "demo";

	static final String ILLUSTRATION = "Ví dụ minh họa — ";

	private static final Logger log = LoggerFactory.getLogger(FundingSeed.class);

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private final FundingService service;

	private final FundingStore store;

	private final UnitManagement units;

	private final TransactionTemplate tx;

	private final AuditLog audit;

	private final boolean demo;

	FundingSeed(FundingService service, FundingStore store, UnitManagement units, TransactionTemplate tx,
			AuditLog audit, @Value("${ntm.seed.demo:${ntm.embedded-db.active:false}}") boolean demo) {
		super(PHASE);
		this.service = service;
		this.store = store;
		this.units = units;
		this.tx = tx;
		this.audit = audit;
		this.demo = demo;
	}

	record File(List<Document> documents) {
	}

	record Document(String code, String unit, LocalDate at, @Nullable LocalDate issued, String title, String reference,
			List<Line> lines, List<Total> totals) {
	}

	record Line(int year, String source, String amount, @Nullable String wording) {
	}

	record Total(@Nullable Integer year, @Nullable String source, String stated, String wording) {
	}

	@Override
	protected void run() {
		long started = System.nanoTime();
		SystemTask.run(() -> {
			step(DOCUMENTS, this::loadDocuments);
			if (demo) {
				step(DEMO, this::loadDemo);
			}
		});
		log.info("Funding seed checked in {} ms", (System.nanoTime() - started) / 1_000_000);
	}

	private void step(String name, Runnable work) {
		tx.executeWithoutResult(status -> {
			if (!store.stepDone(name)) {
				work.run();
				store.markStep(name);
			}
		});
	}

	void loadDocuments() {
		File file;
		try (InputStream in = new ClassPathResource("funding/seed.yaml").getInputStream()) {
			file = YAML.readValue(in, File.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		for (Document d : file.documents()) {
			UnitRef unit = unit(d.unit(), d.at());
			long id = store.insertDocument(d.code(), unit.id(), d.title(), d.issued(), d.reference());
			// the document's lines straight into the table (one audit row for the
			// document): fast at start-up
			for (Line line : d.lines()) {
				store.insertTransaction(
						new FundingManagement.NewTransaction(unit.id(), line.year(), line.source(), "PLAN",
								amount(line.amount()), d.title(), d.issued(), null, null, null, line.wording()),
						id, null, false, SystemTask.ACTOR);
			}
			audit.record(AuditRecord.created("funding_document", id, d.title(),
					"Nạp kế hoạch vốn theo văn bản: " + d.title() + " (" + d.lines().size() + " dòng)", d));
			for (Total total : d.totals()) {
				store.insertStatedTotal(id, total.year(), total.source(), amount(total.stated()), total.wording());
			}
		}
		log.info("Funding: {} seed documents loaded", file.documents().size());
	}

	private static Money amount(String text) {
		return Money.parse(text).orElseThrow(() -> new IllegalStateException("Not an amount: " + text));
	}

	private UnitRef unit(String code, LocalDate at) {
		return units.findByCode(code, at)
			.orElseThrow(() -> new IllegalStateException("Seed unit " + code + " missing at " + at));
	}

	/**
	 * One example of each rule, in Tam Thanh, Tam Phú (Tam Kỳ, Quảng Nam) and a village
	 * of Tam Thanh.
	 */
	void loadDemo() {
		LocalDate at = LocalDate.of(2024, 6, 30);
		long tamThanh = unit("20359", at).id();
		long tamPhu = unit("20362", at).id();
		// capital assigned by decision, partly not assigned to works by 28/02
		// (NOT_ASSIGNED_TO_WORKS)
		tx(tamThanh, 2024, "NST", "ASSIGN", "2.000", "QĐ giao vốn (minh họa) ngày 15/01/2024", d(2024, 1, 15), null,
				null, null);
		// carry-over from 2023, not fully disbursed before 09/2024
		// (CARRY_OVER_NOT_DISBURSED)
		tx(tamThanh, 2024, "NSTW_DTPT", "CARRY_IN", "300", "Chuyển nguồn vốn 2023 (minh họa)", d(2024, 1, 10), 2023,
				d(2024, 8, 31), null);
		// support norms: 1,2 tỷ against 1,5 tỷ for nâng cao; 500 triệu maintenance (meets
		// the norm) then 400
		// triệu in 2025; 1,8 tỷ against 2 tỷ for kiểu mẫu; 150 triệu counterpart for a
		// model village
		tx(tamThanh, 2024, "NST", "ASSIGN", "1.200", "Hỗ trợ xã phấn đấu NTM nâng cao (minh họa)", d(2024, 2, 5), null,
				null, "NANG_CAO");
		tx(tamThanh, 2024, "NSTW_SN", "ASSIGN", "500", "Kinh phí duy trì chuẩn 2024 (minh họa)", d(2024, 2, 5), null,
				null, "MAINTENANCE");
		tx(tamThanh, 2025, "NSTW_SN", "ASSIGN", "400", "Kinh phí duy trì chuẩn 2025 (minh họa)", d(2025, 1, 20), null,
				null, "MAINTENANCE");
		tx(tamPhu, 2024, "NST", "ASSIGN", "1.800", "Hỗ trợ xã phấn đấu NTM kiểu mẫu (minh họa)", d(2024, 2, 5), null,
				null, "KIEU_MAU");
		units.children(tamThanh, at)
			.stream()
			.filter(u -> u.level() == 4)
			.findFirst()
			.ifPresent(village -> tx(village.id(), 2024, "NSX", "ASSIGN", "150",
					"Đối ứng xây dựng thôn NTM kiểu mẫu (minh họa)", d(2024, 3, 1), null, null, "MODEL_VILLAGE"));

		// ZERO_AT_MID_YEAR and BELOW_FULL_AT_YEAR_END
		long a = work(tamThanh, "Đường giao thông thôn Hòa Hạ", "MH-2024-01", "2", "1.000", d(2024, 1, 20),
				d(2024, 3, 15));
		alloc(a, 2024, "NST", "500", d(2024, 1, 20));
		pay(a, d(2024, 8, 10), 2024, "NST", "200");
		// BELOW_HALF_AT_MID_YEAR and CONTRACTOR_LATE
		long b = work(tamThanh, "Nhà văn hóa thôn Tỉnh Thủy", "MH-2024-02", "6", "1.200", d(2024, 2, 10),
				d(2024, 4, 20));
		alloc(b, 2024, "NSTW_DTPT", "1.000", d(2024, 2, 10));
		pay(b, d(2024, 5, 20), 2024, "NSTW_DTPT", "300");
		pay(b, d(2024, 11, 30), 2024, "NSTW_DTPT", "700");
		// carried 2023 money, paid only in part by the deadline
		long c = work(tamThanh, "Kênh mương nội đồng Hòa Trung", "MH-2023-01", "3", "400", d(2023, 4, 1),
				d(2023, 5, 10));
		alloc(c, 2023, "NSTW_DTPT", "300", d(2023, 4, 1));
		pay(c, d(2024, 5, 10), 2023, "NSTW_DTPT", "100");
		// SETTLEMENT_OVERDUE and CONSTRUCTION_DEBT: completed 2022, never settled
		long w = work(tamThanh, "Trường mẫu giáo điểm Hòa Thượng", "MH-2021-01", "5", "1.000", d(2021, 5, 10),
				d(2021, 6, 1));
		alloc(w, 2021, "NSTW_DTPT", "800", d(2021, 5, 10));
		alloc(w, 2021, "NSX", "200", d(2021, 5, 10));
		pay(w, d(2021, 9, 1), 2021, "NSTW_DTPT", "600");
		pay(w, d(2021, 9, 1), 2021, "NSX", "100");
		service.progress(w, new FundingManagement.WorkProgress(d(2021, 6, 1), d(2022, 12, 20), null, null, 0));
		// COUNTERPART_BEHIND: the province's share paid at 75 %, the commune's at 20 %
		long e = work(tamThanh, "Sân thể thao xã", "MH-2024-03", "6", "500", d(2024, 1, 25), d(2024, 3, 20));
		alloc(e, 2024, "NST", "400", d(2024, 1, 25));
		alloc(e, 2024, "NSX", "100", d(2024, 1, 25));
		pay(e, d(2024, 6, 10), 2024, "NST", "300");
		pay(e, d(2024, 6, 15), 2024, "NSX", "20");
		// reallocation asked after 10/10 and done after 15/11
		service.requestReallocation(
				new FundingManagement.NewRequest(tamThanh, 2024, "NST", Money.of("200", vn.ntm.shared.MoneyUnit.TRIEU),
						d(2024, 10, 25), ILLUSTRATION + "đề nghị điều chuyển vốn không giải ngân được"),
				true);
		long request = store.requests(List.of(tamThanh), java.util.Map.of(), java.util.Map.of())
			.stream()
			.mapToLong(r -> r.id())
			.max()
			.orElseThrow();
		store.completeRequest(request, d(2024, 11, 28));
		log.info("Funding: demo works and plans (Ví dụ minh họa) loaded");
	}

	private void tx(long unit, int year, String source, String kind, String millions, String decision,
			LocalDate decidedOn, @Nullable Integer fromYear, @Nullable LocalDate deadline, @Nullable String purpose) {
		service.recordTransaction(new FundingManagement.NewTransaction(unit, year, source, kind, millions(millions),
				ILLUSTRATION + decision, decidedOn, fromYear, deadline, purpose,
				"Ví dụ minh họa, không phải số liệu chính thức"), null, true);
	}

	private long work(long unit, String name, String code, String criterion, String total, LocalDate allocatedOn,
			LocalDate contractorOn) {
		return service
			.createWork(new FundingManagement.NewWork(unit, ILLUSTRATION + name, "UBND xã (minh họa)", code, criterion,
					millions(total), null, allocatedOn, contractorOn, "Ví dụ minh họa, không phải số liệu chính thức"),
					true);
	}

	private void alloc(long work, int year, String source, String millions, LocalDate on) {
		service.allocate(work, new FundingManagement.NewAllocation(year, source, millions(millions),
				ILLUSTRATION + "quyết định phân bổ", on));
	}

	private void pay(long work, LocalDate on, int year, String source, String millions) {
		service.disburse(work,
				new FundingManagement.NewDisbursement(on, year, source, millions(millions), "Ví dụ minh họa"));
	}

	private static Money millions(String text) {
		return Money.of(text, vn.ntm.shared.MoneyUnit.TRIEU);
	}

	private static LocalDate d(int y, int m, int day) {
		return LocalDate.of(y, m, day);
	}

}
