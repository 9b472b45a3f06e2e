package dev.lockstep.recovery.service;

import java.time.Instant;

/**
 * Every text a recovery case sends the owner, in one place. Where a message carries a code, the
 * code comes first or early: inboxes show the first run of digits as the message's code.
 */
final class OwnerMessages {

    private OwnerMessages() {
    }

    /** SMS to the recovery phone the owner gave (waiting period). */
    static String recoveryPhoneCode(String username, String code) {
        return "Your Lockstep account recovery code is " + code + ". It confirms this number as the recovery number for "
                + username + ".";
    }

    /** Email to the contact address the owner gave (recovery form). */
    static String contactEmailCode(String username, String code) {
        return "Your Lockstep account recovery security code is " + code + ". Enter it on the recovery form for "
                + username + ".";
    }

    /** Email to the account's own address when a wait starts, with the code that cancels it. */
    static String waitStarted(String username, String cancelCode, String caseLink, Instant statusAvailableAt) {
        return "Cancellation code " + cancelCode + ": account recovery was requested for your Lockstep account "
                + username + ". If you did not ask for this, cancel it at " + caseLink + "/cancel with this code; "
                + "signing in to your account also cancels it. For your security recovery takes some time: you can "
                + "check its status from " + statusAvailableAt + ".";
    }

    /** Email to the account's own address when a sign-in ended the wait. */
    static String cancelledBySignIn(String username) {
        return "Someone signed in to your Lockstep account " + username + ", so the account recovery that was waiting "
                + "was cancelled.";
    }

    /** SMS to the recovery phone when the wait is over. */
    static String waitOver(String username, String code, String caseLink, Instant completeBy) {
        return "Account recovery for " + username + " is ready. Your recovery code is " + code + ". Complete the "
                + "recovery at " + caseLink + " before " + completeBy + ".";
    }

    /** Email to the contact address: the form was accepted. */
    static String formAccepted(String username, String tally, String code, String caseLink, Instant completeBy) {
        return "We verified that the Lockstep account " + username + " is yours" + tally + ". Your recovery code is "
                + code + ": set a new password at " + caseLink + " before " + completeBy + ".";
    }

    /** Email to the contact address: the form was not enough. */
    static String formRejected(String username, String tally) {
        return "The information you provided was not enough to verify that the account " + username + " is yours"
                + tally + ". You can try again: answering more questions helps.";
    }

    /** Email to the account's own address when an operator cancelled a case. */
    static String cancelledBySupport(String username) {
        return "Support cancelled the account recovery for your Lockstep account " + username + ".";
    }

    /** Email to the account's own address when an operator escalated. */
    static String escalationOpened(String username, Instant runsAt, Instant since) {
        return "Support is securing your Lockstep account " + username + ": by " + runsAt + " every sign-in, device "
                + "and second factor added since " + since + " will be removed.";
    }

    /** Email to the account's own address when the escalation ran. */
    static String escalationDone(String username, String summary) {
        return "Support secured your Lockstep account " + username + ": " + summary + ". Turn on two-step verification "
                + "so that a sign-in from another device needs a code.";
    }
}
