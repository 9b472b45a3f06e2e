package dev.lockstep.platform.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToCarrierMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.lockstep.platform.problem.ProblemException;
import java.util.Locale;

/** Phone numbers through libphonenumber: validation, E.164 form, country, masking. */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /**
     * Parses an international number ({@code +} and country code; spaces, dashes and brackets allowed)
     * and returns its E.164 form, or throws a 400 {@code invalid-phone-number} problem.
     */
    public static String toE164(String raw) {
        PhoneNumber number = parse(raw);
        return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
    }

    /** ISO 3166 region of a valid number, e.g. {@code JP}. */
    public static String region(String e164) {
        return UTIL.getRegionCodeForNumber(parse(e164));
    }

    /** The libphonenumber line type in lower case with dashes, e.g. {@code mobile}, {@code fixed-line}. */
    public static String lineType(String e164) {
        return UTIL.getNumberType(parse(e164)).name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The carrier the number's range was first allocated to (libphonenumber's carrier mapper), e.g.
     * {@code KDDI} for +81 90 1234 5678; null where the data has none (North America, ported numbers
     * are not tracked).
     */
    public static String carrier(String e164) {
        String name = PhoneNumberToCarrierMapper.getInstance().getNameForValidNumber(parse(e164), Locale.ENGLISH);
        return name.isEmpty() ? null : name;
    }

    /** Whether {@code region} is an ISO 3166 region libphonenumber knows (e.g. {@code ES}). */
    public static boolean knownRegion(String region) {
        return region != null && UTIL.getSupportedRegions().contains(region);
    }

    /**
     * The number as real providers show a trusted phone: country code, the rest hidden but the last
     * two digits ("number ending in 78"): {@code +81 ••••••••78}.
     */
    public static String mask(String e164) {
        PhoneNumber number = parse(e164);
        String national = String.valueOf(number.getNationalNumber());
        int shown = Math.min(2, national.length());
        return "+" + number.getCountryCode() + " " + "•".repeat(national.length() - shown)
                + national.substring(national.length() - shown);
    }

    private static PhoneNumber parse(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 32) {
            throw invalid(raw);
        }
        try {
            PhoneNumber number = UTIL.parse(raw.trim(), "ZZ");
            if (!UTIL.isValidNumber(number)) {
                throw invalid(raw);
            }
            return number;
        } catch (NumberParseException e) {
            throw invalid(raw);
        }
    }

    private static ProblemException invalid(String raw) {
        return ProblemException.badRequest("invalid-phone-number", "Not a valid phone number",
                "Give an international number with its country code, e.g. +81 90 1234 5678.");
    }
}
