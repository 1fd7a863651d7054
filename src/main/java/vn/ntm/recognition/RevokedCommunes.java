package vn.ntm.recognition;

import java.util.List;

/**
 * The second rule of QĐ 18/2022 for a district (huyện) holding a title: its recognition
 * is revoked when {@value #SHARE}% or more of its communes (xã) have had their
 * recognition revoked. Base: the communes (type xã) below the district at the date;
 * counted: those with a commune title revoked on or before the date.
 */
public record RevokedCommunes(int revoked, int communes, List<String> names) {

	/** The share of communes revoked that revokes the district's title, in percent. */
	public static final int SHARE = 30;

	public RevokedCommunes {
		names = List.copyOf(names);
	}

	/** Exact: revoked/communes ≥ 30/100. */
	public boolean crosses() {
		return communes > 0 && revoked * 100L >= (long) SHARE * communes;
	}

	/** "1/3 (33,3%)". */
	public String describe() {
		return new Ratio(revoked, communes).describe();
	}

}
