package vn.ntm.shared;

/**
 * A failure whose message for users comes from the message bundles
 * ({@code messages*.properties}), so that it reads in Vietnamese (or English) and names
 * the field or row at fault.
 */
public interface LocalizedFailure {

	String messageKey();

	Object[] arguments();

}
