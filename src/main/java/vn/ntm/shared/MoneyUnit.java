package vn.ntm.shared;

import java.math.BigDecimal;

/**
 * The units amounts are written in: đồng, triệu đồng (million), tỷ đồng (billion). A unit
 * only changes how an exact amount in đồng is shown or read, never the amount.
 */
public enum MoneyUnit {

	DONG(BigDecimal.ONE, "đồng", "dong"),

	TRIEU(new BigDecimal("1000000"), "triệu đồng", "million dong"),

	TY(new BigDecimal("1000000000"), "tỷ đồng", "billion dong");

	private final BigDecimal factor;

	private final String vietnamese;

	private final String english;

	MoneyUnit(BigDecimal factor, String vietnamese, String english) {
		this.factor = factor;
		this.vietnamese = vietnamese;
		this.english = english;
	}

	/** How many đồng one of this unit is. */
	public BigDecimal factor() {
		return factor;
	}

	/** "tỷ đồng". */
	public String label() {
		return vietnamese;
	}

	public String label(java.util.Locale locale) {
		return "en".equals(locale.getLanguage()) ? english : vietnamese;
	}

	/**
	 * The unit written after a figure: "tỷ", "tỷ đồng", "triệu", "tr.đồng", "trđ", "đồng"
	 * (case and diacritics ignored); empty for none.
	 */
	public static java.util.Optional<MoneyUnit> parse(String text) {
		String key = VnText.searchKey(text).replace(" ", "").replace(".", "");
		if (key.isEmpty()) {
			return java.util.Optional.empty();
		}
		if (key.equals("ty") || key.equals("tydong")) {
			return java.util.Optional.of(TY);
		}
		if (key.equals("trieu") || key.equals("trieudong") || key.equals("trdong") || key.equals("trd")
				|| key.equals("tr")) {
			return java.util.Optional.of(TRIEU);
		}
		if (key.equals("dong") || key.equals("d")) {
			return java.util.Optional.of(DONG);
		}
		return java.util.Optional.empty();
	}

}
