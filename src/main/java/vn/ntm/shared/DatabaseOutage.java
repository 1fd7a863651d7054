package vn.ntm.shared;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure to reach the database (server down, connection refused or lost, no
 * connection within the pool's timeout) from every other failure, so that the web layer
 * answers 503 "the database cannot be reached for now" — never "wrong password", 401 or a
 * generic 500.
 */
public final class DatabaseOutage {

	private DatabaseOutage() {
	}

	/** Whether the failure, or one of its causes, is the database being unreachable. */
	public static boolean isCause(@Nullable Throwable failure) {
		int depth = 0;
		for (Throwable cause = failure; cause != null && depth < 20; cause = cause.getCause(), depth++) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
					|| cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException) {
				return true;
			}
			if (cause instanceof TransactionSystemException tx) {
				// a rollback or commit that failed on a connection the server dropped:
				// the
				// failure that caused the rollback is kept aside, not as the cause
				if (isCause(tx.getApplicationException()) || tx.getCause() instanceof SQLException) {
					return true;
				}
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
				// connection exceptions; the server shutting down or not yet accepting
				return true;
			}
		}
		return false;
	}

}
