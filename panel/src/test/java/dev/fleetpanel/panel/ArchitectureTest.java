package dev.fleetpanel.panel;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.Slice;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The layout rules of STYLE.md: one package per feature, web -> service -> repository, never back.
 */
@AnalyzeClasses(
    packages = "dev.fleetpanel.panel",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final String ROOT = "dev.fleetpanel.panel";
  private static final List<String> FEATURES =
      List.of(
          "audit",
          "auth",
          "server",
          "settings",
          "metrics",
          "node",
          "dashboard",
          "blocklist",
          "nodesync");
  private static final String WIRING = ROOT + ".platform.Wiring";
  private static final String ENTITY = "jakarta.persistence.Entity";

  private static String[] featurePackages() {
    return FEATURES.stream().map(f -> ROOT + "." + f + "..").toArray(String[]::new);
  }

  @ArchTest
  static final ArchRule web_is_not_used_by_services_or_repositories =
      noClasses()
          .that()
          .resideOutsideOfPackage("..web..")
          .and()
          .doNotHaveFullyQualifiedName(WIRING)
          .should()
          .dependOnClassesThat()
          .resideInAPackage("..web..")
          .because(
              "web -> service -> repository, never back; only the composition root knows the web side");

  @ArchTest
  static final ArchRule features_do_not_reach_into_another_features_web =
      CompositeArchRule.of(
              FEATURES.stream()
                  .map(
                      f ->
                          noClasses()
                              .that()
                              .resideInAPackage(ROOT + "." + f + "..")
                              .should()
                              .dependOnClassesThat()
                              .resideInAnyPackage(
                                  FEATURES.stream()
                                      .filter(other -> !other.equals(f))
                                      .map(other -> ROOT + "." + other + ".web..")
                                      .toArray(String[]::new)))
                  .toList())
          .because("a feature does not reach into another feature's web package");

  @ArchTest
  static final ArchRule jax_rs_resources_are_named_resource_and_live_in_web =
      classes()
          .that()
          .areAnnotatedWith("jakarta.ws.rs.Path")
          .should()
          .haveSimpleNameEndingWith("Resource")
          .andShould()
          .resideInAPackage("..web..");

  @ArchTest
  static final ArchRule web_does_not_use_repositories =
      noClasses()
          .that()
          .resideInAPackage("..web..")
          .should()
          .dependOnClassesThat()
          .haveSimpleNameEndingWith("Repository")
          .because("web -> service -> repository: resources go through a service");

  private static final DescribedPredicate<JavaClass> VIEW_RECORD =
      DescribedPredicate.describe(
          "view records in ..web.. (…Row, …View, …Form, …Json)",
          c ->
              c.isRecord()
                  && resideInAPackage("..web..").test(c)
                  && c.getSimpleName().matches(".*(Row|View|Form|Json)"));

  private static final ArchCondition<JavaField> NOT_REFER_TO_AN_ENTITY =
      new ArchCondition<>("not have an @Entity type, or an @Entity type argument") {
        @Override
        public void check(JavaField field, ConditionEvents events) {
          List<String> entities =
              field.getAllInvolvedRawTypes().stream()
                  .filter(t -> t.isAnnotatedWith(ENTITY))
                  .map(JavaClass::getName)
                  .sorted()
                  .collect(Collectors.toList());
          if (!entities.isEmpty()) {
            events.add(
                SimpleConditionEvent.violated(
                    field, field.getFullName() + " refers to entity " + entities));
          }
        }
      };

  @ArchTest
  static final ArchRule templates_never_see_entities =
      fields()
          .that()
          .areDeclaredInClassesThat(VIEW_RECORD)
          .should(NOT_REFER_TO_AN_ENTITY)
          .because(
              "templates never see entities: view records end in Row, View or Form"
                  + " (an empty selection fails the rule, so it is never vacuous)");

  @ArchTest
  static final ArchRule platform_does_not_depend_on_features =
      noClasses()
          .that()
          .resideInAPackage(ROOT + ".platform..")
          .and()
          .resideOutsideOfPackage(ROOT + ".platform.web..")
          .and()
          .doNotHaveFullyQualifiedName(WIRING)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(featurePackages())
          .because(
              "platform is cross-cutting; only the composition root and the web filters know features");

  @ArchTest
  static final ArchRule platform_web_uses_only_auth_and_audit =
      noClasses()
          .that()
          .resideInAPackage(ROOT + ".platform.web..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(ROOT + ".server..", ROOT + ".settings..")
          .orShould()
          .dependOnClassesThat()
          .resideInAnyPackage(ROOT + ".audit.web..", ROOT + ".auth.web..")
          .because(
              "platform.web uses auth and audit (not their web side) for its filters, and no other feature");

  @ArchTest
  static final ArchRule features_are_free_of_cycles =
      slices()
          .matching(ROOT + ".(*)..")
          .that(
              DescribedPredicate.describe(
                  "are features " + FEATURES, (Slice s) -> FEATURES.contains(s.getNamePart(1))))
          .should()
          .beFreeOfCycles();

  @ArchTest
  static final ArchRule packages_are_free_of_cycles =
      slices()
          .matching(ROOT + ".(**)")
          .should()
          .beFreeOfCycles()
          .as("packages (each package on its own, platform included) should be free of cycles");
}
