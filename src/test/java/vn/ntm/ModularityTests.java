package vn.ntm;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module structure: no cycles, only allowed dependencies, internals not used from
 * outside. Also writes the module diagrams and canvases to
 * {@code target/spring-modulith-docs}.
 */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(NtmApplication.class);

	@Test
	void shouldRespectModuleBoundaries() {
		modules.verify();
	}

	/**
	 * The store of files knows no module but {@code shared}: it does not know whose files
	 * it keeps. Assessment and planning (and anyone else) use its facade, never its
	 * internals.
	 */
	@Test
	void shouldKeepTheDocumentsStoreIgnorantOfItsUsers() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("vn.ntm");
		noClasses().that()
			.resideInAPackage("vn.ntm.documents..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("vn.ntm.assessment..", "vn.ntm.planning..", "vn.ntm.audit..", "vn.ntm.security..",
					"vn.ntm.orgunit..", "vn.ntm.criteria..", "vn.ntm.funding..", "vn.ntm.platform..", "vn.ntm.seed..",
					"vn.ntm.web..")
			.check(classes);
		noClasses().that()
			.resideOutsideOfPackage("vn.ntm.documents..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("vn.ntm.documents.internal..")
			.check(classes);
		noClasses().that()
			.resideInAnyPackage("vn.ntm.assessment..", "vn.ntm.planning..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.apache.tika..")
			.check(classes);
	}

	@Test
	void shouldWriteModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
	}

}
