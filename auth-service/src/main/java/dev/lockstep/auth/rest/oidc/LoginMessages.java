package dev.lockstep.auth.rest.oidc;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The hosted login's texts in English; {@code messages/msg_ja.properties} has them in Japanese. */
@MessageBundle(value = "msg", locale = "en")
public interface LoginMessages {

    /** The page's language tag. */
    @Message("en")
    String lang();

    @Message("Sign in")
    String title();

    @Message("Sign in to {name}")
    String sign_in_to(String name);

    @Message("Username")
    String username();

    @Message("Password")
    String password();

    @Message("Continue")
    String continue_();

    @Message("Cancel")
    String cancel();

    @Message("Forgot your password or lost your phone? Recover your account")
    String recover();

    @Message("Two-step verification")
    String two_step();

    @Message("Enter the code we sent by text message to {phone}.")
    String code_sent_to(String phone);

    @Message("Enter the code from your authenticator app.")
    String code_from_app();

    @Message("Enter one of your recovery codes.")
    String code_from_recovery();

    @Message("Code")
    String code();

    @Message("Verify")
    String verify();

    @Message("Trust this browser (no code next time)")
    String trust_device();

    @Message("Didn't get a code?")
    String no_code();

    @Message("Send another code")
    String send_again();

    @Message("Call me with the code")
    String call_me();

    @Message("At most {max} codes are sent per sign-in.")
    String send_limit(int max);

    @Message("Other ways to verify")
    String other_ways();

    @Message("Text message to {phone}")
    String use_phone(String phone);

    @Message("Authenticator app")
    String use_app();

    @Message("Recovery code")
    String use_recovery();

    @Message("A new code is on its way.")
    String notice_code_sent();

    @Message("We are calling you with the code.")
    String notice_call_placed();

    @Message("Incorrect username or password.")
    String err_invalid_credentials();

    @Message("This account is locked.")
    String err_account_locked();

    @Message("This sign-in was blocked as risky. Try again from a device and place you used before.")
    String err_sign_in_blocked();

    @Message("Your second factor is not ready yet. Try again in a moment.")
    String err_second_factor_unavailable();

    @Message("That code is not right.")
    String err_code_invalid();

    @Message("That code was already used.")
    String err_code_used();

    @Message("A newer code was sent: only the most recent code works.")
    String err_code_superseded();

    @Message("That code has expired. Send a new one.")
    String err_code_expired();

    @Message("No code has been sent yet. Wait for the message, or send a new one.")
    String err_code_not_sent_yet();

    @Message("Too many wrong codes. Sign in again.")
    String err_too_many_attempts();

    @Message("No more codes can be sent for this sign-in.")
    String err_too_many_sends();

    @Message("Wait a moment before asking for another code.")
    String err_resend_too_soon();

    @Message("This sign-in took too long. Sign in again.")
    String err_challenge_expired();

    @Message("Something went wrong. Try again.")
    String err_generic();

    @Message("Sign-in error")
    String error_title();

    @Message("This sign-in page has expired. Go back to the application and sign in again.")
    String err_login_expired();

    @Message("This sign-in page was not opened in this browser. Go back to the application and sign in again.")
    String err_login_unknown();

    @Message("The application's request is not valid, so you cannot be sent back to it.")
    String err_bad_request();

    @Message("You are signed out.")
    String signed_out();
}
