package dev.lockstep.recovery.rest;

import dev.lockstep.contracts.http.FactorView;
import dev.lockstep.recovery.domain.CaseHistory;
import dev.lockstep.recovery.domain.CaseStatus;
import dev.lockstep.recovery.domain.FormSubmission;
import dev.lockstep.recovery.domain.RecoveryCase;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Request and response bodies of recovery-service's APIs. */
public final class RecoveryRequests {

    private RecoveryRequests() {
    }

    /** S1: the account, one of its trusted numbers, and a number to receive the recovery code. */
    public record StartWaitingPeriod(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 32) String trustedPhone,
            @NotBlank @Size(max = 32) String recoveryPhone, @Size(max = 64) String deviceId) {
    }

    public record Code(@NotBlank @Size(max = 40) String code) {
    }

    public record Cancel(@NotBlank @Size(max = 40) String code, @Size(max = 512) String reason) {
    }

    /** {@code code}: the recovery code (waiting period, form); none after a trusted phone or the key. */
    public record Complete(@Size(max = 40) String code, @NotNull @Size(min = 8, max = 128) String newPassword) {
    }

    public record RecoveryKey(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 40) String recoveryKey,
            @NotNull @Size(min = 8, max = 128) String newPassword, @Size(max = 64) String deviceId) {
    }

    public record TrustedPhone(@NotBlank @Size(max = 64) String username, @NotNull @Size(max = 128) String password,
            @Size(max = 64) String deviceId) {
    }

    public record SendCode(@NotBlank @Size(max = 36) String factorId) {
    }

    public record StartForm(@NotBlank @Size(max = 64) String username,
            @NotBlank @Email @Size(max = 254) String contactEmail) {
    }

    /** The recovery form (S4); every answer optional, more answers score more. */
    public record Form(@Size(max = 128) String name, LocalDate dateOfBirth, @Size(max = 64) String country,
            @Size(max = 64) String region, @Size(max = 16) String postalCode,
            @Size(max = 5) List<@NotNull @Size(max = 128) String> previousPasswords,
            @Size(max = 10) List<@NotNull @Size(max = 128) String> products,
            @Size(max = 10) List<@NotNull @Size(max = 254) String> recentRecipients,
            @Size(max = 10) List<@NotNull @Size(max = 256) String> subjects,
            @Size(max = 128) String cardHolder, @Pattern(regexp = "[0-9]{4}") String cardLast4,
            @Pattern(regexp = "(0[1-9]|1[0-2])/[0-9]{2}") String cardExpiry) {
    }

    /** What the owner sees of a case: no more than a real provider shows. */
    public record OwnerView(String caseId, String path, String status, Instant statusAvailableAt, Instant expectedAt,
            List<FactorView> phones) {

        public static OwnerView of(RecoveryCase c, List<FactorView> phones, Instant now) {
            if (c.status == CaseStatus.WAITING && c.statusAvailableAt != null && now.isBefore(c.statusAvailableAt)) {
                // "status available in N days": until then nothing more, and not the completion date
                return new OwnerView(c.id, c.path.slug, "REQUESTED", c.statusAvailableAt, null, phones);
            }
            Instant expected = c.status == CaseStatus.WAITING || c.status == CaseStatus.SUBMITTED ? c.dueAt : null;
            return new OwnerView(c.id, c.path.slug, c.status.name(), c.statusAvailableAt, expected, phones);
        }
    }

    public record SubmissionView(String id, String virtualDay, Instant submittedAt, Instant verdictDueAt, int score,
            int threshold, String fieldScores, String verdict) {

        static SubmissionView of(FormSubmission s) {
            return new SubmissionView(s.id, s.virtualDay, s.submittedAt, s.verdictDueAt, s.score, s.threshold,
                    s.fieldScores, s.verdict);
        }
    }

    public record HistoryView(Instant at, String status, String actor, String detail) {

        static HistoryView of(CaseHistory h) {
            return new HistoryView(h.at, h.status, h.actor, h.detail);
        }
    }

    /** A case as operators see it, with its whole history (never a code). */
    public record AdminView(String caseId, String accountId, String username, String path, String status, String reason,
            String deviceId, String recoveryPhone, String contactEmail, Instant createdAt, Instant statusAvailableAt,
            Instant dueAt, Instant closedAt, Instant since, String openedBy, String correlationId,
            List<HistoryView> history, List<SubmissionView> submissions) {
    }

    public record CaseSummary(String caseId, String username, String path, String status, String reason,
            Instant createdAt, Instant dueAt) {

        static CaseSummary of(RecoveryCase c) {
            return new CaseSummary(c.id, c.username, c.path.slug, c.status.name(), c.reason, c.createdAt, c.dueAt);
        }
    }

    public record OperatorCancel(@NotBlank @Size(max = 512) String reason) {
    }

    /** S2: support checked the owner's identity and escalates. */
    public record Escalate(@NotBlank @Size(max = 64) String username, @NotNull Instant since,
            @NotBlank @Size(max = 256) String identityCheck, @NotBlank @Size(max = 512) String reason) {
    }

    /** What the provider knows about an owner, to score recovery forms against. */
    public record Profile(@Size(max = 128) String fullName, LocalDate dateOfBirth, @Size(max = 64) String country,
            @Size(max = 64) String region, @Size(max = 16) String postalCode,
            @Size(max = 20) List<@NotNull @Size(max = 64) String> products, @Size(max = 128) String cardHolder,
            @Pattern(regexp = "[0-9]{4}") String cardLast4, @Pattern(regexp = "(0[1-9]|1[0-2])/[0-9]{2}") String cardExpiry) {
    }

    /** One mail in the account's simulated sent history. */
    public record Mail(@NotBlank @Email @Size(max = 254) String to, @NotBlank @Size(max = 256) String subject,
            Instant sentAt) {
    }

    public record AuditView(Instant at, String operator, String action, String target, String reason) {
    }
}
