package org.havewemet.config.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.havewemet.config.template.TemplateModel.InviterInfo;
import org.havewemet.config.template.TemplateModel.Person;
import org.havewemet.testing.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateRenderingTest {
    private static final Person ALICE = new Person("Alice Martin", "alice@example.com");

    @TempDir
    Path directory;
    private TemplateStore store;

    @BeforeEach
    void createStore() {
        store = new TemplateStore(directory, "en", new TestClock(Instant.parse("2026-11-25T05:00:00Z")));
    }

    private static TemplateModel invitation(String inviterName, String note) {
        return TemplateModel.of(ALICE, new InviterInfo(inviterName, "Growth hacker", "Acme", null, null),
                "LinkedIn", note, "2026-11-25");
    }

    @Test
    void shippedReplyShouldAskTheSeedQuestionsWithAnAutoSubject() {
        RenderedTemplate reply = store.render("reply", List.of("en"), "example.com", invitation("Bob Stranger", null));
        assertThat(reply.subject()).isEqualTo("Auto: Have we met?");
        assertThat(reply.usedLocale()).isEqualTo("en");
        assertThat(reply.body()).startsWith("Hello Bob Stranger,\n\nThank you for your invitation to connect on LinkedIn.")
                .contains("who you are", "how we know each other", "what we could do for each other")
                .contains("Alice Martin");
    }

    @Test
    void shippedReplyShouldReadWellWithoutInviterNameOrPlatform() {
        TemplateModel model = TemplateModel.of(new Person(null, "alice@example.com"), null, null, null, null);
        RenderedTemplate reply = store.render("reply", List.of(), null, model);
        assertThat(reply.body()).startsWith("Hello,\n\nThank you for your invitation to connect.")
                .contains("\nalice@example.com\n");
    }

    @Test
    void acceptedShouldThankAndAskForAShortCall() {
        assertThat(store.render("accepted", List.of("en"), null, invitation("Bob", "hi")).body())
                .contains("thank you for accepting my invitation", "5 to 10 minutes");
        assertThat(store.render("accepted", List.of("fr"), null, invitation("Bob", "hi")).body())
                .contains("5 à 10 minutes");
    }

    @Test
    void everyShippedTemplateShouldRenderInEveryShippedLocale() {
        List<TemplateEntry> shipped = store.list().stream().filter(TemplateEntry::shipped).toList();
        assertThat(shipped).hasSize(16);
        for (TemplateEntry entry : shipped) {
            RenderedTemplate out = store.render(entry.id().name(), List.of(entry.id().locale()), null,
                    invitation("Bob", "note"));
            assertThat(out.usedLocale()).isEqualTo(entry.id().locale());
            assertThat(out.subject()).isNotBlank();
            assertThat(out.body()).isNotBlank().doesNotContain("{{");
        }
    }

    @Test
    void replySubjectsShouldStartWithAutoInEveryLocale() {
        for (String locale : List.of("en", "fr", "de", "es")) {
            assertThat(store.render("reply", List.of(locale), null, invitation("Bob", null)).subject())
                    .startsWith("Auto: ");
        }
    }

    @Test
    void digestShouldListEveryInvitationAndSayWhenThereAreNone() {
        TemplateModel.DigestItem item = new TemplateModel.DigestItem(new InviterInfo("Bob", "CTO", null,
                "https://www.linkedin.com/in/bob", null), "LinkedIn", "We met at FOSDEM", "2026-11-24", "PERSONAL",
                "Invitations/Priority");
        RenderedTemplate digest = store.render("digest", List.of("en"), null,
                TemplateModel.digest(ALICE, List.of(item, item), "daily", "2026-11-25"));
        assertThat(digest.subject()).isEqualTo("Your connection invitations: 2 (daily)");
        assertThat(digest.body()).contains("* Bob on LinkedIn, 2026-11-24 [PERSONAL]\n  CTO\n  Note: We met at FOSDEM\n")
                .doesNotContain("No new invitations");
        RenderedTemplate empty = store.render("digest", List.of("en"), null,
                TemplateModel.digest(ALICE, List.of(), "weekly", "2026-11-25"));
        assertThat(empty.subject()).isEqualTo("Your connection invitations: 0 (weekly)");
        assertThat(empty.body()).contains("No new invitations.");
    }

    @Test
    void inviterTextShouldRenderLiterallyNeverAsTemplateSyntax() {
        store.put("reply", "en", new TemplateSource("Auto: Have we met, {{inviter.name}}?",
                "Your note: {{note}}\nMe: {{recipient.address}}\n"), "admin");
        String note = "{{recipient.address}} {{#x}}boom{{/x}} {{> partial}} {{=<% %>=}} <b>&amp;</b>";
        RenderedTemplate out = store.render("reply", List.of("en"), null, invitation("{{recipient.name}}", note));
        assertThat(out.body()).isEqualTo("Your note: " + note + "\nMe: alice@example.com\n");
        assertThat(out.subject()).isEqualTo("Auto: Have we met, {{recipient.name}}?");
    }

    @Test
    void controlCharactersInValuesShouldNeverAddHeaderLines() {
        store.put("reply", "en", new TemplateSource("Auto: Have we met, {{inviter.name}}?", "Hi {{inviter.name}}\n"),
                "admin");
        String evil = "Eve\r\nBcc: victim@example.com\n\u0000\u2028X-Evil: 1\u202E";
        RenderedTemplate out = store.render("reply", List.of("en"), null, invitation(evil, null));
        assertThat(out.subject()).isEqualTo("Auto: Have we met, Eve Bcc: victim@example.com X-Evil: 1?")
                .doesNotContain("\r", "\n", "\u0000");
        assertThat(out.body()).doesNotContain("\r", "\u0000", "\u202E");
    }

    @Test
    void overlongSubjectShouldBeCut() {
        store.put("reply", "en", new TemplateSource("Auto: {{inviter.name}}", "Hi\n"), "admin");
        String subject = store.render("reply", List.of("en"), null, invitation("x".repeat(5000), null)).subject();
        assertThat(subject).hasSize(TemplateEngine.MAX_SUBJECT_CHARS);
    }

    @Test
    void localeShouldFallBackFromRegionToLanguageToDefaultToEnglish() {
        assertThat(store.render("reply", List.of("fr-CA"), null, invitation("Bob", null)).usedLocale()).isEqualTo("fr");
        assertThat(store.render("reply", List.of("fr_ca"), null, invitation("Bob", null)).subject())
                .isEqualTo("Auto: Nous sommes-nous déjà rencontrés ?");
        java.util.ArrayList<String> junk = new java.util.ArrayList<>(List.of("../x", "klingon", "pt"));
        junk.add(null);
        assertThat(store.render("reply", junk, null, invitation("Bob", null)).usedLocale()).isEqualTo("en");
        TemplateStore german = new TemplateStore(directory, "de", new TestClock(Instant.EPOCH));
        assertThat(german.render("reply", List.of("pt-BR"), null, invitation("Bob", null)).usedLocale()).isEqualTo("de");
        assertThat(german.localeChain(List.of("pt-BR", "es"))).containsExactly("pt-BR", "pt", "es", "de", "en");
    }

    @Test
    void customRegionalTemplateShouldWinOverItsLanguage() {
        store.put("reply", "fr-CA", new TemplateSource("Auto: On se connaît?", "Allô!\n"), "admin");
        RenderedTemplate out = store.render("reply", List.of("fr-CA"), null, invitation("Bob", null));
        assertThat(out.usedLocale()).isEqualTo("fr-CA");
        assertThat(out.body()).isEqualTo("Allô!\n");
    }

    @Test
    void domainOverrideShouldWinOnlyForItsDomain() {
        store.put(TemplateId.forDomain("Example.COM", "reply", "en"),
                new TemplateSource("Auto: Example asks: have we met?", "Example wording\n"), "admin");
        assertThat(store.render("reply", List.of("en"), "example.com", invitation("Bob", null)).body())
                .isEqualTo("Example wording\n");
        assertThat(store.render("reply", List.of("en"), "EXAMPLE.com", invitation("Bob", null)).body())
                .isEqualTo("Example wording\n");
        assertThat(store.render("reply", List.of("en"), "other.org", invitation("Bob", null)).subject())
                .isEqualTo("Auto: Have we met?");
        assertThat(store.render("reply", List.of("en"), "../example.com", invitation("Bob", null)).subject())
                .isEqualTo("Auto: Have we met?");
        // the best language comes first: a French inviter still gets French, not the English override
        assertThat(store.render("reply", List.of("fr"), "example.com", invitation("Bob", null)).usedLocale())
                .isEqualTo("fr");
    }
}
