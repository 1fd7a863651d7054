/**
 * The user interface shell: layout with navigation by module, the current unit with its
 * breadcrumbs and picker, languages (Vietnamese first, English second), Vietnamese
 * formats, the home page, the error pages and problem responses shared by every module,
 * and the administrators' search over the audit trail.
 */
@ApplicationModule(displayName = "Giao diện chung", allowedDependencies = { "shared", "audit", "security", "orgunit" })
@NullMarked
package vn.ntm.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
