package dev.lockstep.sim.scenario;

import dev.lockstep.sim.scenario.ScenarioFile.Expect;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A step's expectations, and whether what happened meets them. */
final class Expectations {

    private Expectations() {
    }

    /** What the step's {@code expect} asks for, by name. */
    static Map<String, Object> expected(Expect expect) {
        Map<String, Object> expected = new LinkedHashMap<>();
        if (expect == null) {
            return expected;
        }
        if (expect.http() != null) {
            expected.put("http", expect.http());
        }
        if (expect.status() != null) {
            expected.put("status", expect.status());
        }
        if (expect.codeArrives() != null) {
            expected.put("codeArrives", expect.codeArrives());
        }
        if (expect.accountStatus() != null) {
            expected.put("accountStatus", expect.accountStatus());
        }
        if (expect.lockReason() != null) {
            expected.put("lockReason", expect.lockReason());
        }
        if (expect.signals() != null) {
            expected.put("signals", expect.signals());
        }
        if (expect.sessions() != null) {
            expected.put("sessions", expect.sessions());
        }
        if (expect.caseStatus() != null) {
            expected.put("caseStatus", expect.caseStatus());
        }
        if (expect.acr() != null) {
            expected.put("acr", expect.acr());
        }
        return expected;
    }

    /** Every expectation holds ({@code signals}: at least those). */
    static boolean met(Map<String, Object> expected, Map<String, Object> actual) {
        for (Map.Entry<String, Object> want : expected.entrySet()) {
            Object got = actual.get(want.getKey());
            if ("signals".equals(want.getKey())) {
                if (!(got instanceof List<?> list) || !list.containsAll((List<?>) want.getValue())) {
                    return false;
                }
            } else if (!Objects.equals(want.getValue(), got)) {
                return false;
            }
        }
        return true;
    }
}
