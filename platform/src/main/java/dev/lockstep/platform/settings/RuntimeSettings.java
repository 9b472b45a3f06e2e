package dev.lockstep.platform.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * What operators changed at run time, on top of each service's configured defaults, in the
 * service's {@code runtime_setting} table: a value by name, or a whole group as JSON. Reads join the
 * caller's transaction if there is one; writes need it.
 */
@ApplicationScoped
public class RuntimeSettings {

    private final ObjectMapper json;

    public RuntimeSettings(ObjectMapper json) {
        this.json = json;
    }

    public Optional<String> text(String name) {
        RuntimeSetting row = RuntimeSetting.findById(name);
        return Optional.ofNullable(row).map(r -> r.value);
    }

    /** A group stored as JSON, read back as {@code type}. */
    public <T> Optional<T> json(String name, Class<T> type) {
        return text(name).map(body -> {
            try {
                return json.readValue(body, type);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the stored setting " + name + " is unreadable", e);
            }
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void putText(String name, String value) {
        RuntimeSetting row = RuntimeSetting.findById(name);
        if (row == null) {
            row = new RuntimeSetting();
            row.name = name;
            row.value = value;
            row.persist();
        } else {
            row.value = value;
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void putJson(String name, Object value) {
        try {
            putText(name, json.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the setting " + name + " cannot be written", e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void remove(String name) {
        RuntimeSetting.deleteById(name);
    }
}
