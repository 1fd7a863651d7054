package vn.ntm.assessment.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.ntm.assessment.AssessmentWorkbooks;
import vn.ntm.assessment.UploadJobView;
import vn.ntm.criteria.CriteriaCatalog;
import vn.ntm.criteria.SetSummary;
import vn.ntm.shared.BusinessRuleException;

/**
 * The Excel round trip over the API: the template of a unit or of its lower units, the
 * upload of a filled one (a job), the job's progress, preview and errors, and apply.
 */
@RestController
@RequestMapping("/api/v1")
class AssessmentWorkbookApiController {

	private final AssessmentWorkbooks workbooks;

	private final CriteriaCatalog catalog;

	AssessmentWorkbookApiController(AssessmentWorkbooks workbooks, CriteriaCatalog catalog) {
		this.workbooks = workbooks;
		this.catalog = catalog;
	}

	@GetMapping("/units/{id}/assessments/template.xlsx")
	void template(@PathVariable long id, @RequestParam long set, @RequestParam int year,
			@RequestParam(defaultValue = "unit") String scope, HttpServletResponse response) throws IOException {
		boolean children = "children".equals(scope);
		if (!children && !"unit".equals(scope)) {
			throw new BusinessRuleException("assessment.template.scope", scope);
		}
		SetSummary summary = catalog.summary(set);
		String name = ("mau-nhap-danh-gia-" + summary.code() + "-v" + summary.version() + "-" + year + "-" + id
				+ (children ? "-cac-don-vi" : ""))
			.replaceAll("[^A-Za-z0-9_.-]+", "-") + ".xlsx";
		// streamed; the headers are set with the first byte, after access and evaluations
		// were checked, so that a refusal still answers as problem JSON
		OutputStream out = new OutputStream() {

			private @Nullable OutputStream body;

			private OutputStream body() throws IOException {
				if (body == null) {
					response.setContentType(EvaluationMatrixController.XLSX);
					response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"");
					body = response.getOutputStream();
				}
				return body;
			}

			@Override
			public void write(int b) throws IOException {
				body().write(b);
			}

			@Override
			public void write(byte[] bytes, int offset, int length) throws IOException {
				body().write(bytes, offset, length);
			}

		};
		workbooks.writeTemplate(id, set, year, children, out);
	}

	/** Starts checking a filled template; 202 with the job to poll. */
	@PostMapping("/assessments/uploads")
	ResponseEntity<UploadJobView> upload(@RequestParam("file") MultipartFile file) throws IOException {
		UUID id = start(workbooks, file);
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(workbooks.job(id));
	}

	@GetMapping("/assessments/uploads/{id}")
	UploadJobView job(@PathVariable UUID id) {
		return workbooks.job(id);
	}

	/** Applies a checked file: 200 when applied, 409 when it failed (nothing saved). */
	@PostMapping("/assessments/uploads/{id}/apply")
	ResponseEntity<UploadJobView> apply(@PathVariable UUID id) {
		UploadJobView job = workbooks.apply(id);
		return ResponseEntity.status("APPLIED".equals(job.status()) ? HttpStatus.OK : HttpStatus.CONFLICT).body(job);
	}

	/** Checks again a file whose check a restart interrupted (status INTERRUPTED). */
	@PostMapping("/assessments/uploads/{id}/restart")
	ResponseEntity<UploadJobView> restart(@PathVariable UUID id) {
		workbooks.restart(id);
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(workbooks.job(id));
	}

	static UUID start(AssessmentWorkbooks workbooks, MultipartFile file) throws IOException {
		if (file.isEmpty()) {
			throw new BusinessRuleException(file.getOriginalFilename() == null || file.getOriginalFilename().isEmpty()
					? "assessment.upload.missing" : "assessment.upload.empty");
		}
		String name = file.getOriginalFilename() == null ? "tep.xlsx" : file.getOriginalFilename();
		if (file.getSize() > AssessmentWorkbooks.MAX_BYTES) {
			// refused before anything is read
			return workbooks.upload(name, file.getSize(), InputStream.nullInputStream());
		}
		return workbooks.upload(name, file.getSize(), file.getInputStream());
	}

}
