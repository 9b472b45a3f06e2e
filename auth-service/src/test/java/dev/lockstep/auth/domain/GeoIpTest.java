package dev.lockstep.auth.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeoIpTest {

    @Test
    void theDefaultTablePlacesTheDocumentationRangesInTheirCities() {
        assertEquals("Tokyo", GeoIp.locate(GeoIp.DEFAULT, "203.0.113.7").orElseThrow().city());
        assertEquals("ES", GeoIp.locate(GeoIp.DEFAULT, "198.51.100.250").orElseThrow().country());
        assertEquals("GB", GeoIp.locate(GeoIp.DEFAULT, "2001:db8:1::5").orElseThrow().country());
        assertTrue(GeoIp.locate(GeoIp.DEFAULT, "198.51.101.1").isEmpty(), "just outside the /24");
        assertTrue(GeoIp.locate(GeoIp.DEFAULT, "127.0.0.1").isEmpty());
    }

    @Test
    void theMostSpecificRangeWins() {
        List<GeoIp.Range> table = new ArrayList<>(GeoIp.DEFAULT);
        table.add(new GeoIp.Range("198.51.100.128/25", "ES", "Barcelona", 41.3874, 2.1686));
        assertEquals("Barcelona", GeoIp.locate(table, "198.51.100.200").orElseThrow().city());
        assertEquals("Madrid", GeoIp.locate(table, "198.51.100.10").orElseThrow().city());
    }

    @Test
    void badRangesAreNamed() {
        assertNotNull(GeoIp.problem(new GeoIp.Range("300.0.0.0/8", "ES", "X", 0, 0)));
        assertNotNull(GeoIp.problem(new GeoIp.Range("10.0.0.0/33", "ES", "X", 0, 0)));
        assertNotNull(GeoIp.problem(new GeoIp.Range("10.0.0.0/8", "Spain", "X", 0, 0)));
        assertNotNull(GeoIp.problem(new GeoIp.Range("10.0.0.0/8", "ES", "X", 91, 0)));
        assertNull(GeoIp.problem(new GeoIp.Range("10.0.0.0/8", "ES", "X", 40, -3)));
    }

    @Test
    void tokyoToMadridIsAboutTenThousandSevenHundredKilometres() {
        double km = GeoIp.distanceKm(35.6762, 139.6503, 40.4168, -3.7038);
        assertEquals(10_760, km, 60);
    }
}
