/**
 * Stored files: the bytes of uploaded documents (evidence of assessments, attachments of
 * progress reports and submitted reports), content-addressed by their SHA-256 on disk,
 * their type detected from the content, their names made safe. {@link Documents} is the
 * facade; who may read or attach a file is decided by the module that owns the record the
 * file belongs to, which keeps the file's name, type, size and hash in its own table.
 */
@ApplicationModule(displayName = "Tài liệu", allowedDependencies = { "shared" })
@NullMarked
package vn.ntm.documents;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
