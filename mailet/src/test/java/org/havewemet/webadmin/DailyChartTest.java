package org.havewemet.webadmin;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link DailyChart}: the server-side SVG of {@code /havewemet/stats/daily}. */
class DailyChartTest {
    @Test
    void chartShouldHoldOneSegmentPerDayAndVerdictWithItsCount() throws Exception {
        Map<String, Object> daily = daily(List.of(day("2026-12-01", Map.of("PERSONAL", 2L, "UNEXPLAINED", 1L)),
            day("2026-12-02", Map.of()), day("2026-12-03", Map.of("SUSPICIOUS", 4L))));

        Document svg = parse(DailyChart.svg(daily));

        assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
        List<String> segments = new ArrayList<>();
        NodeList rects = svg.getElementsByTagName("rect");
        for (int i = 0; i < rects.getLength(); i++) {
            Element rect = (Element) rects.item(i);
            if (rect.hasAttribute("data-count")) {
                Element day = (Element) rect.getParentNode();
                segments.add(day.getAttribute("data-date") + " " + rect.getAttribute("data-verdict") + " "
                    + rect.getAttribute("data-count"));
            }
        }
        assertThat(segments).containsExactly("2026-12-01 PERSONAL 2", "2026-12-01 UNEXPLAINED 1",
            "2026-12-03 SUSPICIOUS 4");
        assertThat(svg.getElementsByTagName("g").getLength()).as("one group per day, empty days too").isEqualTo(3);
    }

    @Test
    void chartShouldEscapeEveryValueAndHoldNoScriptOrLink() throws Exception {
        Map<String, Object> daily = daily(List.of(day("2026-12-01", Map.of("<script>alert(1)</script>", 1L))));

        String text = DailyChart.svg(daily);
        Document svg = parse(text);

        assertThat(svg.getElementsByTagName("script").getLength()).isZero();
        assertThat(text).doesNotContain("<script").doesNotContain("href").contains("&lt;script&gt;");
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static Map<String, Object> day(String date, Map<String, Long> verdicts) {
        return ConfigRoutes.ordered("date", date, "total", verdicts.values().stream().mapToLong(Long::longValue)
            .sum(), "verdicts", new TreeMap<>(verdicts));
    }

    private static Map<String, Object> daily(List<Map<String, Object>> days) {
        Map<String, Long> verdicts = new TreeMap<>();
        days.forEach(d -> {
            @SuppressWarnings("unchecked")
            Map<String, Long> counts = (Map<String, Long>) d.get("verdicts");
            counts.forEach((k, n) -> verdicts.merge(k, n, Long::sum));
        });
        Map<String, Object> out = ConfigRoutes.ordered("days", days.size(), "from", days.get(0).get("date"), "to",
            days.get(days.size() - 1).get("date"), "verdicts", verdicts);
        out.put("daily", days);
        return out;
    }
}
