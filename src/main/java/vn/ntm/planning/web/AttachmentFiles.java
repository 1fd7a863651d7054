package vn.ntm.planning.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;
import vn.ntm.documents.DocumentResponses;
import vn.ntm.documents.Upload;
import vn.ntm.planning.AttachmentContent;
import vn.ntm.planning.AttachmentView;

/** The files of a form or API call as uploads, and an attached file as a download. */
final class AttachmentFiles {

	private AttachmentFiles() {
	}

	/**
	 * The files chosen: a file input left empty sends a part without a name and without
	 * content, which is no file.
	 */
	static List<Upload> of(@Nullable List<MultipartFile> files) {
		if (files == null) {
			return List.of();
		}
		return files.stream()
			.filter(f -> !(f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isBlank())))
			.map(f -> new Upload(f.getOriginalFilename() == null ? "" : f.getOriginalFilename(), f))
			.toList();
	}

	static ResponseEntity<Resource> download(AttachmentContent content, boolean inline) {
		AttachmentView file = content.file();
		return DocumentResponses.of(content.content(), file.fileName(), file.contentType(), file.sha256(), inline);
	}

}
