/**
 * Web helpers every module's pages share (form handling).
 */
@NullMarked
package vn.ntm.shared.web;

import org.jspecify.annotations.NullMarked;
