package io.backline.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.backline.practice.SvgCharts.Point;

/** The charts as a browser and a screen reader get them: parsed as XML, read by element and attribute. */
class SvgChartsTest {
    private static final String SVG = "http://www.w3.org/2000/svg";

    private static LocalDate nov(int day) {
        return LocalDate.of(2026, 11, day);
    }

    private static List<Point> holds(Object... dayThenSeconds) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < dayThenSeconds.length; i += 2) {
            points.add(new Point(nov((Integer) dayThenSeconds[i]), ((Number) dayThenSeconds[i + 1]).doubleValue()));
        }
        return points;
    }

    @Test
    void coordinatesHaveOneDecimalAsTheFormatterWrites() {
        for (int i = -20_000; i <= 20_000; i++) {
            double value = i * 0.0137;
            double tenths = Math.abs(value * 10);
            if (Math.abs(tenths - Math.floor(tenths) - 0.5) < 1e-6) {
                continue; // a tie: the last digit may round either way, both are right
            }
            String formatted = String.format(java.util.Locale.US, "%.1f", value);
            assertEquals(formatted.equals("-0.0") ? "0.0" : formatted, SvgCharts.coordinate(value), "for " + value);
        }
        assertEquals("640.0", SvgCharts.coordinate(640));
        assertEquals("-3.3", SvgCharts.coordinate(-3.26));
    }

    @Test
    void holdsChartIsAStandaloneLabelledSvg() throws Exception {
        String svg = SvgCharts.holdsPerLevel(List.of("Upper thoracic"), List.of(holds(2, 30, 9, 45, 16, 60)),
                "Hold time per level");
        Element root = parse(svg).getDocumentElement();

        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assertEquals(SVG, root.getNamespaceURI());
        assertEquals("svg", root.getLocalName());
        assertEquals("0 0 640 240", root.getAttribute("viewBox"));
        assertEquals("chart", root.getAttribute("class")); // sized by app.css: the CSP allows no inline style
        assertEquals("img", root.getAttribute("role"));
        assertEquals(List.of("Hold time per level", "3 sessions from Nov 2 to Nov 16; latest hold 60 s on Upper thoracic."),
                labelsOf(root));
    }

    @Test
    void descriptionNamesTheSessionCountAndEachLevelsLatestHold() throws Exception {
        // Two levels, four session days between them; a level not done on the last day reports its own latest.
        String svg = SvgCharts.holdsPerLevel(List.of("Upper thoracic", "Mid thoracic"),
                List.of(holds(2, 30, 9, 45, 16, 60), holds(4, 20, 9, 25)), "Holds");

        assertEquals("4 sessions from Nov 2 to Nov 16; latest hold 60 s on Upper thoracic; latest hold 25 s on Mid thoracic.",
                labelsOf(parse(svg).getDocumentElement()).get(1));
    }

    @Test
    void descriptionOfASingleSessionSaysOnWhichDay() throws Exception {
        String svg = SvgCharts.discomfort(List.of(new Point(nov(2), 3)), "Discomfort");

        assertEquals("1 session on Nov 2; latest discomfort 3 out of 10.", labelsOf(parse(svg).getDocumentElement()).get(1));
    }

    @Test
    void levelNamesAndTitlesAreXmlEscaped() throws Exception {
        String name = "<b>\"Upper\" & co</b>";
        String title = "Sam's holds & <script>alert(1)</script>";
        String svg = SvgCharts.holdsPerLevel(List.of(name), List.of(holds(2, 30, 3, 40)), title);
        Document document = parse(svg);

        assertTrue(svg.contains("&lt;b&gt;&quot;Upper&quot; &amp; co&lt;/b&gt;"), svg);
        assertTrue(svg.contains("Sam&#39;s holds &amp; &lt;script&gt;"), svg);
        assertEquals(0, document.getElementsByTagNameNS("*", "b").getLength());
        assertEquals(0, document.getElementsByTagNameNS("*", "script").getLength());
        assertEquals(List.of(name), texts(document, "legend"));
        assertEquals(title, labelsOf(document.getDocumentElement()).get(0));
        assertTrue(labelsOf(document.getDocumentElement()).get(1).endsWith("latest hold 40 s on " + name + "."));
    }

    @Test
    void controlCharactersInANameAreDroppedInsteadOfBreakingTheSvg() throws Exception {
        String svg = SvgCharts.holdsPerLevel(List.of("Upper\u0007 thoracic"), List.of(holds(2, 30)), "Holds\u0000");

        assertEquals(List.of("Upper thoracic"), texts(parse(svg), "legend"));
    }

    @Test
    void emptyHoldsRenderNoSessionsYet() throws Exception {
        for (String svg : List.of(
                SvgCharts.holdsPerLevel(List.of("Upper thoracic", "Mid thoracic"), List.of(List.of(), List.of()), "Holds"),
                SvgCharts.holdsPerLevel(List.of(), List.of(), "Holds"))) {
            Document document = parse(svg);

            assertEquals(List.of("Holds", "There are no sessions yet."), labelsOf(document.getDocumentElement()));
            assertEquals(List.of("No sessions yet"), allTexts(document));
            assertEquals(0, document.getElementsByTagNameNS(SVG, "circle").getLength());
            assertEquals(0, document.getElementsByTagNameNS(SVG, "polyline").getLength());
        }
    }

    @Test
    void emptyDiscomfortRendersNoSessionsYet() throws Exception {
        Document document = parse(SvgCharts.discomfort(List.of(), "Discomfort <0–10>"));

        assertEquals(List.of("Discomfort <0–10>", "There are no sessions yet."), labelsOf(document.getDocumentElement()));
        assertEquals(List.of("No sessions yet"), allTexts(document));
    }

    @Test
    void thereIsOneCirclePerPointAndOnePolylinePerLevel() throws Exception {
        // A level with no points yet keeps its legend entry but draws nothing.
        Document document = parse(SvgCharts.holdsPerLevel(List.of("Upper", "Mid", "Lower"),
                List.of(holds(2, 30, 9, 45, 16, 60), holds(9, 20, 16, 25), List.of()), "Holds"));

        assertEquals(5, document.getElementsByTagNameNS(SVG, "circle").getLength());
        List<Element> lines = elements(document, "polyline");
        assertEquals(2, lines.size());
        assertEquals(3, lines.get(0).getAttribute("points").split(" ").length);
        assertEquals(2, lines.get(1).getAttribute("points").split(" ").length);
        assertEquals(List.of("Upper", "Mid", "Lower"), texts(document, "legend"));
    }

    @Test
    void eachPointHasATitleWithItsDateAndValue() throws Exception {
        Document document = parse(SvgCharts.holdsPerLevel(List.of("Upper"), List.of(holds(2, 30, 9, 45)), "Holds"));

        List<String> titles = elements(document, "circle").stream().map(Element::getTextContent).toList();
        assertEquals(List.of("Nov 2, Upper: 30 s", "Nov 9, Upper: 45 s"), titles);
    }

    @Test
    void eachLevelHasItsOwnColourAndItsOwnDashPatternInLinesAndLegend() throws Exception {
        Document document = parse(SvgCharts.holdsPerLevel(List.of("Upper", "Mid", "Lower", "Lumbar"),
                List.of(holds(2, 30, 9, 40), holds(2, 25, 9, 35), holds(2, 20, 9, 30), holds(2, 15, 9, 25)), "Holds"));
        List<Element> lines = elements(document, "polyline");
        List<Element> swatches = elements(document, "line").stream()
                .filter(line -> ((Element) line.getParentNode()).getAttribute("class").equals("legend")).toList();

        Set<String> colours = new HashSet<>();
        Set<String> dashes = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            colours.add(lines.get(i).getAttribute("stroke"));
            dashes.add(lines.get(i).getAttribute("stroke-dasharray"));
            assertEquals(lines.get(i).getAttribute("stroke"), swatches.get(i).getAttribute("stroke"));
            assertEquals(lines.get(i).getAttribute("stroke-dasharray"), swatches.get(i).getAttribute("stroke-dasharray"));
        }
        assertEquals(4, colours.size());
        assertEquals(4, dashes.size(), "dash patterns, so the lines differ without colour: " + dashes);
    }

    @Test
    void holdsUnderTenMinutesAreInSeconds() throws Exception {
        Document document = parse(SvgCharts.holdsPerLevel(List.of("Upper"), List.of(holds(2, 300, 9, 599)), "Holds"));

        assertEquals(List.of("seconds"), texts(document, "y-unit"));
        assertEquals(List.of("0", "200", "400", "600"), texts(document, "y-tick"));
    }

    @Test
    void yScaleSwitchesToMinutesForLongHolds() throws Exception {
        Document document = parse(SvgCharts.holdsPerLevel(List.of("Upper"), List.of(holds(2, 300, 9, 900)), "Holds"));

        assertEquals(List.of("minutes"), texts(document, "y-unit"));
        assertEquals(List.of("0", "5", "10", "15"), texts(document, "y-tick"));
        // 900 s is drawn at the 15-minute gridline, 300 s at the 5-minute one.
        List<Element> circles = elements(document, "circle");
        assertEquals(tickY(document, "15"), Double.parseDouble(circles.get(1).getAttribute("cy")));
        assertEquals(tickY(document, "5"), Double.parseDouble(circles.get(0).getAttribute("cy")));
    }

    @Test
    void yTicksForAMinuteHoldAreRoundNumbers() throws Exception {
        Document document = parse(SvgCharts.holdsPerLevel(List.of("Upper"), List.of(holds(2, 45, 9, 60)), "Holds"));

        assertEquals(List.of("0", "20", "40", "60"), texts(document, "y-tick"));
        assertEquals(tickY(document, "60"), Double.parseDouble(elements(document, "circle").get(1).getAttribute("cy")));
    }

    @Test
    void theXScaleFollowsTheCalendarNotTheSessionCount() throws Exception {
        // Sessions on the 2nd, 3rd and 16th: the second gap is 13 days, so 13 times as wide as the first.
        Document document = parse(SvgCharts.holdsPerLevel(List.of("Upper"), List.of(holds(2, 30, 3, 30, 16, 30)), "Holds"));
        List<Double> x = elements(document, "circle").stream().map(c -> Double.parseDouble(c.getAttribute("cx"))).toList();

        assertEquals(13.0, (x.get(2) - x.get(1)) / (x.get(1) - x.get(0)), 0.05);
        assertEquals(List.of("Nov 2", "Nov 7", "Nov 11", "Nov 16"), texts(document, "x-tick"));
    }

    @Test
    void theDateRangeSpansEveryLevelEvenWhenTheLastLevelEndsEarly() throws Exception {
        // The first level runs to the 16th, the last stops on the 9th: the 16th must still be on the chart.
        Document document = parse(SvgCharts.holdsPerLevel(List.of("Upper", "Lats"),
                List.of(holds(2, 30, 9, 45, 16, 60), holds(4, 50, 9, 50)), "Holds"));
        List<Double> x = elements(document, "circle").stream().map(c -> Double.parseDouble(c.getAttribute("cx"))).toList();

        assertEquals(List.of("Nov 2", "Nov 7", "Nov 11", "Nov 16"), texts(document, "x-tick"));
        assertTrue(x.stream().allMatch(cx -> cx >= 56 && cx <= 640 - 16), "inside the plot: " + x);
        assertEquals(tickX(document, "Nov 16"), x.get(2));
    }

    @Test
    void pointsGivenOutOfOrderAreDrawnInDateOrder() throws Exception {
        Document document = parse(SvgCharts.discomfort(
                List.of(new Point(nov(16), 2), new Point(nov(2), 5), new Point(nov(9), 3)), "Discomfort"));
        List<Double> x = Arrays.stream(elements(document, "polyline").get(0).getAttribute("points").split(" "))
                .map(pair -> Double.parseDouble(pair.split(",")[0])).toList();

        assertEquals(x.stream().sorted().toList(), x);
        assertTrue(labelsOf(document.getDocumentElement()).get(1).endsWith("latest discomfort 2 out of 10."));
    }

    @Test
    void aSingleDayGetsOneDateLabelInTheMiddle() throws Exception {
        Document document = parse(SvgCharts.holdsPerLevel(List.of("Upper"), List.of(holds(2, 30)), "Holds"));

        assertEquals(List.of("Nov 2"), texts(document, "x-tick"));
        assertEquals(320.0, Double.parseDouble(elements(document, "circle").get(0).getAttribute("cx")), 20.0);
    }

    @Test
    void twoDaysGetTwoDateLabelsNotRepeats() throws Exception {
        Document document = parse(SvgCharts.holdsPerLevel(List.of("Upper"), List.of(holds(2, 30, 3, 35)), "Holds"));

        assertEquals(List.of("Nov 2", "Nov 3"), texts(document, "x-tick"));
    }

    @Test
    void discomfortBandsMarkCautionAndStopAndContainTheirScores() throws Exception {
        Document document = parse(SvgCharts.discomfort(List.of(new Point(nov(2), 3), new Point(nov(9), 5),
                new Point(nov(16), 7)), "Discomfort"));
        List<Element> bands = elements(document, "rect").stream()
                .filter(rect -> rect.getAttribute("class").equals("band")).toList();
        List<Double> cy = elements(document, "circle").stream().map(c -> Double.parseDouble(c.getAttribute("cy"))).toList();

        assertEquals(List.of("Caution 4–6", "Stop and consult 7–10"), texts(document, "band-label"));
        assertEquals(List.of("0", "2", "4", "6", "8", "10"), texts(document, "y-tick"));
        assertFalse(inside(bands.get(0), cy.get(0)) || inside(bands.get(1), cy.get(0)), "3 is in no band");
        assertTrue(inside(bands.get(0), cy.get(1)) && !inside(bands.get(1), cy.get(1)), "5 is caution only");
        assertTrue(inside(bands.get(1), cy.get(2)) && !inside(bands.get(0), cy.get(2)), "7 is stop only");
        assertEquals("3 sessions from Nov 2 to Nov 16; latest discomfort 7 out of 10, in the stop and consult band.",
                labelsOf(document.getDocumentElement()).get(1));
    }

    @Test
    void allTextHasAtLeast4Point5To1ContrastOnWhiteAndOnTheBands() throws Exception {
        Document discomfort = parse(SvgCharts.discomfort(List.of(new Point(nov(2), 4), new Point(nov(9), 8)), "D"));
        Document holds = parse(SvgCharts.holdsPerLevel(List.of("A", "B", "C", "D", "E", "F"),
                List.of(holds(2, 1), holds(2, 2), holds(2, 3), holds(2, 4), holds(2, 5), holds(9, 6)), "H"));
        for (Document document : List.of(discomfort, holds)) {
            Set<String> backgrounds = new HashSet<>(Set.of("#ffffff"));
            elements(document, "rect").forEach(rect -> backgrounds.add(rect.getAttribute("fill")));
            for (Element text : elements(document, "text")) {
                for (String background : backgrounds) {
                    double ratio = contrast(text.getAttribute("fill"), background);
                    assertTrue(ratio >= 4.5, text.getTextContent() + " at " + ratio + ":1 on " + background);
                }
            }
            // Lines and points are graphics: WCAG asks 3:1 for those.
            for (Element line : elements(document, "polyline")) {
                assertTrue(contrast(line.getAttribute("stroke"), "#ffffff") >= 3, line.getAttribute("stroke"));
            }
        }
    }

    @Test
    void chartsWithDifferentContentHaveDifferentIds() throws Exception {
        Element holds = parse(SvgCharts.holdsPerLevel(List.of("A"), List.of(holds(2, 30)), "Holds")).getDocumentElement();
        Element discomfort = parse(SvgCharts.discomfort(List.of(new Point(nov(2), 3)), "Discomfort")).getDocumentElement();

        assertNotEquals(holds.getAttribute("aria-labelledby"), discomfort.getAttribute("aria-labelledby"));
    }

    @Test
    void manyLongLevelNamesWrapTheLegendAndGrowTheChart() throws Exception {
        List<String> names = List.of("Upper thoracic, left side", "Upper thoracic, right side", "Mid thoracic, both sides",
                "Lower thoracic, slow rolls", "Lats, alternating");
        List<List<Point>> series = names.stream().map(name -> holds(2, 30, 9, 40)).toList();
        Document document = parse(SvgCharts.holdsPerLevel(names, series, "Holds"));
        String[] viewBox = document.getDocumentElement().getAttribute("viewBox").split(" ");

        assertTrue(Integer.parseInt(viewBox[3]) > 240, "taller than one legend row: " + viewBox[3]);
        assertEquals(names, texts(document, "legend"));
        for (Element text : elements(document, "text")) {
            double x = Double.parseDouble(text.getAttribute("x"));
            assertTrue(x >= 0 && x + 7 * text.getTextContent().length() <= 640 + 24, text.getTextContent() + " at " + x);
            assertTrue(Double.parseDouble(text.getAttribute("y")) <= Integer.parseInt(viewBox[3]));
        }
    }

    @Test
    void aNameCountMismatchIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class,
                () -> SvgCharts.holdsPerLevel(List.of("Upper"), List.of(holds(2, 30), holds(2, 40)), "Holds"));
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    /** The texts aria-labelledby points at, in its order, checking each id names a title or a desc. */
    private static List<String> labelsOf(Element root) {
        List<String> labels = new ArrayList<>();
        for (String id : root.getAttribute("aria-labelledby").split(" ")) {
            Element labelled = elements(root.getOwnerDocument(), "*").stream()
                    .filter(element -> element.getAttribute("id").equals(id)).findFirst()
                    .orElseThrow(() -> new AssertionError("no element with id " + id));
            assertTrue(Set.of("title", "desc").contains(labelled.getLocalName()), labelled.getLocalName());
            assertEquals(root, labelled.getParentNode(), "the chart's own title and desc");
            labels.add(labelled.getTextContent());
        }
        assertEquals(2, labels.size());
        return labels;
    }

    private static List<Element> elements(Document document, String localName) {
        NodeList nodes = document.getElementsByTagNameNS(SVG, localName);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    private static List<String> allTexts(Document document) {
        return elements(document, "text").stream().map(Element::getTextContent).toList();
    }

    /** Texts with a class, or inside a group with that class. */
    private static List<String> texts(Document document, String className) {
        return elements(document, "text").stream()
                .filter(text -> text.getAttribute("class").equals(className)
                        || ((Element) text.getParentNode()).getAttribute("class").equals(className))
                .map(Element::getTextContent).toList();
    }

    private static double tickY(Document document, String label) {
        Element tick = elements(document, "text").stream()
                .filter(text -> text.getAttribute("class").equals("y-tick") && text.getTextContent().equals(label))
                .findFirst().orElseThrow();
        return Double.parseDouble(tick.getAttribute("y"));
    }

    private static double tickX(Document document, String label) {
        Element tick = elements(document, "text").stream()
                .filter(text -> text.getAttribute("class").equals("x-tick") && text.getTextContent().equals(label))
                .findFirst().orElseThrow();
        return Double.parseDouble(tick.getAttribute("x"));
    }

    private static boolean inside(Element rect, double y) {
        double top = Double.parseDouble(rect.getAttribute("y"));
        return y > top && y < top + Double.parseDouble(rect.getAttribute("height"));
    }

    /** WCAG 2 contrast ratio of two #rrggbb colours. */
    private static double contrast(String first, String second) {
        double a = luminance(first);
        double b = luminance(second);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    private static double luminance(String hex) {
        double[] rgb = new double[3];
        for (int i = 0; i < 3; i++) {
            double channel = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            rgb[i] = channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    }
}
