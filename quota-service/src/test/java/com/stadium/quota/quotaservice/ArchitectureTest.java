package com.stadium.quota.quotaservice;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.stadium.quota.messaging.contract.NotificationData;
import com.stadium.quota.messaging.contract.NotificationRequested;
import com.stadium.quota.messaging.contract.NotificationRequestedV1;
import com.stadium.quota.quotaservice.quota.CancellationPlan;
import com.stadium.quota.quotaservice.quota.Claim;
import com.stadium.quota.quotaservice.quota.ClaimRules;
import com.stadium.quota.quotaservice.quota.Quota;
import com.stadium.quota.quotaservice.quota.QuotaEvent;
import com.stadium.quota.quotaservice.quota.QuotaRefusal;
import com.stadium.quota.quotaservice.quota.SubquotaRules;
import com.stadium.quota.quotaservice.quota.Ticket;
import com.stadium.quota.quotaservice.quota.TransferRules;
import com.stadium.quota.quotaservice.ticketcode.TicketCode;
import com.stadium.quota.quotaservice.ticketcode.TicketCodeReader;
import com.stadium.quota.quotaservice.ticketcode.TicketKeys;
import com.stadium.quota.quotaservice.ticketcode.TicketSigner;
import com.stadium.quota.quotaservice.ticketcode.Verdict;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The shape of quota-service as rules that fail the build: who changes tickets, which way packages depend. */
class ArchitectureTest {

    private static JavaClasses service;

    @BeforeAll
    static void importService() {
        service = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.stadium.quota.quotaservice");
    }

    @Test
    void onlyTheQuotaAggregateChangesATicketsStatusOrAttendeeVersionAQuotasStateOrAClaimsStep() {
        noClasses().that().doNotBelongToAnyOf(Quota.class, Ticket.class, Claim.class)
                .should().setField(Ticket.class, "status")
                .orShould().setField(Ticket.class, "attendeeVersion")
                .orShould().setField(Quota.class, "state")
                .orShould().setField(Claim.class, "step")
                .because("the status machine of DESIGN.md lives in Quota's transitions only")
                .check(service);
    }

    @Test
    void onlyTheNoticePackageMakesNotificationRequests() {
        noClasses().that().resideOutsideOfPackage("..quotaservice.notice..")
                .should().dependOnClassesThat().belongToAnyOf(NotificationRequested.class)
                .because("messages to people are built in one place (Notices) and leave through one port (Messenger)")
                .check(service);
        noClasses().should().dependOnClassesThat().belongToAnyOf(NotificationRequestedV1.class, NotificationData.class)
                .because("quota-service sends version 2 only; version 1 is read by notification-adapter alone")
                .check(service);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("..quotaservice.(*)..").should().beFreeOfCycles().check(service);
    }

    @Test
    void theAggregateAndItsRulesArePlainJava() {
        classes().that().belongToAnyOf(Quota.class, Ticket.class, Claim.class, ClaimRules.class,
                SubquotaRules.class, TransferRules.class, CancellationPlan.class, QuotaEvent.class,
                QuotaRefusal.class)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "..quotaservice.quota..",
                        "com.stadium.quota.web..", "jakarta.persistence..", "io.quarkus.hibernate.orm.panache..")
                .because("the rules are tested without Quarkus, a database or a broker")
                .check(service);
    }

    @Test
    void ticketCodesArePlainJavaSoAGateCanVerifyWithoutTheService() {
        classes().that().belongToAnyOf(TicketCode.class, TicketKeys.class, TicketSigner.class,
                TicketCodeReader.class, Verdict.class)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "..quotaservice.ticketcode..",
                        "..quotaservice.quota..")
                .because("signing, reading and the gate's verdict are tested (and reused offline) without Quarkus")
                .check(service);
    }

    @Test
    void theQuotaPackageDependsOnNoOtherFeature() {
        noClasses().that().resideInAPackage("..quotaservice.quota..").should().dependOnClassesThat()
                .resideInAnyPackage("..quotaservice.allocation..", "..quotaservice.cancellation..",
                        "..quotaservice.claim..", "..quotaservice.demo..", "..quotaservice.holder..",
                        "..quotaservice.importing..", "..quotaservice.invitation..", "..quotaservice.messages..",
                        "..quotaservice.payment..", "..quotaservice.signin..", "..quotaservice.subquota..",
                        "..quotaservice.ticketcode..", "..quotaservice.tracking..")
                .because("every feature builds on the quota aggregate, never the other way round")
                .check(service);
    }

    @Test
    void resourcesAreEdgesAndNothingNeedsTheDemo() {
        noClasses().that().haveSimpleNameNotEndingWith("Resource").and()
                .resideOutsideOfPackage("..quotaservice.demo..")
                .should().dependOnClassesThat(JavaClass.Predicates.simpleNameEndingWith("Resource")
                        .and(JavaClass.Predicates.resideInAPackage("com.stadium.quota.quotaservice..")))
                .orShould().dependOnClassesThat().resideInAPackage("..quotaservice.demo..")
                .because("resources and the demo seeder are edges: they call the services, nothing calls them")
                .check(service);
    }
}
