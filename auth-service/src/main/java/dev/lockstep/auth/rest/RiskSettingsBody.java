package dev.lockstep.auth.rest;

import dev.lockstep.auth.domain.GeoIp;
import dev.lockstep.auth.domain.RiskPolicy;
import dev.lockstep.auth.service.RiskSettings;
import java.util.List;
import java.util.Map;

/**
 * {@code GET/PUT /v1/admin/risk}: the risk settings as operators read and write them. In a PUT any
 * field may be left out to keep it and {@code compromisedPasswords} replaces the list; a GET shows the
 * list only as {@code compromisedPasswordCount}.
 */
public record RiskSettingsBody(Boolean enabled, Map<String, Integer> weights, Integer mediumAt, Integer highAt,
        Map<String, String> actions, Map<String, Boolean> alertOwner, Integer impossibleTravelKmh,
        Integer stuffingAccounts, String stuffingWindow, Integer deviceAccounts, String deviceWindow,
        String simSwapWindow, List<String> compromisedPasswords, Integer compromisedPasswordCount,
        List<GeoIp.Range> geoip) {

    static RiskSettingsBody of(RiskPolicy p) {
        return new RiskSettingsBody(p.enabled(), p.weights(), p.mediumAt(), p.highAt(), p.actions(), p.alertOwner(),
                p.impossibleTravelKmh(), p.stuffingAccounts(), p.stuffingWindow().toString(), p.deviceAccounts(),
                p.deviceWindow().toString(), p.simSwapWindow().toString(), null, p.compromisedPasswordSha256().size(),
                p.geoip());
    }

    RiskSettings.Change toChange() {
        return new RiskSettings.Change(enabled, weights, mediumAt, highAt, actions, alertOwner, impossibleTravelKmh,
                stuffingAccounts, stuffingWindow, deviceAccounts, deviceWindow, simSwapWindow, compromisedPasswords, geoip);
    }
}
