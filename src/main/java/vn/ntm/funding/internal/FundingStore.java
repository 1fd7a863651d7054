package vn.ntm.funding.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.ntm.funding.FundingManagement;
import vn.ntm.funding.FundingRule;
import vn.ntm.funding.FundingSource;
import vn.ntm.funding.FundingViews;
import vn.ntm.funding.RuleSetting;
import vn.ntm.shared.Money;

/** The funding tables, in plain SQL. */
@Repository
class FundingStore {

	private final JdbcClient jdbc;

	FundingStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<FundingSource> sources() {
		return jdbc.sql("select * from funding_source order by sort_order")
			.query((rs, n) -> new FundingSource(rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
					rs.getString("level"), rs.getInt("sort_order"), date(rs, "valid_to"), rs.getBoolean("active")))
			.list();
	}

	// ---- capital transactions

	long insertTransaction(FundingManagement.NewTransaction t, @Nullable Long documentId, @Nullable UUID group,
			boolean illustration, String by) {
		return jdbc.sql("""
				insert into capital_transaction (unit_id, year, source_code, kind, amount, decision, decided_on,
				    document_id, from_year, deadline, transfer_group, purpose, note, illustration, recorded_by)
				values (:unit, :year, :source, :kind, :amount, :decision, :decidedOn, :document, :fromYear, :deadline,
				    :group, :purpose, :note, :illustration, :by)
				returning id
				""")
			.param("unit", t.unitId())
			.param("year", t.year())
			.param("source", t.source())
			.param("kind", t.kind())
			.param("amount", t.amount().dong())
			.param("decision", t.decision())
			.param("decidedOn", t.decidedOn())
			.param("document", documentId)
			.param("fromYear", t.fromYear())
			.param("deadline", t.deadline())
			.param("group", group)
			.param("purpose", t.purpose())
			.param("note", t.note())
			.param("illustration", illustration)
			.param("by", by)
			.query(Long.class)
			.single();
	}

	List<FundingViews.TransactionView> transactions(long unitId, Map<String, String> names) {
		return jdbc
			.sql("""
					select * from capital_transaction where unit_id = :unit order by year, coalesce(decided_on, '1900-01-01'), id
					""")
			.param("unit", unitId)
			.query((rs, n) -> {
				String source = rs.getString("source_code");
				return new FundingViews.TransactionView(rs.getLong("id"), rs.getInt("year"), source,
						names.getOrDefault(source, source), rs.getString("kind"), money(rs, "amount"),
						rs.getString("decision"), date(rs, "decided_on"), (Integer) rs.getObject("from_year"),
						date(rs, "deadline"), rs.getString("purpose"), rs.getString("note"),
						rs.getBoolean("illustration"), rs.getString("recorded_by"));
			})
			.list();
	}

	/** Transactions of the units as rule facts (signed amounts). */
	List<Facts.Tx> txFacts(Collection<Long> unitIds, Map<Long, String> names, Map<Long, Integer> levels) {
		if (unitIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select * from capital_transaction where unit_id = any(:units) order by id")
			.param("units", unitIds.toArray(Long[]::new))
			.query((rs, n) -> {
				long unit = rs.getLong("unit_id");
				String kind = rs.getString("kind");
				Money amount = money(rs, "amount");
				if (kind.equals("CUT") || kind.equals("TRANSFER_OUT")) {
					amount = amount.negate();
				}
				return new Facts.Tx(unit, names.getOrDefault(unit, "#" + unit), levels.getOrDefault(unit, 3),
						rs.getInt("year"), rs.getString("source_code"), kind, amount, date(rs, "decided_on"),
						(Integer) rs.getObject("from_year"), date(rs, "deadline"), rs.getString("purpose"),
						rs.getBoolean("illustration"));
			})
			.list();
	}

	// ---- documents

	long insertDocument(String code, long unitId, String title, @Nullable LocalDate issuedOn, String reference) {
		return jdbc.sql("""
				insert into funding_document (code, unit_id, title, issued_on, reference)
				values (:code, :unit, :title, :issued, :reference) returning id
				""")
			.param("code", code)
			.param("unit", unitId)
			.param("title", title)
			.param("issued", issuedOn)
			.param("reference", reference)
			.query(Long.class)
			.single();
	}

	void insertStatedTotal(long documentId, @Nullable Integer year, @Nullable String source, Money stated,
			String wording) {
		jdbc.sql("""
				insert into funding_document_total (document_id, year, source_code, stated, wording)
				values (:doc, :year, :source, :stated, :wording)
				""")
			.param("doc", documentId)
			.param("year", year)
			.param("source", source)
			.param("stated", stated.dong())
			.param("wording", wording)
			.update();
	}

	List<FundingViews.DocumentView> documents(long unitId) {
		record Doc(long id, String code, String title, String reference, @Nullable LocalDate issued) {
		}
		List<Doc> docs = jdbc.sql("select * from funding_document where unit_id = :unit order by id")
			.param("unit", unitId)
			.query((rs, n) -> new Doc(rs.getLong("id"), rs.getString("code"), rs.getString("title"),
					rs.getString("reference"), date(rs, "issued_on")))
			.list();
		List<FundingViews.DocumentView> views = new ArrayList<>();
		for (Doc d : docs) {
			List<FundingViews.StatedTotal> totals = jdbc.sql("""
					select t.year, t.source_code, t.wording, t.stated,
					       (select coalesce(sum(c.amount), 0) from capital_transaction c
					         where c.document_id = t.document_id
					           and (t.year is null or c.year = t.year)
					           and (t.source_code is null or c.source_code = t.source_code)) as computed
					from funding_document_total t where t.document_id = :doc order by t.id
					""")
				.param("doc", d.id())
				.query((rs, n) -> new FundingViews.StatedTotal((Integer) rs.getObject("year"),
						rs.getString("source_code"), rs.getString("wording"), money(rs, "stated"),
						money(rs, "computed")))
				.list();
			views.add(new FundingViews.DocumentView(d.id(), d.code(), d.title(), d.reference(), d.issued(), totals));
		}
		return views;
	}

	// ---- works

	long insertWork(FundingManagement.NewWork w, boolean illustration, String by) {
		return jdbc
			.sql("""
					insert into funding_work (unit_id, name, investor, project_code, criterion, total_investment,
					    counterpart_required, allocated_on, contractor_selected_on, illustration, note, created_by, updated_by)
					values (:unit, :name, :investor, :code, :criterion, :total, :counterpart, :allocatedOn, :contractorOn,
					    :illustration, :note, :by, :by)
					returning id
					""")
			.param("unit", w.unitId())
			.param("name", w.name())
			.param("investor", w.investor())
			.param("code", w.projectCode())
			.param("criterion", w.criterion())
			.param("total", w.totalInvestment() == null ? null : w.totalInvestment().dong())
			.param("counterpart", w.counterpartRequired() == null ? null : w.counterpartRequired().dong())
			.param("allocatedOn", w.allocatedOn())
			.param("contractorOn", w.contractorOn())
			.param("illustration", illustration)
			.param("note", w.note())
			.param("by", by)
			.query(Long.class)
			.single();
	}

	boolean projectCodeTaken(String code) {
		return jdbc.sql("select exists(select 1 from funding_work where project_code = :code)")
			.param("code", code)
			.query(Boolean.class)
			.single();
	}

	record WorkRow(long id, long unitId, String name, @Nullable String investor, @Nullable String projectCode,
			@Nullable String criterion, @Nullable Money totalInvestment, @Nullable Money counterpartRequired,
			@Nullable LocalDate allocatedOn, @Nullable LocalDate contractorOn, @Nullable LocalDate completedOn,
			@Nullable LocalDate settledOn, @Nullable Money settlementAmount, boolean illustration,
			@Nullable String note, int version, String updatedBy, java.time.Instant updatedAt,
			@Nullable String settlementDecision) {
	}

	private static WorkRow workRow(ResultSet rs) throws SQLException {
		return new WorkRow(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("name"), rs.getString("investor"),
				rs.getString("project_code"), rs.getString("criterion"), moneyOrNull(rs, "total_investment"),
				moneyOrNull(rs, "counterpart_required"), date(rs, "allocated_on"), date(rs, "contractor_selected_on"),
				date(rs, "completed_on"), date(rs, "settled_on"), moneyOrNull(rs, "settlement_amount"),
				rs.getBoolean("illustration"), rs.getString("note"), rs.getInt("version"), rs.getString("updated_by"),
				rs.getTimestamp("updated_at").toInstant(), rs.getString("settlement_decision"));
	}

	Optional<WorkRow> work(long id) {
		return jdbc.sql("select * from funding_work where id = :id")
			.param("id", id)
			.query((rs, n) -> workRow(rs))
			.optional();
	}

	/** The work, locked until the end of the transaction: one payment at a time. */
	Optional<WorkRow> lockWork(long id) {
		return jdbc.sql("select * from funding_work where id = :id for update")
			.param("id", id)
			.query((rs, n) -> workRow(rs))
			.optional();
	}

	List<WorkRow> worksOf(Collection<Long> unitIds) {
		if (unitIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select * from funding_work where unit_id = any(:units) order by unit_id, name, id")
			.param("units", unitIds.toArray(Long[]::new))
			.query((rs, n) -> workRow(rs))
			.list();
	}

	long insertAllocation(long workId, FundingManagement.NewAllocation a, String by) {
		return jdbc.sql("""
				insert into work_allocation (work_id, year, source_code, amount, decision, decided_on, recorded_by)
				values (:work, :year, :source, :amount, :decision, :decidedOn, :by) returning id
				""")
			.param("work", workId)
			.param("year", a.year())
			.param("source", a.source())
			.param("amount", a.amount().dong())
			.param("decision", a.decision())
			.param("decidedOn", a.decidedOn())
			.param("by", by)
			.query(Long.class)
			.single();
	}

	long insertDisbursement(long workId, FundingManagement.NewDisbursement d, String by) {
		return jdbc.sql("""
				insert into disbursement (work_id, paid_on, year, source_code, amount, note, recorded_by)
				values (:work, :paidOn, :year, :source, :amount, :note, :by) returning id
				""")
			.param("work", workId)
			.param("paidOn", d.paidOn())
			.param("year", d.year())
			.param("source", d.source())
			.param("amount", d.amount().dong())
			.param("note", d.note())
			.param("by", by)
			.query(Long.class)
			.single();
	}

	Money allocatedTo(long workId, int year, String source) {
		return new Money(jdbc.sql("""
				select coalesce(sum(amount), 0) from work_allocation
				where work_id = :work and year = :year and source_code = :source
				""")
			.param("work", workId)
			.param("year", year)
			.param("source", source)
			.query(BigDecimal.class)
			.single());
	}

	Money paidTo(long workId, int year, String source) {
		return new Money(jdbc.sql("""
				select coalesce(sum(amount), 0) from disbursement
				where work_id = :work and year = :year and source_code = :source
				""")
			.param("work", workId)
			.param("year", year)
			.param("source", source)
			.query(BigDecimal.class)
			.single());
	}

	List<FundingViews.AllocationView> allocations(long workId, Map<String, String> names) {
		return jdbc.sql("select * from work_allocation where work_id = :work order by year, decided_on, id")
			.param("work", workId)
			.query((rs, n) -> new FundingViews.AllocationView(rs.getLong("id"), rs.getInt("year"),
					rs.getString("source_code"), names.getOrDefault(rs.getString("source_code"), ""),
					money(rs, "amount"), rs.getString("decision"), date(rs, "decided_on"), rs.getString("recorded_by")))
			.list();
	}

	List<FundingViews.DisbursementView> disbursements(long workId, Map<String, String> names) {
		return jdbc.sql("select * from disbursement where work_id = :work order by paid_on, id")
			.param("work", workId)
			.query((rs, n) -> new FundingViews.DisbursementView(rs.getLong("id"), date(rs, "paid_on"),
					rs.getInt("year"), rs.getString("source_code"), names.getOrDefault(rs.getString("source_code"), ""),
					money(rs, "amount"), rs.getString("note"), rs.getString("recorded_by")))
			.list();
	}

	/** Allocations and payments of the works, as rule facts, by work. */
	Map<Long, List<Facts.Alloc>> allocFacts(Collection<Long> workIds, Map<String, String> levels) {
		Map<Long, List<Facts.Alloc>> out = new HashMap<>();
		if (workIds.isEmpty()) {
			return out;
		}
		jdbc.sql("select * from work_allocation where work_id = any(:ids) order by id")
			.param("ids", workIds.toArray(Long[]::new))
			.query(rs -> {
				String source = rs.getString("source_code");
				out.computeIfAbsent(rs.getLong("work_id"), k -> new ArrayList<>())
					.add(new Facts.Alloc(rs.getInt("year"), source, levels.getOrDefault(source, "OTHER"),
							money(rs, "amount"), date(rs, "decided_on")));
			});
		return out;
	}

	Map<Long, List<Facts.Pay>> payFacts(Collection<Long> workIds, Map<String, String> levels) {
		Map<Long, List<Facts.Pay>> out = new HashMap<>();
		if (workIds.isEmpty()) {
			return out;
		}
		jdbc.sql("select * from disbursement where work_id = any(:ids) order by id")
			.param("ids", workIds.toArray(Long[]::new))
			.query(rs -> {
				String source = rs.getString("source_code");
				out.computeIfAbsent(rs.getLong("work_id"), k -> new ArrayList<>())
					.add(new Facts.Pay(date(rs, "paid_on"), rs.getInt("year"), source,
							levels.getOrDefault(source, "OTHER"), money(rs, "amount")));
			});
		return out;
	}

	int updateProgress(long workId, FundingManagement.WorkProgress p, String by) {
		return jdbc.sql("""
				update funding_work set contractor_selected_on = :contractorOn, completed_on = :completedOn,
				    settled_on = :settledOn, settlement_amount = :settlement, settlement_decision = :decision,
				    version = version + 1, updated_by = :by, updated_at = now()
				where id = :id and version = :version
				""")
			.param("decision", p.settlementDecision())
			.param("contractorOn", p.contractorOn())
			.param("completedOn", p.completedOn())
			.param("settledOn", p.settledOn())
			.param("settlement", p.settlementAmount() == null ? null : p.settlementAmount().dong())
			.param("by", by)
			.param("id", workId)
			.param("version", p.version())
			.update();
	}

	/** A work's facts corrected, when it is still at {@code version}: 1 row, else 0. */
	int updateWork(long workId, FundingManagement.WorkEdit w, String by) {
		return jdbc
			.sql("""
					update funding_work set name = :name, investor = :investor, project_code = :code, criterion = :criterion,
					    total_investment = :total, counterpart_required = :counterpart, allocated_on = :allocatedOn,
					    contractor_selected_on = :contractorOn, note = :note, version = version + 1, updated_by = :by,
					    updated_at = now()
					where id = :id and version = :version
					""")
			.param("name", w.name())
			.param("investor", w.investor())
			.param("code", w.projectCode())
			.param("criterion", w.criterion())
			.param("total", w.totalInvestment() == null ? null : w.totalInvestment().dong())
			.param("counterpart", w.counterpartRequired() == null ? null : w.counterpartRequired().dong())
			.param("allocatedOn", w.allocatedOn())
			.param("contractorOn", w.contractorOn())
			.param("note", w.note())
			.param("by", by)
			.param("id", workId)
			.param("version", w.version())
			.update();
	}

	boolean projectCodeTakenByOther(String code, long workId) {
		return jdbc.sql("select exists(select 1 from funding_work where project_code = :code and id <> :id)")
			.param("code", code)
			.param("id", workId)
			.query(Boolean.class)
			.single();
	}

	// ---- reallocation requests

	long insertRequest(FundingManagement.NewRequest r, boolean illustration, String by) {
		return jdbc.sql("""
				insert into reallocation_request (unit_id, year, source_code, amount, requested_on, note, illustration,
				    recorded_by)
				values (:unit, :year, :source, :amount, :requestedOn, :note, :illustration, :by) returning id
				""")
			.param("unit", r.unitId())
			.param("year", r.year())
			.param("source", r.source())
			.param("amount", r.amount().dong())
			.param("requestedOn", r.requestedOn())
			.param("note", r.note())
			.param("illustration", illustration)
			.param("by", by)
			.query(Long.class)
			.single();
	}

	void completeRequest(long id, LocalDate completedOn) {
		jdbc.sql("update reallocation_request set completed_on = :on where id = :id")
			.param("on", completedOn)
			.param("id", id)
			.update();
	}

	List<FundingViews.RequestView> requests(Collection<Long> unitIds, Map<Long, String> unitNames,
			Map<String, String> names) {
		if (unitIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select * from reallocation_request where unit_id = any(:units) order by requested_on, id")
			.param("units", unitIds.toArray(Long[]::new))
			.query((rs, n) -> new FundingViews.RequestView(rs.getLong("id"), rs.getLong("unit_id"),
					unitNames.getOrDefault(rs.getLong("unit_id"), ""), rs.getInt("year"), rs.getString("source_code"),
					names.getOrDefault(rs.getString("source_code"), ""), money(rs, "amount"), date(rs, "requested_on"),
					date(rs, "completed_on"), rs.getString("note"), rs.getBoolean("illustration")))
			.list();
	}

	// ---- moves after reorganization

	int moveUnit(String table, long from, long to) {
		return jdbc.sql("update " + table + " set unit_id = :to where unit_id = :from")
			.param("to", to)
			.param("from", from)
			.update();
	}

	List<Long> idsOf(String table, long unitId) {
		return jdbc.sql("select id from " + table + " where unit_id = :unit order by id")
			.param("unit", unitId)
			.query(Long.class)
			.list();
	}

	void insertMove(String what, @Nullable Long recordId, long from, long to, LocalDate effective, long event) {
		jdbc.sql("""
				insert into funding_unit_move (what, record_id, from_unit_id, to_unit_id, effective_date, lineage_event)
				values (:what, :record, :from, :to, :effective, :event)
				""")
			.param("what", what)
			.param("record", recordId)
			.param("from", from)
			.param("to", to)
			.param("effective", effective)
			.param("event", event)
			.update();
	}

	record Move(String what, long from, long to, LocalDate effective) {
	}

	List<Move> movesOf(String what, long recordId) {
		return jdbc.sql("""
				select what, from_unit_id, to_unit_id, effective_date from funding_unit_move
				where what = :what and record_id = :id order by effective_date, id
				""")
			.param("what", what)
			.param("id", recordId)
			.query((rs, n) -> new Move(rs.getString(1), rs.getLong(2), rs.getLong(3), date(rs, "effective_date")))
			.list();
	}

	// ---- rule settings

	/** The rows for the province (or every province) and the year (or every year). */
	List<RuleSetting> settingRows(FundingRule rule, @Nullable Long provinceId, int year) {
		return jdbc
			.sql("""
					select * from funding_rule_setting
					where rule = :rule and (province_id is null or province_id = :province) and (year is null or year = :year)
					order by (province_id is not null) desc, (year is not null) desc
					""")
			.param("rule", rule.name())
			.param("province", provinceId == null ? -1L : provinceId)
			.param("year", year)
			.query((rs, n) -> new RuleSetting(rule, rs.getBoolean("enabled"), (Integer) rs.getObject("month"),
					(Integer) rs.getObject("day"), rs.getBigDecimal("percent"), (Integer) rs.getObject("years"),
					rs.getBigDecimal("amount")))
			.list();
	}

	void upsertSetting(long provinceId, @Nullable Integer year, RuleSetting s, String by) {
		jdbc.sql(
				"""
						insert into funding_rule_setting (rule, province_id, year, enabled, month, day, percent, years, amount,
						    updated_by, version)
						values (:rule, :province, :year, :enabled, :month, :day, :percent, :years, :amount, :by, 1)
						on conflict (rule, coalesce(province_id, 0), coalesce(year, 0)) do update set enabled = excluded.enabled,
						    month = excluded.month, day = excluded.day, percent = excluded.percent, years = excluded.years,
						    amount = excluded.amount, updated_by = excluded.updated_by, updated_at = now(),
						    version = funding_rule_setting.version + 1
						""")
			.param("rule", s.rule().name())
			.param("province", provinceId)
			.param("year", year)
			.param("enabled", s.enabled())
			.param("month", s.month())
			.param("day", s.day())
			.param("percent", s.percent())
			.param("years", s.years())
			.param("amount", s.amount())
			.param("by", by)
			.update();
	}

	record OwnSetting(RuleSetting setting, int version) {
	}

	/**
	 * The province's own row of a rule for the year (every year when {@code year} is
	 * null), with its version.
	 */
	Optional<OwnSetting> ownSetting(FundingRule rule, long provinceId, @Nullable Integer year) {
		return jdbc.sql("""
				select * from funding_rule_setting
				where rule = :rule and province_id = :province and coalesce(year, 0) = :year
				""")
			.param("rule", rule.name())
			.param("province", provinceId)
			.param("year", year == null ? 0 : year)
			.query((rs,
					n) -> new OwnSetting(new RuleSetting(rule, rs.getBoolean("enabled"),
							(Integer) rs.getObject("month"), (Integer) rs.getObject("day"), rs.getBigDecimal("percent"),
							(Integer) rs.getObject("years"), rs.getBigDecimal("amount")), rs.getInt("version")))
			.optional();
	}

	record Changed(String by, java.time.Instant at) {
	}

	/** Who last saved the province's row of a rule, and when. */
	Optional<Changed> settingChanged(FundingRule rule, long provinceId, @Nullable Integer year) {
		return jdbc.sql("""
				select updated_by, updated_at from funding_rule_setting
				where rule = :rule and province_id = :province and coalesce(year, 0) = :year
				""")
			.param("rule", rule.name())
			.param("province", provinceId)
			.param("year", year == null ? 0 : year)
			.query((rs, n) -> new Changed(rs.getString(1), rs.getTimestamp(2).toInstant()))
			.optional();
	}

	/**
	 * Writes the province's row of a rule if it is still at {@code expectedVersion} (0:
	 * none yet): 1 row, else 0 (someone else saved it first).
	 */
	int saveSetting(long provinceId, @Nullable Integer year, RuleSetting s, int expectedVersion, String by) {
		if (expectedVersion == 0) {
			return jdbc
				.sql("""
						insert into funding_rule_setting (rule, province_id, year, enabled, month, day, percent, years, amount,
						    updated_by, version)
						values (:rule, :province, :year, :enabled, :month, :day, :percent, :years, :amount, :by, 1)
						on conflict (rule, coalesce(province_id, 0), coalesce(year, 0)) do nothing
						""")
				.param("rule", s.rule().name())
				.param("province", provinceId)
				.param("year", year)
				.param("enabled", s.enabled())
				.param("month", s.month())
				.param("day", s.day())
				.param("percent", s.percent())
				.param("years", s.years())
				.param("amount", s.amount())
				.param("by", by)
				.update();
		}
		return jdbc.sql("""
				update funding_rule_setting set enabled = :enabled, month = :month, day = :day, percent = :percent,
				    years = :years, amount = :amount, updated_by = :by, updated_at = now(), version = version + 1
				where rule = :rule and province_id = :province and coalesce(year, 0) = :year and version = :version
				""")
			.param("rule", s.rule().name())
			.param("province", provinceId)
			.param("year", year == null ? 0 : year)
			.param("enabled", s.enabled())
			.param("month", s.month())
			.param("day", s.day())
			.param("percent", s.percent())
			.param("years", s.years())
			.param("amount", s.amount())
			.param("by", by)
			.param("version", expectedVersion)
			.update();
	}

	/** Every unit that has funding records. */
	List<Long> fundedUnits() {
		return jdbc.sql("""
				select unit_id from funding_work union select unit_id from capital_transaction
				union select unit_id from reallocation_request
				""").query(Long.class).list();
	}

	// ---- seed steps

	boolean stepDone(String name) {
		return jdbc.sql("select exists(select 1 from funding_seed_step where name = :name)")
			.param("name", name)
			.query(Boolean.class)
			.single();
	}

	void markStep(String name) {
		jdbc.sql("insert into funding_seed_step (name) values (:name)").param("name", name).update();
	}

	static Money money(ResultSet rs, String column) throws SQLException {
		return new Money(rs.getBigDecimal(column));
	}

	static @Nullable Money moneyOrNull(ResultSet rs, String column) throws SQLException {
		BigDecimal value = rs.getBigDecimal(column);
		return value == null ? null : new Money(value);
	}

	static @Nullable LocalDate date(ResultSet rs, String column) throws SQLException {
		Date value = rs.getDate(column);
		return value == null ? null : value.toLocalDate();
	}

}
