package org.havewemet.triage.mime;

import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Turns an HTML body into lines of text and its links (jsoup), keeping block boundaries as line breaks. */
final class HtmlText {
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "tr", "li", "table", "h1", "h2", "h3", "h4",
            "h5", "h6", "blockquote", "center", "td", "ul", "ol", "hr", "title");

    private HtmlText() {
    }

    static String text(String html, List<MailText.Link> links) {
        Document doc = Jsoup.parse(html);
        doc.select("style, script, head").remove();
        // Hidden preview text repeats the note; hidden text is also a phishing trick. Only what a reader sees counts.
        doc.select("[style~=(?i)(display\\s*:\\s*none|visibility\\s*:\\s*hidden|mso-hide\\s*:\\s*all)]").remove();
        for (Element a : doc.select("a[href]")) {
            String href = a.attr("href");
            if (href.startsWith("http://") || href.startsWith("https://")) {
                links.add(new MailText.Link(href, Links.host(href), a.text()));
            }
        }
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    out.append(t.text());
                } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    out.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    out.append('\n');
                }
            }
        }, doc.body() == null ? doc : doc.body());
        return out.toString();
    }
}
