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
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import vn.ntm.orgunit.ChangeKind;
import vn.ntm.orgunit.UnitType;
import vn.ntm.orgunit.internal.national.NationalLists.GsoList;
import vn.ntm.orgunit.internal.national.NationalLists.MappingRow;
import vn.ntm.orgunit.internal.national.NationalLists.NewUnit;
import vn.ntm.orgunit.internal.national.NationalLists.OldUnit;
import vn.ntm.orgunit.internal.national.NationalLists.ReformList;
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

	record PlannedEvent(ChangeKind kind, LocalDate date, String basis, @Nullable String note, String source,
			List<PlannedLink> links) {
	}

	record PlannedIssue(int unitKey, String kind, String message, String source) {
	}

	record PlannedMappingRow(MappingRow row, @Nullable Integer oldKey, @Nullable String newCode,
			@Nullable Integer newKey, String status, @Nullable String remark) {
	}

	record PlannedClassification(int unitKey, String scheme, String value, String source) {
	}

	public int unitCount() {
		return units.size();
	}

	public static ReformPlan build(GsoList gso, ReformList reform, Map<String, String> regionByProvinceCode) {
		ReformPlan plan = new ReformPlan();
		plan.loadOldList(gso, regionByProvinceCode);
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

	private void loadOldList(GsoList gso, Map<String, String> regions) {
		PlannedUnit vn = newUnit();
		vn.versions.add(new PlannedVersion("VN", "Việt Nam", UnitType.QUOC_GIA, null, null, null, null));
		country = vn.key;
		for (OldUnit p : gso.provinces().values()) {
			PlannedUnit unit = newUnit();
			unit.versions.add(new PlannedVersion(p.code(), p.name(), p.type(), country, null, null, null));
			oldProvinces.put(p.code(), unit);
			String region = regions.get(p.code());
			if (region != null) {
				classifications.add(new PlannedClassification(unit.key, "VUNG", region, REGION_SOURCE));
			}
		}
		for (OldUnit d : gso.districts().values()) {
			PlannedUnit unit = newUnit();
			unit.versions.add(new PlannedVersion(d.code(), d.name(), d.type(), oldProvinces.get(d.parentCode()).key,
					null, LAST_OLD_DAY, null));
			oldDistricts.put(d.code(), unit);
		}
		for (OldUnit c : gso.communes().values()) {
			PlannedUnit unit = newUnit();
			unit.versions.add(new PlannedVersion(c.code(), c.name(), c.type(), oldDistricts.get(c.parentCode()).key,
					null, null, null));
			oldCommunes.put(c.code(), unit);
		}
	}

	/** Which old commune goes to which new one, row by row. */
	private record Resolution(Map<String, LinkedHashSet<String>> successors,
			Map<String, LinkedHashSet<String>> predecessors) {
	}

	private Resolution resolveMapping(GsoList gso, ReformList reform) {
		Map<String, List<OldUnit>> byNames = new HashMap<>();
		for (OldUnit c : gso.communes().values()) {
			OldUnit district = gso.districts().get(c.parentCode());
			OldUnit province = gso.provinces().get(district.parentCode());
			byNames
				.computeIfAbsent(nameKey(c.fullName(), district.fullName(), province.fullName()),
						k -> new ArrayList<>())
				.add(c);
		}
		Set<String> codedOld = new HashSet<>();
		for (MappingRow row : reform.mapping()) {
			if (blank(row.oldCode()) == null) {
				continue;
			}
			if (gso.communes().containsKey(row.oldCode())) {
				codedOld.add(row.oldCode());
			}
		}
		Map<String, List<NewUnit>> newByNameProvince = new HashMap<>();
		for (NewUnit w : reform.communes().values()) {
			newByNameProvince
				.computeIfAbsent(sameKey(w.publishedName()) + "|" + w.provinceCode(), k -> new ArrayList<>())
				.add(w);
		}
		Map<String, LinkedHashSet<String>> successors = new LinkedHashMap<>();
		Map<String, LinkedHashSet<String>> predecessors = new LinkedHashMap<>();
		for (MappingRow row : reform.mapping()) {
			List<String> remarks = new ArrayList<>();
			OldUnit old = resolveOld(row, gso, byNames, codedOld, remarks);
			NewUnit nw = resolveNew(row, reform, newByNameProvince, remarks);
			boolean matched = old != null && nw != null;
			if (matched) {
				successors.computeIfAbsent(old.code(), k -> new LinkedHashSet<>()).add(nw.code());
				predecessors.computeIfAbsent(nw.code(), k -> new LinkedHashSet<>()).add(old.code());
			}
			String status = !matched ? "UNMATCHED" : remarks.isEmpty() ? "MATCHED" : "MATCHED_WITH_NOTE";
			mappingRows.add(new PlannedMappingRow(row, old == null ? null : oldCommunes.get(old.code()).key,
					nw == null ? null : nw.code(), null, status,
					remarks.isEmpty() ? null : String.join("; ", remarks)));
		}
		return new Resolution(successors, predecessors);
	}

	private static @Nullable OldUnit resolveOld(MappingRow row, GsoList gso, Map<String, List<OldUnit>> byNames,
			Set<String> codedOld, List<String> remarks) {
		String code = blank(row.oldCode());
		if (code != null) {
			OldUnit old = gso.communes().get(code);
			if (old == null) {
				remarks.add("Mã xã cũ %s (%s) không có trong danh mục của Tổng cục Thống kê".formatted(code,
						row.oldName()));
				return null;
			}
			if (row.oldName() != null && !sameKey(old.fullName()).equals(sameKey(row.oldName()))) {
				remarks.add("Tên xã cũ trong bảng chuyển đổi là \"%s\", trong danh mục TCTK là \"%s\""
					.formatted(row.oldName(), old.fullName()));
			}
			OldUnit district = gso.districts().get(old.parentCode());
			if (row.oldDistrictName() != null && !sameKey(district.fullName()).equals(sameKey(row.oldDistrictName()))) {
				remarks.add("Huyện cũ trong bảng chuyển đổi là \"%s\", trong danh mục TCTK là \"%s\""
					.formatted(row.oldDistrictName(), district.fullName()));
			}
			return old;
		}
		if (row.oldName() == null) {
			remarks.add("Bảng chuyển đổi không ghi đơn vị cũ");
			return null;
		}
		List<OldUnit> candidates = byNames.getOrDefault(nameKey(row.oldName(),
				Objects.toString(row.oldDistrictName(), ""), Objects.toString(row.oldProvinceName(), "")), List.of());
		List<OldUnit> free = candidates.stream().filter(c -> !codedOld.contains(c.code())).toList();
		if (free.size() == 1) {
			remarks
				.add("Dòng không có mã xã cũ: khớp theo tên xã, huyện, tỉnh với mã %s".formatted(free.get(0).code()));
			return free.get(0);
		}
		if (!candidates.isEmpty() && free.isEmpty()) {
			remarks.add("Dòng không có mã xã cũ; \"%s, %s\" trùng tên với xã đã khớp theo mã %s — chưa đối chiếu"
				.formatted(row.oldName(), row.oldDistrictName(), candidates.get(0).code()));
			return null;
		}
		remarks.add("Dòng không có mã xã cũ; không tìm thấy \"%s, %s, %s\" trong danh mục TCTK".formatted(row.oldName(),
				row.oldDistrictName(), row.oldProvinceName()));
		return null;
	}

	private static @Nullable NewUnit resolveNew(MappingRow row, ReformList reform,
			Map<String, List<NewUnit>> byNameProvince, List<String> remarks) {
		String code = blank(row.newCode());
		String name = Objects.toString(row.newName(), "");
		String province = provinceCode(reform, row.newProvinceName());
		NewUnit byCode = code == null ? null : reform.communes().get(code);
		if (byCode != null && inProvince(byCode, province) && sameKey(byCode.publishedName()).equals(sameKey(name))) {
			return byCode;
		}
		if (code != null && code.length() < 5) {
			NewUnit padded = reform.communes().get("0".repeat(5 - code.length()) + code);
			if (padded != null && inProvince(padded, province)
					&& sameKey(padded.publishedName()).equals(sameKey(name))) {
				remarks.add("Mã xã mới \"%s\" thiếu số 0 ở đầu, là %s".formatted(code, padded.code()));
				return padded;
			}
		}
		List<NewUnit> byName = byNameProvince.getOrDefault(sameKey(name) + "|" + province, List.of());
		if (byName.size() == 1) {
			remarks.add("Mã xã mới \"%s\" không khớp tên \"%s\" trong %s; khớp theo tên trong tỉnh: mã %s"
				.formatted(code, name, row.newProvinceName(), byName.get(0).code()));
			return byName.get(0);
		}
		if (byCode != null && inProvince(byCode, province)) {
			remarks.add("Tên xã mới trong bảng chuyển đổi là \"%s\", trong danh mục là \"%s\" (mã %s)".formatted(name,
					byCode.publishedName(), code));
			return byCode;
		}
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
						("%s (%s) không có trong bảng chuyển đổi 2025: có thể đã được sắp xếp trước ngày 01/7/2025. "
								+ "Ngày kết thúc và đơn vị kế thừa chưa rõ; ghi nhận hết hiệu lực chậm nhất ngày 30/06/2025.")
							.formatted(commune.fullName(), district.fullName()),
						NationalLists.REFORM_SOURCE));
			}
		}
		// rows now know the key of their new commune
		for (int i = 0; i < mappingRows.size(); i++) {
			PlannedMappingRow row = mappingRows.get(i);
			if (row.newCode() != null) {
				mappingRows.set(i, new PlannedMappingRow(row.row(), row.oldKey(), row.newCode(),
						newCommunes.get(row.newCode()).key, row.status(), row.remark()));
			}
		}
	}

	private void abolishDistricts() {
		List<PlannedLink> links = new ArrayList<>();
		for (PlannedUnit district : oldDistricts.values()) {
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
		return LEADING_ZEROS.matcher(VnText.searchKey(name)).replaceAll("$1");
	}

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
