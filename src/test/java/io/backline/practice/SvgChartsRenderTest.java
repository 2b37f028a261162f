package io.backline.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import io.backline.practice.SvgCharts.Point;

class SvgChartsRenderTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);

    private static Document parse(String svg) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void holdsChartIsValidSvgWithACirclePerSessionAndItsStoryInWords() throws Exception {
        String svg = SvgCharts.holdsPerLevel(List.of("Upper thoracic", "Lower thoracic"),
                List.of(List.of(new Point(DAY, 60), new Point(DAY.plusDays(2), 90)), List.of(new Point(DAY, 45))),
                "Hold time per level");
        Document doc = parse(svg);
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        assertEquals(3, doc.getElementsByTagName("circle").getLength());
        String desc = doc.getElementsByTagName("desc").item(0).getTextContent();
        assertTrue(desc.startsWith("2 sessions from Nov 2 to Nov 4"), desc);
        assertTrue(desc.contains("latest hold 90 s on Upper thoracic"), desc);
    }

    @Test
    void userTextIsEscaped() throws Exception {
        String svg = SvgCharts.holdsPerLevel(List.of("<b>\"Upper\" & co</b>"), List.of(List.of(new Point(DAY, 30))),
                "<script>x</script>");
        assertTrue(!svg.contains("<b>") && !svg.contains("<script>"), svg);
        assertEquals("<script>x</script>", parse(svg).getElementsByTagName("title").item(0).getTextContent());
    }

    @Test
    void longHoldsAreShownInMinutes() {
        String svg = SvgCharts.holdsPerLevel(List.of("Upper"), List.of(List.of(new Point(DAY, 1200))), "Holds");
        assertTrue(svg.contains(">minutes<"), svg);
        assertTrue(SvgCharts.holdsPerLevel(List.of("Upper"), List.of(List.of(new Point(DAY, 120))), "Holds")
                .contains(">seconds<"));
    }

    @Test
    void noSessionsYetSaysSoInsteadOfFailing() throws Exception {
        String svg = SvgCharts.discomfort(List.of(), "Discomfort");
        assertTrue(parse(svg).getDocumentElement().getTextContent().contains("no sessions yet"));
    }

    @Test
    void discomfortChartShadesTheCautionAndStopBands() throws Exception {
        Document doc = parse(SvgCharts.discomfort(List.of(new Point(DAY, 2), new Point(DAY.plusDays(7), 5)), "Discomfort"));
        assertEquals(2, doc.getElementsByTagName("rect").getLength());
        assertTrue(doc.getElementsByTagName("desc").item(0).getTextContent().contains("latest discomfort 5 out of 10"));
    }
}
