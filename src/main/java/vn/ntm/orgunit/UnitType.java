package vn.ntm.orgunit;

import java.util.Arrays;
import java.util.Optional;

import vn.ntm.shared.VnText;

/**
 * Kinds of administrative unit, with their level (0 country … 4 village) and the word
 * that precedes the name in the official full name ("Xã Tam Thanh"). The words are the
 * official Vietnamese ones in every locale; labels for display are in the message bundles
 * under {@code unit.type.<NAME>}.
 */
public enum UnitType {

	/** The country: the root of the tree. */
	QUOC_GIA(0, ""),

	TINH(1, "Tỉnh"),

	/** Thành phố trực thuộc trung ương. */
	THANH_PHO_TW(1, "Thành phố"),

	HUYEN(2, "Huyện"),

	QUAN(2, "Quận"),

	THI_XA(2, "Thị xã"),

	/** Thành phố thuộc tỉnh (or thuộc thành phố trực thuộc trung ương). */
	THANH_PHO_THUOC_TINH(2, "Thành phố"),

	XA(3, "Xã"),

	PHUONG(3, "Phường"),

	THI_TRAN(3, "Thị trấn"),

	DAC_KHU(3, "Đặc khu"),

	THON(4, "Thôn"),

	BAN(4, "Bản"),

	AP(4, "Ấp"),

	XOM(4, "Xóm"),

	TO_DAN_PHO(4, "Tổ dân phố"),

	KHU_PHO(4, "Khu phố");

	private final int level;

	private final String prefix;

	UnitType(int level, String prefix) {
		this.level = level;
		this.prefix = prefix;
	}

	public int level() {
		return level;
	}

	public String prefix() {
		return prefix;
	}

	public String messageKey() {
		return "unit.type." + name();
	}

	/** The official full name: "Xã" + " " + "Tam Thanh". */
	public String fullName(String name) {
		return prefix.isEmpty() ? name : prefix + " " + name;
	}

	/**
	 * Whether a unit of this type may sit directly under a unit of {@code parent} type:
	 * provinces under the country, districts under provinces, communes under districts or
	 * (from 1/7/2025) directly under provinces, villages under communes.
	 */
	public boolean mayBeChildOf(UnitType parent) {
		return switch (level) {
			case 0 -> false;
			case 1 -> parent.level == 0;
			case 2 -> parent.level == 1;
			case 3 -> parent.level == 1 || parent.level == 2;
			default -> parent.level == 3;
		};
	}

	/**
	 * Reads a type from a code ("XA"), a Vietnamese word with or without diacritics
	 * ("xã", "Thi tran") as import files write it. "Thành phố" is ambiguous and resolved
	 * by the level.
	 */
	public static Optional<UnitType> parse(String text, int levelHint) {
		String key = VnText.searchKey(text).replace(' ', '_').replace('-', '_').toUpperCase();
		for (UnitType type : values()) {
			if (type.name().equals(key)) {
				return Optional.of(type);
			}
		}
		String word = VnText.searchKey(text);
		return Arrays.stream(values())
			.filter(t -> !t.prefix.isEmpty() && VnText.searchKey(t.prefix).equals(word))
			.filter(t -> levelHint < 0 || t.level == levelHint || !"thanh pho".equals(word))
			.sorted((a, b) -> Integer.compare(Math.abs(a.level - Math.max(levelHint, 0)),
					Math.abs(b.level - Math.max(levelHint, 0))))
			.findFirst();
	}

}
