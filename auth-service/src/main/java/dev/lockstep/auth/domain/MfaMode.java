package dev.lockstep.auth.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;

/** When an account's sign-in asks for a second factor; stored and shown by its wire name. */
public enum MfaMode {
    /** At every login. */
    ALWAYS("always"),
    /** Only from devices the owner has not trusted yet. */
    NEW_DEVICE("new-device"),
    /** Password only (a support action). */
    OFF("off");

    private final String wire;

    MfaMode(String wire) {
        this.wire = wire;
    }

    /** The name the API, the events and the column use. */
    public String wire() {
        return wire;
    }

    /** The mode of a wire name (the API validates it first). */
    public static MfaMode of(String wire) {
        return Arrays.stream(values()).filter(m -> m.wire.equals(wire)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no MFA mode " + wire));
    }

    /** The {@code mfa_mode} column holds the wire name. */
    @Converter
    public static class Column implements AttributeConverter<MfaMode, String> {

        @Override
        public String convertToDatabaseColumn(MfaMode mode) {
            return mode != null ? mode.wire : null;
        }

        @Override
        public MfaMode convertToEntityAttribute(String wire) {
            return wire != null ? of(wire) : null;
        }
    }
}
