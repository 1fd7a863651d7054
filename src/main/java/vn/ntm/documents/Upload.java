package vn.ntm.documents;

import org.springframework.core.io.InputStreamSource;

/**
 * A file sent with a form or an API call, not read yet: its name as sent and where to
 * read it (a multipart file is one).
 */
public record Upload(String fileName, InputStreamSource content) {
}
