package vn.ntm.platform.jobs;

/**
 * A kind of one-off job: {@link Jobs#runOnce} schedules an instance of it (a key and a
 * text payload) and one instance of the application runs it.
 */
public interface JobHandler {

	/** The kind's name, unique in the application ("planning-reminder-mail"). */
	String name();

	void run(String key, String data);

}
