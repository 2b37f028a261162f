package io.backline.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The directory measures distance as earthdistance does, but from an origin computed in Java: the figures must match
 * what PostgreSQL's {@code earth_distance(ll_to_earth(..), ll_to_earth(..))} gives.
 */
class DirectoryDistanceTest {

    @Test
    void beavertonToDowntownPortlandIsWhatEarthdistanceSays() {
        // select earth_distance(ll_to_earth(45.4919, -122.8034), ll_to_earth(45.5152, -122.6784)) → 10092.0 m, and the
        // straight line between the two ll_to_earth points (cube_distance) → 10091.559 m.
        double[] beaverton = Directory.earthPoint(new Directory.Origin("97005", 45.4919, -122.8034));
        double[] downtown = Directory.earthPoint(new Directory.Origin("97204", 45.5152, -122.6784));
        double chord = Math.sqrt(Math.pow(beaverton[0] - downtown[0], 2) + Math.pow(beaverton[1] - downtown[1], 2)
                + Math.pow(beaverton[2] - downtown[2], 2));
        assertEquals(10091.559, chord, 0.01);
        assertEquals(10092.0, Directory.greatCircleOf(chord), 0.5);
    }

    @Test
    void aRadiusAndItsChordConvertBothWays() {
        for (double metres : new double[] { 0, 500, 10_000, 50_000, 400_000 }) {
            assertEquals(metres, Directory.greatCircleOf(Directory.chordOf(metres)), 1e-6);
        }
    }
}
