/**
 * Audit trail: every change to programme data is recorded with who, when, what, and the
 * record before and after. Other modules call {@link vn.ntm.audit.AuditLog} inside the
 * transaction that makes the change, so a change and its audit row commit or roll back
 * together.
 */
@ApplicationModule(displayName = "Nhật ký thay đổi", allowedDependencies = "shared")
@NullMarked
package vn.ntm.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
