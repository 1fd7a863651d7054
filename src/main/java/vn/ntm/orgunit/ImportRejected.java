package vn.ntm.orgunit;

import java.util.List;

import vn.ntm.shared.LocalizedFailure;

/**
 * A file that cannot be imported: nothing was saved. Carries every row error found.
 */
public class ImportRejected extends RuntimeException implements LocalizedFailure {

	private final List<ImportJobView.RowError> errors;

	public ImportRejected(List<ImportJobView.RowError> errors) {
		super("import rejected: " + errors.size() + " errors");
		this.errors = List.copyOf(errors);
	}

	public List<ImportJobView.RowError> errors() {
		return errors;
	}

	@Override
	public String messageKey() {
		return "import.rejected";
	}

	@Override
	public Object[] arguments() {
		ImportJobView.RowError first = errors.isEmpty() ? new ImportJobView.RowError(0, "", "") : errors.get(0);
		return new Object[] { errors.size(), first.row(), first.message() };
	}

}
