package vn.ntm.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a page handler (a GET that renders a view and changes nothing) whose reads — the
 * controller's facade calls and the page layout's — run in one read-only transaction
 * instead of one per facade call (issue 10: a unit page took and gave back a connection
 * thirteen times, each time waiting in the pool's queue under load). The transaction ends
 * before the view is rendered, so no connection is held while the page is written to the
 * client; a handler that may change data, stream a file or answer JSON must not carry it.
 * Applied by {@code vn.ntm.web.PageTransaction}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ReadOnlyPage {

}
