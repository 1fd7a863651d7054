package vn.ntm.criteria;

/**
 * A set version written as a file for download: .xlsx, .yaml or .json.
 *
 * @param fileName e.g. {@code QD318_XA_NTM-v1.xlsx}
 */
public record SetFile(String fileName, String contentType, byte[] content) {

	/** The formats a set is exported in and imported from. */
	public static final java.util.List<String> FORMATS = java.util.List.of("xlsx", "yaml", "json");

	/** The largest file accepted for import. */
	public static final int MAX_BYTES = 5 * 1024 * 1024;

}
