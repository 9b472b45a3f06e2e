package dev.lockstep.sim.service;

import dev.lockstep.platform.phone.PhoneNumbers;
import dev.lockstep.platform.problem.ProblemException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Where a message can go: a phone number for {@code sms} and {@code voice}, a mailbox for {@code email}. */
public final class Addresses {

    public static final Pattern CHANNELS = Pattern.compile("sms|voice|email");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    private Addresses() {
    }

    /** The address in its normal form (E.164, or the email address in lower case), or a 400 problem. */
    public static String normalise(String channel, String to) {
        if (channel == null || !CHANNELS.matcher(channel).matches()) {
            throw ProblemException.badRequest("invalid-request", "channel must be sms, voice or email", null)
                    .with("field", "channel");
        }
        return "email".equals(channel) ? email(to) : PhoneNumbers.toE164(to);
    }

    /** A number or an email address (told apart by the {@code @}) in its normal form, or a 400 problem. */
    public static String any(String to) {
        return to != null && to.contains("@") ? email(to) : PhoneNumbers.toE164(to);
    }

    /** An email address in lower case, or a 400 {@code invalid-email-address} problem. */
    public static String email(String raw) {
        if (raw == null || raw.length() > 254 || !EMAIL.matcher(raw.trim()).matches()) {
            throw ProblemException.badRequest("invalid-email-address", "Not a valid email address",
                    "Give an address such as alice@example.com.");
        }
        return raw.trim().toLowerCase(Locale.ROOT);
    }
}
