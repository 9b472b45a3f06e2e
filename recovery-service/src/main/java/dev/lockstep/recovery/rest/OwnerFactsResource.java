package dev.lockstep.recovery.rest;

import dev.lockstep.contracts.http.RecoveryCalls;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.platform.security.AdminApi;
import dev.lockstep.platform.security.Operator;
import dev.lockstep.recovery.domain.AccountProfile;
import dev.lockstep.recovery.domain.MailFact;
import dev.lockstep.recovery.service.CaseLog;
import dev.lockstep.recovery.service.IdpGateway;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What the provider knows of an owner, seeded by an operator: the profile (name, birth date, address,
 * products, card) and the mail the account sent. Recovery forms are scored against it; audited.
 */
@Path("/v1/admin/recovery")
@AdminApi
@Tag(name = "Admin: recovery")
@SecurityRequirement(name = "admin")
public class OwnerFactsResource {

    /** Names the operator in the audit trail ({@code X-Lockstep-Operator}; {@code admin} without it). */
    private final Operator operator;

    private final IdpGateway idp;

    private final CaseLog log;

    private final SandboxClock clock;

    public OwnerFactsResource(Operator operator, IdpGateway idp, CaseLog log, SandboxClock clock) {
        this.operator = operator;
        this.idp = idp;
        this.log = log;
        this.clock = clock;
    }

    @PUT
    @Path("/accounts/{username}/profile")
    @Operation(summary = "What the provider knows about the owner (name, birth date, address, products, card): recovery forms are scored against it")
    public RecoveryRequests.Profile putProfile(@PathParam("username") String username,
            @Valid @NotNull RecoveryRequests.Profile profile) {
        String accountId = accountId(username);
        storeProfile(accountId, profile, operator.name());
        return profile;
    }

    @Transactional
    void storeProfile(String accountId, RecoveryRequests.Profile p, String operator) {
        AccountProfile profile = AccountProfile.findById(accountId);
        if (profile == null) {
            profile = new AccountProfile();
            profile.accountId = accountId;
            profile.persist();
        }
        profile.fullName = p.fullName();
        profile.dateOfBirth = p.dateOfBirth();
        profile.country = p.country();
        profile.region = p.region();
        profile.postalCode = p.postalCode();
        profile.products = p.products() == null ? null : String.join("\n", p.products());
        profile.cardHolder = p.cardHolder();
        profile.cardLast4 = p.cardLast4();
        profile.cardExpiry = p.cardExpiry();
        log.audit(operator, "recovery.profile", accountId, "profile seeded");
    }

    @GET
    @Path("/accounts/{username}/profile")
    @Operation(summary = "The owner's profile as seeded")
    public RecoveryRequests.Profile getProfile(@PathParam("username") String username) {
        AccountProfile p = AccountProfile.findById(accountId(username));
        if (p == null) {
            throw ProblemException.notFound("profile-not-found", "No profile was seeded for this account");
        }
        return new RecoveryRequests.Profile(p.fullName, p.dateOfBirth, p.country, p.region, p.postalCode,
                p.products == null ? List.of() : List.of(p.products.split("\n")), p.cardHolder, p.cardLast4, p.cardExpiry);
    }

    @POST
    @Path("/accounts/{username}/mail")
    @Operation(summary = "Add a mail to the account's simulated sent history (recipient and exact subject)")
    public Response addMail(@PathParam("username") String username, @Valid @NotNull RecoveryRequests.Mail mail) {
        String accountId = accountId(username);
        storeMail(accountId, mail, operator.name());
        return Response.status(201).entity(mail).build();
    }

    @Transactional
    void storeMail(String accountId, RecoveryRequests.Mail mail, String operator) {
        MailFact fact = new MailFact();
        fact.accountId = accountId;
        fact.recipient = mail.to().trim().toLowerCase(Locale.ROOT);
        fact.subject = mail.subject();
        fact.sentAt = mail.sentAt() != null ? mail.sentAt() : clock.instant();
        fact.persist();
        log.audit(operator, "recovery.mail-history", accountId, "mail to " + fact.recipient + " added");
    }

    @GET
    @Path("/accounts/{username}/mail")
    @Operation(summary = "The account's simulated sent mail, oldest first")
    public List<RecoveryRequests.Mail> mail(@PathParam("username") String username) {
        return MailFact.<MailFact> list("accountId = ?1 order by sentAt, id", accountId(username)).stream()
                .map(m -> new RecoveryRequests.Mail(m.recipient, m.subject, m.sentAt)).toList();
    }

    private String accountId(String username) {
        return idp.account(username).map(RecoveryCalls.AccountFacts::id)
                .orElseThrow(() -> ProblemException.notFound("account-not-found", "No such account"));
    }
}
