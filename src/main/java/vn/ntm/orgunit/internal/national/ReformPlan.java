package vn.ntm.orgunit.internal.national;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import vn.ntm.orgunit.ChangeKind;
import vn.ntm.orgunit.UnitType;
import vn.ntm.orgunit.internal.national.NationalLists.GsoList;
import vn.ntm.orgunit.internal.national.NationalLists.ListHistory;
import vn.ntm.orgunit.internal.national.NationalLists.MappingRow;
import vn.ntm.orgunit.internal.national.NationalLists.NewUnit;
import vn.ntm.orgunit.internal.national.NationalLists.OldUnit;
import vn.ntm.orgunit.internal.national.NationalLists.ReformList;
import vn.ntm.orgunit.internal.national.NationalLists.Run;
import vn.ntm.shared.VnText;

/**
 * The whole country as units, versions and lineage events: the pre-reform list as it was,
 * and the reform of 1/7/2025 applied to it from the published mapping. Pure computation,
 * no database: the {@link NationalUnitWriter} stores the result.
 * <p>
 * How the mapping is read:
 * <ul>
 * <li>a row's old commune is found by its code; a row without code (the rows added on
 * 15/7/2025) by exact name, district and province, but only among communes no coded row
 * mentions;</li>
 * <li>a row's new commune is found by its code when the names agree; otherwise by a code
 * missing its leading zeros, or by name within the province; every such repair is written
 * on the row;</li>
 * <li>a new commune formed from exactly one old commune that went nowhere else continues
 * that commune (same unit, new version); otherwise it is a new unit whose predecessors
 * end on 30/6/2025;</li>
 * <li>provinces follow their communes: a new province formed from one old province
 * continues it, else it is a new unit formed by merger;</li>
 * <li>every district ends on 30/6/2025 (abolition of the level).</li>
 * </ul>
 * Nothing is invented: old communes the mapping does not mention end on 30/6/2025 at the
 * latest with a data issue saying that their successor is unknown.
 */
public final class ReformPlan {

	public static final LocalDate REFORM_DATE = LocalDate.of(2025, 7, 1);

	public static final LocalDate LAST_OLD_DAY = REFORM_DATE.minusDays(1);

	static final String PROVINCE_BASIS = "Nghị quyết số 202/2025/QH15 của Quốc hội về sắp xếp đơn vị hành chính cấp tỉnh";

	static final String COMMUNE_BASIS = "Sắp xếp đơn vị hành chính cấp xã năm 2025";

	static final String DISTRICT_BASIS = "Kết thúc hoạt động của đơn vị hành chính cấp huyện từ ngày 01/7/2025 "
			+ "(tổ chức chính quyền địa phương hai cấp)";

	static final String HISTORY_BASIS = "Danh mục đơn vị hành chính của Tổng cục Thống kê (các bản công bố 2021–2025)";

	/** The note on the end of a unit whose receiving unit the list does not name. */
	public static final String UNKNOWN_RECEIVER = "Chưa rõ đơn vị tiếp nhận";

	static final String REGION_SOURCE = "Phân vùng của Tổng cục Thống kê, tách Bắc Trung Bộ và Duyên hải Nam Trung Bộ "
			+ "(data/units/vung-kinh-te-xa-hoi-2021-2025.csv)";

	private static final Pattern LEADING_ZEROS = Pattern.compile("\\b0+(\\d)");

	final List<PlannedUnit> units = new ArrayList<>();

	final List<PlannedEvent> events = new ArrayList<>();

	final List<PlannedIssue> issues = new ArrayList<>();

	final List<PlannedMappingRow> mappingRows = new ArrayList<>();

	final List<PlannedClassification> classifications = new ArrayList<>();

	private final Map<String, PlannedUnit> oldProvinces = new HashMap<>();

	private final Map<String, PlannedUnit> oldDistricts = new HashMap<>();

	private final Map<String, PlannedUnit> oldCommunes = new HashMap<>();

	private final Map<String, PlannedUnit> newProvinces = new HashMap<>();

	private final Map<String, PlannedUnit> newCommunes = new HashMap<>();

	private ReformPlan() {
	}

	/** A unit to store, with its versions in order. */
	static final class PlannedUnit {

		final int key;

		final List<PlannedVersion> versions = new ArrayList<>();

		PlannedUnit(int key) {
			this.key = key;
		}

		PlannedVersion last() {
			return versions.get(versions.size() - 1);
		}

		void endLastOn(LocalDate day) {
			PlannedVersion last = last();
			versions.set(versions.size() - 1, last.withTo(day));
		}

	}

	record PlannedVersion(@Nullable String code, String name, UnitType type, @Nullable Integer parentKey,
			@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String note) {

		PlannedVersion withTo(LocalDate day) {
			return new PlannedVersion(code, name, type, parentKey, from, day, note);
		}

		String fullName() {
			return type.fullName(name);
		}

	}

	record PlannedLink(int unitKey, String role) {
	}

	/**
	 * A lineage event; {@code after}, when set, is the last day the old state was known
	 * to hold: the change took effect after it and by {@code date} ("giữa … và …").
	 */
	record PlannedEvent(ChangeKind kind, LocalDate date, @Nullable LocalDate after, String basis, @Nullable String note,
			String source, List<PlannedLink> links) {

		PlannedEvent(ChangeKind kind, LocalDate date, String basis, @Nullable String note, String source,
				List<PlannedLink> links) {
			this(kind, date, null, basis, note, source, links);
		}

	}

	/**
	 * A data issue on a unit; {@code eventIndex} is the event it concerns (the end of a
	 * unit whose receiving unit is not known), if any.
	 */
	record PlannedIssue(int unitKey, String kind, String message, String source, @Nullable Integer eventIndex) {

		PlannedIssue(int unitKey, String kind, String message, String source) {
			this(unitKey, kind, message, source, null);
		}

	}

	/**
	 * A row of the mapping as matched: {@code cause} says why it is not an exact match
	 * (null when it is).
	 */
	record PlannedMappingRow(MappingRow row, @Nullable Integer oldKey, @Nullable String newCode,
			@Nullable Integer newKey, String status, @Nullable String cause, @Nullable String remark) {
	}

	record PlannedClassification(int unitKey, String scheme, String value, String source) {
	}

	public int unitCount() {
		return units.size();
	}

	public static ReformPlan build(ListHistory history, ReformList reform, Map<String, String> regionByProvinceCode) {
		try {
			return plan(history, reform, regionByProvinceCode);
		}
		finally {
			KEYS.clear();
		}
	}

	private static ReformPlan plan(ListHistory history, ReformList reform, Map<String, String> regionByProvinceCode) {
		ReformPlan plan = new ReformPlan();
		plan.history = history;
		plan.loadHistory(history, regionByProvinceCode);
		GsoList gso = history.finalList();
		Resolution resolution = plan.resolveMapping(gso, reform);
		plan.applyProvinces(gso, reform, resolution);
		plan.applyCommunes(gso, reform, resolution);
		plan.abolishDistricts();
		return plan;
	}

	private PlannedUnit newUnit() {
		PlannedUnit unit = new PlannedUnit(units.size());
		units.add(unit);
		return unit;
	}

	private int country;

	private ListHistory history;

	/**
	 * The list of the General Statistics Office at its releases from 2021 to 30/6/2025:
	 * every code a unit, every change of its record between two releases a lineage event
	 * dated by the two publication dates, every code that left the list an end whose
	 * receiving unit is not known.
	 */
	private void loadHistory(ListHistory h, Map<String, String> regions) {
		PlannedUnit vn = newUnit();
		vn.versions.add(new PlannedVersion("VN", "Việt Nam", UnitType.QUOC_GIA, null, null, null, null));
		country = vn.key;
		Map<String, PlannedUnit> provinces = loadLevel(h, h.provinces(), null, null);
		Map<String, PlannedUnit> districts = loadLevel(h, h.districts(), provinces, h.provinces());
		Map<String, PlannedUnit> communes = loadLevel(h, h.communes(), districts, h.districts());
		provinces.forEach((code, unit) -> {
			String region = regions.get(code);
			if (region != null) {
				classifications.add(new PlannedClassification(unit.key, "VUNG", region, REGION_SOURCE));
			}
		});
		keepFinal(h, h.provinces(), provinces, oldProvinces);
		keepFinal(h, h.districts(), districts, oldDistricts);
		keepFinal(h, h.communes(), communes, oldCommunes);
	}

	private static void keepFinal(ListHistory h, Map<String, List<Run>> runs, Map<String, PlannedUnit> units,
			Map<String, PlannedUnit> target) {
		runs.forEach((code, list) -> {
			if (list.get(list.size() - 1).last() == h.lastIndex()) {
				target.put(code, units.get(code));
			}
		});
	}

	private Map<String, PlannedUnit> loadLevel(ListHistory h, Map<String, List<Run>> level,
			@Nullable Map<String, PlannedUnit> parents, @Nullable Map<String, List<Run>> parentRuns) {
		Map<String, String> recodedInto = recodes(level);
		Set<String> recoded = new HashSet<>(recodedInto.values());
		Map<String, PlannedUnit> byCode = new LinkedHashMap<>();
		for (Map.Entry<String, List<Run>> entry : level.entrySet()) {
			if (recoded.contains(entry.getKey())) {
				continue;
			}
			PlannedUnit unit = newUnit();
			List<Run> runs = new ArrayList<>(entry.getValue());
			byCode.put(entry.getKey(), unit);
			String next = recodedInto.get(entry.getKey());
			if (next != null) {
				runs.addAll(level.get(next));
				byCode.put(next, unit);
			}
			Run first = runs.get(0);
			LocalDate start = first.first() == 0 ? null : h.date(first.first());
			unit.versions.add(version(first, start, parents));
			if (start != null) {
				events.add(new PlannedEvent(ChangeKind.ESTABLISH, start, h.date(first.first() - 1), HISTORY_BASIS,
						"Mã %s xuất hiện trong danh mục từ bản %s; danh mục không ghi đơn vị hình thành từ."
							.formatted(first.code(), h.releases().get(first.first()).tag()),
						NationalLists.HISTORY_SOURCE, List.of(new PlannedLink(unit.key, "STARTED"))));
				issues.add(new PlannedIssue(unit.key, "NO_PREDECESSOR",
						"%s (%s) có trong danh mục từ khoảng giữa %s và %s; chưa rõ được hình thành từ đơn vị nào."
							.formatted(first.fullName(), parentName(first, parentRuns), vn(h.date(first.first() - 1)),
									vn(start)),
						NationalLists.HISTORY_SOURCE));
			}
			Run previous = first;
			for (Run run : runs.subList(1, runs.size())) {
				if (run.code().equals(previous.code()) && run.sameRecord(previous)) {
					previous = run;
					continue;
				}
				LocalDate date = h.date(run.first());
				unit.endLastOn(date.minusDays(1));
				unit.versions.add(version(run, date, parents));
				events.add(new PlannedEvent(kindOf(previous, run), date, h.date(previous.last()), HISTORY_BASIS,
						changeNote(previous, run, parentRuns), NationalLists.HISTORY_SOURCE,
						List.of(new PlannedLink(unit.key, "CONTINUED"))));
				previous = run;
			}
			if (previous.last() < h.lastIndex()) {
				LocalDate date = h.date(previous.last() + 1);
				unit.endLastOn(date.minusDays(1));
				issues.add(new PlannedIssue(unit.key, "UNKNOWN_SUCCESSOR",
						"%s (%s) không còn trong danh mục từ khoảng giữa %s và %s (bản %s); danh mục không ghi đơn vị tiếp nhận: chưa rõ đơn vị tiếp nhận."
							.formatted(previous.fullName(), parentName(previous, parentRuns),
									vn(h.date(previous.last())), vn(date), h.releases().get(previous.last() + 1).tag()),
						NationalLists.HISTORY_SOURCE, events.size()));
				events.add(new PlannedEvent(ChangeKind.MERGE, date, h.date(previous.last()), HISTORY_BASIS,
						UNKNOWN_RECEIVER, NationalLists.HISTORY_SOURCE, List.of(new PlannedLink(unit.key, "ENDED"))));
			}
		}
		return byCode;
	}

	/**
	 * Codes corrected between two releases: a code that leaves the list exactly when
	 * another appears under the same parent with the same name and type (Phường Cầu Đất,
	 * 11353 → 11344). Removed code → added code.
	 */
	private static Map<String, String> recodes(Map<String, List<Run>> level) {
		Map<String, List<String>> removedAt = new HashMap<>();
		level.forEach((code, runs) -> {
			Run last = runs.get(runs.size() - 1);
			removedAt.computeIfAbsent(recodeKey(last.last() + 1, last), k -> new ArrayList<>()).add(code);
		});
		Map<String, String> into = new HashMap<>();
		level.forEach((code, runs) -> {
			Run first = runs.get(0);
			if (first.first() == 0) {
				return;
			}
			List<String> removed = removedAt.getOrDefault(recodeKey(first.first(), first), List.of());
			if (removed.size() == 1 && !removed.get(0).equals(code)) {
				into.put(removed.get(0), code);
			}
		});
		return into;
	}

	private static String recodeKey(int index, Run run) {
		return index + "|" + run.parentCode() + "|" + run.type() + "|" + sameKey(run.name());
	}

	private PlannedVersion version(Run run, @Nullable LocalDate from, @Nullable Map<String, PlannedUnit> parents) {
		Integer parent = parents == null ? country : parents.get(run.parentCode()).key;
		return new PlannedVersion(run.code(), run.name(), run.type(), parent, from, null, null);
	}

	private static ChangeKind kindOf(Run before, Run after) {
		if (!before.code().equals(after.code())) {
			return ChangeKind.RECODE;
		}
		if (before.type() != after.type()) {
			return ChangeKind.RETYPE;
		}
		if (!before.name().equals(after.name())) {
			return ChangeKind.RENAME;
		}
		return ChangeKind.REPARENT;
	}

	private static String changeNote(Run before, Run after, @Nullable Map<String, List<Run>> parentRuns) {
		List<String> parts = new ArrayList<>();
		if (!before.code().equals(after.code())) {
			parts.add("mã %s → %s".formatted(before.code(), after.code()));
		}
		if (!before.fullName().equals(after.fullName())) {
			boolean cosmetic = sameKey(before.name()).equals(sameKey(after.name())) && before.type() == after.type();
			parts.add("%s → %s%s".formatted(before.fullName(), after.fullName(),
					cosmetic ? " (chỉ khác cách viết)" : ""));
		}
		if (!Objects.equals(before.parentCode(), after.parentCode())) {
			parts.add("từ %s sang %s".formatted(parentName(before, parentRuns), parentName(after, parentRuns)));
		}
		return "Theo danh mục của Tổng cục Thống kê: " + String.join("; ", parts) + ".";
	}

	/** The name of a run's parent as the list showed it at the run's first release. */
	private static String parentName(Run run, @Nullable Map<String, List<Run>> parentRuns) {
		if (parentRuns == null || run.parentCode() == null) {
			return "Việt Nam";
		}
		List<Run> runs = parentRuns.get(run.parentCode());
		if (runs == null) {
			return "mã " + run.parentCode();
		}
		Run best = runs.get(0);
		for (Run r : runs) {
			if (r.first() <= run.first()) {
				best = r;
			}
		}
		return best.fullName();
	}

	static String vn(LocalDate date) {
		return "%02d/%02d/%04d".formatted(date.getDayOfMonth(), date.getMonthValue(), date.getYear());
	}

	/** Which old commune goes to which new one, row by row. */
	private record Resolution(Map<String, LinkedHashSet<String>> successors,
			Map<String, LinkedHashSet<String>> predecessors) {
	}

	private Resolution resolveMapping(GsoList gso, ReformList reform) {
		OldIndex index = new OldIndex(gso, history);
		Map<String, List<NewUnit>> newByNameProvince = new HashMap<>();
		for (NewUnit w : reform.communes().values()) {
			newByNameProvince
				.computeIfAbsent(sameKey(w.publishedName()) + "|" + w.provinceCode(), k -> new ArrayList<>())
				.add(w);
		}
		Map<String, LinkedHashSet<String>> successors = new LinkedHashMap<>();
		Map<String, LinkedHashSet<String>> predecessors = new LinkedHashMap<>();
		// the new province of each published province name, found once per name
		Map<String, Optional<String>> provinceCodes = new HashMap<>();
		for (MappingRow row : reform.mapping()) {
			List<String> remarks = new ArrayList<>();
			List<String> causes = new ArrayList<>();
			OldUnit old = resolveOld(row, gso, index, remarks, causes);
			NewUnit nw = resolveNew(row, reform, newByNameProvince, provinceCodes, remarks, causes);
			boolean matched = old != null && nw != null;
			if (matched) {
				successors.computeIfAbsent(old.code(), k -> new LinkedHashSet<>()).add(nw.code());
				predecessors.computeIfAbsent(nw.code(), k -> new LinkedHashSet<>()).add(old.code());
			}
			String status = !matched ? "UNMATCHED" : causes.isEmpty() ? "MATCHED" : "MATCHED_WITH_NOTE";
			mappingRows.add(new PlannedMappingRow(row, old == null ? null : oldCommunes.get(old.code()).key,
					nw == null ? null : nw.code(), null, status, causes.isEmpty() ? null : causes.get(0),
					remarks.isEmpty() ? null : String.join("; ", remarks)));
		}
		return new Resolution(successors, predecessors);
	}

	/**
	 * The list as of 30/6/2025 with what the history knows: every name a code has had,
	 * every name a district has had, and the communes that left the list before.
	 */
	private static final class OldIndex {

		final Map<String, Set<String>> formerNames = new HashMap<>();

		/** district code → commune name key → codes in the final list (current name) */
		final Map<String, Map<String, List<String>>> current = new HashMap<>();

		/**
		 * district code → commune name key → codes in the final list (any former name)
		 */
		final Map<String, Map<String, List<String>>> former = new HashMap<>();

		/** district code → commune name key → codes that left the list before */
		final Map<String, Map<String, List<String>>> ended = new HashMap<>();

		/** province name key → district name key → district codes (any name they had) */
		final Map<String, Map<String, Set<String>>> districts = new HashMap<>();

		final Map<String, Set<String>> districtNames = new HashMap<>();

		OldIndex(GsoList gso, ListHistory h) {
			Map<String, Set<String>> provinceNames = new HashMap<>();
			h.provinces()
				.forEach((code, runs) -> runs.forEach(r -> provinceNames.computeIfAbsent(code, k -> new HashSet<>())
					.addAll(List.of(sameKey(r.fullName()), sameKey(r.name())))));
			h.districts().forEach((code, runs) -> runs.forEach(r -> {
				districtNames.computeIfAbsent(code, k -> new HashSet<>()).add(sameKey(r.fullName()));
				for (String p : provinceNames.getOrDefault(r.parentCode(), Set.of())) {
					districts.computeIfAbsent(p, k -> new HashMap<>())
						.computeIfAbsent(sameKey(r.fullName()), k -> new HashSet<>())
						.add(code);
				}
			}));
			h.communes().forEach((code, runs) -> {
				boolean alive = gso.communes().containsKey(code);
				for (Run r : runs) {
					String name = sameKey(r.fullName());
					formerNames.computeIfAbsent(code, k -> new HashSet<>()).add(name);
					var target = alive ? former : ended;
					List<String> codes = target.computeIfAbsent(r.parentCode(), k -> new HashMap<>())
						.computeIfAbsent(name, k -> new ArrayList<>());
					if (!codes.contains(code)) {
						codes.add(code);
					}
				}
			});
			gso.communes()
				.values()
				.forEach(c -> current.computeIfAbsent(c.parentCode(), k -> new HashMap<>())
					.computeIfAbsent(sameKey(c.fullName()), k -> new ArrayList<>())
					.add(c.code()));
		}

		Set<String> districtCodes(@Nullable String district, @Nullable String province) {
			if (district == null || province == null) {
				return Set.of();
			}
			return districts.getOrDefault(sameKey(province), Map.of()).getOrDefault(sameKey(district), Set.of());
		}

		List<String> find(Map<String, Map<String, List<String>>> map, Set<String> districtCodes, String name) {
			List<String> codes = new ArrayList<>();
			for (String d : districtCodes) {
				codes.addAll(map.getOrDefault(d, Map.of()).getOrDefault(sameKey(name), List.of()));
			}
			return codes;
		}

	}

	/**
	 * The old commune of a row, on the list as of 30/6/2025: by code, confirmed by its
	 * name within its district; without a code, by name within its district. Every row
	 * that is not an exact match gets a cause (first one decides the row's group) and a
	 * remark.
	 */
	private static @Nullable OldUnit resolveOld(MappingRow row, GsoList gso, OldIndex index, List<String> remarks,
			List<String> causes) {
		String code = blank(row.oldCode());
		String name = Objects.toString(row.oldName(), "");
		if (code != null) {
			OldUnit old = gso.communes().get(code);
			if (old == null) {
				boolean known = index.formerNames.containsKey(code);
				causes.add(known ? "OLD_CODE_ENDED" : "OLD_CODE_UNKNOWN");
				remarks.add(known
						? "Mã xã cũ %s (%s) đã không còn trong danh mục trước ngày 30/06/2025".formatted(code, name)
						: "Mã xã cũ %s (%s) không có trong danh mục của Tổng cục Thống kê".formatted(code, name));
				return null;
			}
			OldUnit district = gso.districts().get(old.parentCode());
			boolean sameName = sameKey(old.fullName()).equals(sameKey(name));
			if (!sameName) {
				if (index.formerNames.getOrDefault(code, Set.of()).contains(sameKey(name))) {
					causes.add("OLD_FORMER_NAME");
					remarks.add("Bảng chuyển đổi ghi tên cũ \"%s\" của mã %s, nay là \"%s\"".formatted(name, code,
							old.fullName()));
				}
				else {
					List<String> others = index.find(index.current, Set.of(old.parentCode()), name);
					causes.add(others.isEmpty() ? "OLD_NAME_DIFFERS" : "OLD_CODE_NAMES_OTHER_UNIT");
					remarks.add(("Mã xã cũ %s là \"%s\" trong danh mục ngày 30/06/2025, bảng chuyển đổi ghi \"%s\"%s"
							+ " — chưa đối chiếu")
						.formatted(code, old.fullName(), name,
								others.isEmpty() ? "" : " (tên này là mã " + String.join(", ", others) + ")"));
					return null;
				}
			}
			String rowDistrict = row.oldDistrictName();
			if (rowDistrict != null && !sameKey(district.fullName()).equals(sameKey(rowDistrict))) {
				if (index.districtNames.getOrDefault(district.code(), Set.of()).contains(sameKey(rowDistrict))) {
					causes.add("OLD_DISTRICT_FORMER_NAME");
					remarks.add("Bảng chuyển đổi ghi huyện \"%s\", tên khác của %s (mã %s)".formatted(rowDistrict,
							district.fullName(), district.code()));
				}
				else {
					causes.add("OLD_DISTRICT_DIFFERS");
					remarks.add("Xã %s thuộc %s trong danh mục, bảng chuyển đổi ghi \"%s\" — chưa đối chiếu"
						.formatted(code, district.fullName(), rowDistrict));
					return null;
				}
			}
			return old;
		}
		if (row.oldName() == null) {
			causes.add("OLD_NOT_GIVEN");
			remarks.add("Bảng chuyển đổi không ghi đơn vị cũ");
			return null;
		}
		Set<String> districts = index.districtCodes(row.oldDistrictName(), row.oldProvinceName());
		List<String> byName = index.find(index.current, districts, name);
		String how = "tên";
		if (byName.isEmpty()) {
			byName = index.find(index.former, districts, name);
			how = "tên cũ";
		}
		if (byName.size() == 1) {
			OldUnit old = gso.communes().get(byName.get(0));
			causes.add(how.equals("tên") ? "OLD_NO_CODE_BY_NAME" : "OLD_NO_CODE_BY_FORMER_NAME");
			remarks.add("Dòng không có mã xã cũ: khớp theo %s trong %s với mã %s (%s)".formatted(how,
					row.oldDistrictName(), old.code(), old.fullName()));
			return old;
		}
		if (byName.size() > 1) {
			causes.add("OLD_NO_CODE_AMBIGUOUS");
			remarks.add("Dòng không có mã xã cũ; \"%s, %s\" ứng với nhiều mã: %s — chưa đối chiếu".formatted(name,
					row.oldDistrictName(), String.join(", ", byName)));
			return null;
		}
		List<String> gone = index.find(index.ended, districts, name);
		if (!gone.isEmpty()) {
			causes.add("OLD_NO_CODE_ENDED");
			remarks.add("Dòng không có mã xã cũ; \"%s, %s\" là mã %s, đã không còn trong danh mục trước ngày 30/06/2025"
				.formatted(name, row.oldDistrictName(), String.join(", ", gone)));
			return null;
		}
		causes.add("OLD_NO_CODE_NOT_FOUND");
		remarks.add("Dòng không có mã xã cũ; không tìm thấy \"%s, %s, %s\" trong danh mục".formatted(name,
				row.oldDistrictName(), row.oldProvinceName()));
		return null;
	}

	private static @Nullable NewUnit resolveNew(MappingRow row, ReformList reform,
			Map<String, List<NewUnit>> byNameProvince, Map<String, Optional<String>> provinceCodes,
			List<String> remarks, List<String> causes) {
		String code = blank(row.newCode());
		String name = Objects.toString(row.newName(), "");
		String province = provinceCodes
			.computeIfAbsent(Objects.toString(row.newProvinceName(), ""),
					published -> Optional.ofNullable(provinceCode(reform, row.newProvinceName())))
			.orElse(null);
		NewUnit byCode = code == null ? null : reform.communes().get(code);
		if (byCode != null && inProvince(byCode, province) && sameKey(byCode.publishedName()).equals(sameKey(name))) {
			return byCode;
		}
		if (code != null && code.length() < 5) {
			NewUnit padded = reform.communes().get("0".repeat(5 - code.length()) + code);
			if (padded != null && inProvince(padded, province)
					&& sameKey(padded.publishedName()).equals(sameKey(name))) {
				causes.add("NEW_CODE_UNPADDED");
				remarks.add("Mã xã mới \"%s\" thiếu số 0 ở đầu, là %s".formatted(code, padded.code()));
				return padded;
			}
		}
		List<NewUnit> byName = byNameProvince.getOrDefault(sameKey(name) + "|" + province, List.of());
		if (byName.size() == 1) {
			causes.add("NEW_CODE_WRONG");
			remarks.add("Mã xã mới \"%s\" không khớp tên \"%s\" trong %s; khớp theo tên trong tỉnh: mã %s"
				.formatted(code, name, row.newProvinceName(), byName.get(0).code()));
			return byName.get(0);
		}
		if (byCode != null && inProvince(byCode, province)) {
			causes.add("NEW_NAME_DIFFERS");
			remarks.add("Tên xã mới trong bảng chuyển đổi là \"%s\", mã %s trong danh mục là \"%s\" — chưa đối chiếu"
				.formatted(name, code, byCode.publishedName()));
			return null;
		}
		causes.add("NEW_NOT_FOUND");
		remarks.add("Không xác định được xã mới \"%s\" (mã \"%s\", %s)".formatted(name, code, row.newProvinceName()));
		return null;
	}

	/**
	 * A new commune lies in the province the row names (when the row names one we know).
	 */
	private static boolean inProvince(NewUnit commune, @Nullable String provinceCode) {
		return provinceCode == null || provinceCode.equals(commune.provinceCode());
	}

	private static @Nullable String provinceCode(ReformList reform, @Nullable String publishedName) {
		if (publishedName == null) {
			return null;
		}
		String key = sameKey(publishedName);
		for (NewUnit p : reform.provinces().values()) {
			if (sameKey(p.publishedName()).equals(key) || sameKey(p.name()).equals(key)
					|| sameKey(p.fullName()).equals(key)) {
				return p.code();
			}
		}
		return null;
	}

	private void applyProvinces(GsoList gso, ReformList reform, Resolution resolution) {
		// how many communes of each old province went to each new province
		Map<String, Map<String, Integer>> flows = new LinkedHashMap<>();
		resolution.successors().forEach((oldCode, newCodes) -> {
			OldUnit commune = gso.communes().get(oldCode);
			String oldProvince = gso.districts().get(commune.parentCode()).parentCode();
			for (String newCode : newCodes) {
				String newProvince = reform.communes().get(newCode).provinceCode();
				flows.computeIfAbsent(oldProvince, k -> new LinkedHashMap<>()).merge(newProvince, 1, Integer::sum);
			}
		});
		Map<String, List<String>> predecessors = new LinkedHashMap<>();
		for (OldUnit province : gso.provinces().values()) {
			Map<String, Integer> targets = flows.getOrDefault(province.code(), Map.of());
			if (targets.isEmpty()) {
				issues.add(new PlannedIssue(oldProvinces.get(province.code()).key, "NO_SUCCESSOR",
						"Không xã nào của %s có trong bảng chuyển đổi 2025; chưa rõ đơn vị kế thừa."
							.formatted(province.fullName()),
						NationalLists.REFORM_SOURCE));
				oldProvinces.get(province.code()).endLastOn(LAST_OLD_DAY);
				continue;
			}
			String main = targets.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
			if (targets.size() > 1) {
				issues.add(new PlannedIssue(oldProvinces.get(province.code()).key, "PROVINCE_SPLIT",
						"Các xã của %s chuyển về nhiều tỉnh mới theo bảng chuyển đổi: %s; ghi nhận tỉnh kế thừa là mã %s."
							.formatted(province.fullName(), targets, main),
						NationalLists.REFORM_SOURCE));
			}
			predecessors.computeIfAbsent(main, k -> new ArrayList<>()).add(province.code());
		}
		for (NewUnit province : reform.provinces().values()) {
			List<String> preds = predecessors.getOrDefault(province.code(), List.of());
			if (preds.size() == 1) {
				PlannedUnit unit = oldProvinces.get(preds.get(0));
				PlannedVersion last = unit.last();
				newProvinces.put(province.code(), unit);
				if (Objects.equals(last.code(), province.code()) && last.name().equals(province.name())
						&& last.type() == province.type()) {
					continue;
				}
				unit.endLastOn(LAST_OLD_DAY);
				unit.versions.add(new PlannedVersion(province.code(), province.name(), province.type(), country,
						REFORM_DATE, null, null));
				events.add(new PlannedEvent(kindOf(last, province), REFORM_DATE, PROVINCE_BASIS,
						"Theo danh mục sau sắp xếp; thay đổi tên hoặc loại có thể đã có hiệu lực trước ngày này.",
						NationalLists.REFORM_SOURCE, List.of(new PlannedLink(unit.key, "CONTINUED"))));
				continue;
			}
			PlannedUnit unit = newUnit();
			unit.versions.add(new PlannedVersion(province.code(), province.name(), province.type(), country,
					REFORM_DATE, null, null));
			newProvinces.put(province.code(), unit);
			List<PlannedLink> links = new ArrayList<>();
			links.add(new PlannedLink(unit.key, "STARTED"));
			for (String pred : preds) {
				PlannedUnit old = oldProvinces.get(pred);
				old.endLastOn(LAST_OLD_DAY);
				links.add(new PlannedLink(old.key, "ENDED"));
			}
			if (preds.isEmpty()) {
				issues.add(new PlannedIssue(unit.key, "NO_PREDECESSOR",
						"Không xác định được tỉnh cũ của %s từ bảng chuyển đổi.".formatted(province.fullName()),
						NationalLists.REFORM_SOURCE));
			}
			events.add(new PlannedEvent(preds.isEmpty() ? ChangeKind.ESTABLISH : ChangeKind.MERGE, REFORM_DATE,
					PROVINCE_BASIS, null, NationalLists.REFORM_SOURCE, links));
		}
	}

	private void applyCommunes(GsoList gso, ReformList reform, Resolution resolution) {
		Set<String> continuing = new HashSet<>();
		for (NewUnit commune : reform.communes().values()) {
			Set<String> preds = resolution.predecessors().getOrDefault(commune.code(), new LinkedHashSet<>());
			Integer parent = newProvinces.get(commune.provinceCode()).key;
			PlannedVersion next = new PlannedVersion(commune.code(), commune.name(), commune.type(), parent,
					REFORM_DATE, null, null);
			if (preds.size() == 1 && resolution.successors().get(preds.iterator().next()).size() == 1) {
				String oldCode = preds.iterator().next();
				PlannedUnit unit = oldCommunes.get(oldCode);
				PlannedVersion last = unit.last();
				unit.endLastOn(LAST_OLD_DAY);
				unit.versions.add(next);
				newCommunes.put(commune.code(), unit);
				continuing.add(oldCode);
				events.add(new PlannedEvent(kindOf(last, commune), REFORM_DATE, COMMUNE_BASIS, null,
						NationalLists.REFORM_SOURCE, List.of(new PlannedLink(unit.key, "CONTINUED"))));
				continue;
			}
			PlannedUnit unit = newUnit();
			unit.versions.add(next);
			newCommunes.put(commune.code(), unit);
			List<PlannedLink> links = new ArrayList<>();
			links.add(new PlannedLink(unit.key, "STARTED"));
			for (String pred : preds) {
				links.add(new PlannedLink(oldCommunes.get(pred).key, "ENDED"));
			}
			ChangeKind kind = preds.size() > 1 ? ChangeKind.MERGE
					: preds.size() == 1 ? ChangeKind.SPLIT : ChangeKind.ESTABLISH;
			if (preds.isEmpty()) {
				issues.add(new PlannedIssue(unit.key, "NO_PREDECESSOR",
						"Bảng chuyển đổi 2025 không ghi (hoặc không đối chiếu được) đơn vị cũ của %s, %s.".formatted(
								commune.fullName(), reform.provinces().get(commune.provinceCode()).publishedName()),
						NationalLists.REFORM_SOURCE));
			}
			events.add(new PlannedEvent(kind, REFORM_DATE, COMMUNE_BASIS, null, NationalLists.REFORM_SOURCE, links));
		}
		for (OldUnit commune : gso.communes().values()) {
			if (continuing.contains(commune.code())) {
				continue;
			}
			oldCommunes.get(commune.code()).endLastOn(LAST_OLD_DAY);
			if (!resolution.successors().containsKey(commune.code())) {
				OldUnit district = gso.districts().get(commune.parentCode());
				issues.add(new PlannedIssue(oldCommunes.get(commune.code()).key, "NO_SUCCESSOR",
						("%s (%s) có trong danh mục ngày 30/06/2025 nhưng không dòng nào của bảng chuyển đổi 2025 "
								+ "đối chiếu được với đơn vị này: chưa rõ đơn vị tiếp nhận; hết hiệu lực ngày 30/06/2025.")
							.formatted(commune.fullName(), district.fullName()),
						NationalLists.REFORM_SOURCE));
			}
		}
		// rows now know the key of their new commune
		for (int i = 0; i < mappingRows.size(); i++) {
			PlannedMappingRow row = mappingRows.get(i);
			if (row.newCode() != null) {
				mappingRows.set(i, new PlannedMappingRow(row.row(), row.oldKey(), row.newCode(),
						newCommunes.get(row.newCode()).key, row.status(), row.cause(), row.remark()));
			}
		}
	}

	private void abolishDistricts() {
		List<PlannedLink> links = new ArrayList<>();
		for (PlannedUnit district : oldDistricts.values()) {
			district.endLastOn(LAST_OLD_DAY);
			links.add(new PlannedLink(district.key, "ENDED"));
		}
		links.sort((a, b) -> Integer.compare(a.unitKey(), b.unitKey()));
		events.add(new PlannedEvent(ChangeKind.ABOLISH_LEVEL, REFORM_DATE, DISTRICT_BASIS, null,
				NationalLists.REFORM_SOURCE, links));
	}

	private static ChangeKind kindOf(PlannedVersion last, NewUnit next) {
		if (last.type() != next.type()) {
			return ChangeKind.RETYPE;
		}
		if (!sameKey(last.name()).equals(sameKey(next.name()))) {
			return ChangeKind.RENAME;
		}
		if (!Objects.equals(last.code(), next.code())) {
			return ChangeKind.RECODE;
		}
		return ChangeKind.REPARENT;
	}

	/**
	 * Names compared without diacritics, spacing or leading zeros ("Phường 05" = "Phường
	 * 5").
	 */
	static String sameKey(String name) {
		String key = KEYS.get(name);
		if (key == null) {
			key = LEADING_ZEROS.matcher(VnText.searchKey(name)).replaceAll("$1");
			KEYS.put(name, key);
		}
		return key;
	}

	/**
	 * {@link #sameKey} of the names seen while a plan is built (each name is compared
	 * many times); emptied when the plan is done.
	 */
	private static final Map<String, String> KEYS = new java.util.concurrent.ConcurrentHashMap<>();

	private static String nameKey(String commune, String district, String province) {
		return sameKey(commune) + "|" + sameKey(district) + "|" + sameKey(province);
	}

	private static @Nullable String blank(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	/** Counts for logs and the audit row. */
	public String summary() {
		long matched = mappingRows.stream().filter(r -> !"UNMATCHED".equals(r.status())).count();
		return "%d đơn vị, %d sự kiện, %d/%d dòng chuyển đổi đối chiếu được, %d vấn đề dữ liệu".formatted(units.size(),
				events.size(), matched, mappingRows.size(), issues.size());
	}

	int countryKey() {
		return country;
	}

	Map<String, Integer> issueCounts() {
		Map<String, Integer> counts = new LinkedHashMap<>();
		issues.forEach(i -> counts.merge(i.kind(), 1, Integer::sum));
		return counts;
	}

}
