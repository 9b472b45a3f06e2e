package dev.lockstep.sim.scenario;

import java.util.List;

/** A scenario file leaves out lists it does not need. */
final class ScenarioLists {

    private ScenarioLists() {
    }

    static <T> List<T> list(List<T> items) {
        return items != null ? items : List.of();
    }
}
