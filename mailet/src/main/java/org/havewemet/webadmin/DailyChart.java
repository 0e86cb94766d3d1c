package org.havewemet.webadmin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.havewemet.triage.Verdict;

/**
 * The dashboard's chart, drawn on the server as SVG from the answer of {@code GET /havewemet/stats/daily}: one
 * stacked bar per day, one colour per verdict, a legend, the largest day on the axis. Every value is XML-escaped and
 * the picture holds no script, no style element and no link, so it is safe to show inline under the page's CSP.
 * Each bar segment carries its numbers ({@code data-date}, {@code data-verdict}, {@code data-count}) and a tooltip.
 */
final class DailyChart {
    static final String TYPE = "image/svg+xml; charset=utf-8";
    private static final int WIDTH = 900;
    private static final int HEIGHT = 260;
    private static final int LEFT = 40;
    private static final int TOP = 30;
    private static final int BOTTOM = 40;
    private static final Map<String, String> COLOURS = Map.of(
        Verdict.PERSONAL.name(), "#2e7d32",
        Verdict.UNEXPLAINED.name(), "#f9a825",
        Verdict.SUSPICIOUS.name(), "#c62828",
        Verdict.KNOWN.name(), "#1565c0",
        Verdict.NOT_INVITATION.name(), "#9e9e9e");
    private static final String OTHER_COLOUR = "#6d4c41";

    private DailyChart() {
    }

    /** {@code daily} is the answer of {@link DashboardRoutes#daily}. */
    @SuppressWarnings("unchecked") // the maps DashboardRoutes.daily builds
    static String svg(Map<String, Object> daily) {
        List<Map<String, Object>> days = (List<Map<String, Object>>) daily.get("daily");
        List<String> verdicts = verdictOrder(((Map<String, Long>) daily.get("verdicts")).keySet());
        long max = Math.max(1, days.stream().mapToLong(d -> (Long) d.get("total")).max().orElse(1));
        int plotWidth = WIDTH - LEFT - 10;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        double slot = (double) plotWidth / Math.max(1, days.size());
        double bar = Math.max(1, slot * 0.8);
        StringBuilder svg = new StringBuilder(8192);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"daily-chart\" viewBox=\"0 0 ")
            .append(WIDTH).append(' ').append(HEIGHT).append("\" width=\"").append(WIDTH).append("\" height=\"")
            .append(HEIGHT).append("\" font-family=\"sans-serif\" font-size=\"11\">");
        svg.append("<title>").append(escape("Invitations per day by verdict, " + daily.get("from") + " to "
            + daily.get("to"))).append("</title>");
        axis(svg, max, plotWidth, plotHeight);
        for (int i = 0; i < days.size(); i++) {
            Map<String, Object> day = days.get(i);
            String date = (String) day.get("date");
            Map<String, Long> counts = (Map<String, Long>) day.get("verdicts");
            double x = LEFT + i * slot + (slot - bar) / 2;
            double y = TOP + plotHeight;
            svg.append("<g class=\"day\" data-date=\"").append(escape(date)).append("\" data-total=\"")
                .append(day.get("total")).append("\">");
            for (String verdict : verdicts) {
                long n = counts.getOrDefault(verdict, 0L);
                if (n == 0) {
                    continue;
                }
                double h = (double) n * plotHeight / max;
                y -= h;
                svg.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y)).append("\" width=\"")
                    .append(fmt(bar)).append("\" height=\"").append(fmt(h)).append("\" fill=\"")
                    .append(colour(verdict)).append("\" data-verdict=\"").append(escape(verdict))
                    .append("\" data-count=\"").append(n).append("\"><title>").append(escape(date + " " + verdict
                        + ": " + n)).append("</title></rect>");
            }
            svg.append("</g>");
            if (i % Math.max(1, days.size() / 10) == 0) {
                svg.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(HEIGHT - BOTTOM + 14)
                    .append("\" fill=\"#555\">").append(escape(date.substring(5))).append("</text>");
            }
        }
        legend(svg, verdicts);
        return svg.append("</svg>").toString();
    }

    private static void axis(StringBuilder svg, long max, int plotWidth, int plotHeight) {
        int base = TOP + plotHeight;
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(base).append("\" x2=\"")
            .append(LEFT + plotWidth).append("\" y2=\"").append(base).append("\" stroke=\"#999\"/>");
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT)
            .append("\" y2=\"").append(base).append("\" stroke=\"#999\"/>");
        svg.append("<text x=\"").append(LEFT - 4).append("\" y=\"").append(TOP + 4)
            .append("\" text-anchor=\"end\" fill=\"#555\" class=\"axis-max\">").append(max).append("</text>");
        svg.append("<text x=\"").append(LEFT - 4).append("\" y=\"").append(base)
            .append("\" text-anchor=\"end\" fill=\"#555\">0</text>");
    }

    private static void legend(StringBuilder svg, List<String> verdicts) {
        int x = LEFT;
        for (String verdict : verdicts) {
            svg.append("<rect x=\"").append(x).append("\" y=\"8\" width=\"10\" height=\"10\" fill=\"")
                .append(colour(verdict)).append("\"/><text x=\"").append(x + 14).append("\" y=\"17\" fill=\"#333\">")
                .append(escape(verdict)).append("</text>");
            x += 28 + 8 * verdict.length();
        }
    }

    /** The verdicts in triage's order, any value triage does not know (an older index) after them. */
    private static List<String> verdictOrder(Iterable<String> present) {
        List<String> order = new ArrayList<>();
        for (Verdict v : Verdict.values()) {
            order.add(v.name());
        }
        for (String value : present) {
            if (!order.contains(value)) {
                order.add(value);
            }
        }
        return order;
    }

    private static String colour(String verdict) {
        return COLOURS.getOrDefault(verdict, OTHER_COLOUR);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? ' ' : c);
            }
        }
        return out.toString();
    }
}
