package org.havewemet.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.havewemet.config.template.RenderedTemplate;
import org.havewemet.config.template.TemplateModel;
import org.havewemet.config.template.TemplateModel.InviterInfo;
import org.havewemet.config.template.TemplateModel.Person;
import org.havewemet.config.template.TemplateSource;
import org.havewemet.config.template.TemplateStore;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inviter-controlled text (name, headline, note) is data, never template: whatever it holds, the rendered reply
 * shows it literally, never reveals a value the template did not ask for (the recipient's address is the canary),
 * and the subject stays one header-safe line.
 */
class TemplateFuzzTest {
    private static final String CANARY = "canary-address@havewemet.test";
    private static final TemplateStore STORE = store();
    /** A template that puts inviter text into the subject too, the riskiest place. */
    private static final TemplateSource SUBJECT_WITH_NAME = new TemplateSource("Auto: {{inviter.name}} {{platform}}",
        "Hello {{inviter.name}} ({{inviter.headline}}),\n\n{{note}}\n\n{{recipient.name}}\n");

    @FuzzTest(maxDuration = "5m")
    void inviterTextShouldRenderLiterallyAndNeverBreakTheSubject(FuzzedDataProvider data) {
        String name = data.consumeString(200);
        String headline = data.consumeString(200);
        String platform = data.consumeString(40);
        String note = data.consumeRemainingAsString();
        TemplateModel model = TemplateModel.of(new Person("Demo User", CANARY),
            new InviterInfo(name, headline, null, null, null), platform, note, "2024-01-01");

        RenderedTemplate reply = STORE.render("reply", List.of("en"), "havewemet.test", model);
        RenderedTemplate preview = STORE.preview("reply", "en", SUBJECT_WITH_NAME, model);

        for (RenderedTemplate rendered : List.of(reply, preview)) {
            assertThat(rendered.subject()).doesNotContain("\r", "\n");
            assertThat(rendered.subject().chars().noneMatch(Character::isISOControl)).as(rendered.subject()).isTrue();
            if (!(name + headline + platform + note).toLowerCase(Locale.ROOT).contains(CANARY)) {
                assertThat(rendered.body()).doesNotContain(CANARY);
            }
        }
        assertThat(preview.body()).contains(shown(name)).contains(shown(headline)).contains(shown(note));
        assertThat(reply.body()).contains(shown(name));
    }

    /**
     * How a value is expected to appear in a text body: line breaks as \n, other control characters and bidi
     * overrides dropped. Written independently of the production cleaning on purpose.
     */
    private static String shown(String value) {
        String text = value.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder();
        text.codePoints().filter(c -> !(Character.isISOControl(c) && c != '\n' && c != '\t'))
            .filter(c -> !(c >= 0x202A && c <= 0x202E) && !(c >= 0x2066 && c <= 0x2069))
            .forEach(out::appendCodePoint);
        return out.toString();
    }

    private static TemplateStore store() {
        try {
            return new TemplateStore(Files.createTempDirectory("template-fuzz"), "en", Clock.systemUTC());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
