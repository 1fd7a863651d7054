package vn.ntm.planning;

import org.springframework.core.io.Resource;

/** An attached file with its content, for download. */
public record AttachmentContent(AttachmentView file, Resource content) {
}
