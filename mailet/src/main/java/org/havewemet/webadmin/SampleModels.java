package org.havewemet.webadmin;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.havewemet.config.template.TemplateModel;
import org.havewemet.config.template.TemplateModel.InviterInfo;
import org.havewemet.config.template.TemplateModel.Person;
import org.havewemet.index.InvitationRecord;

import com.fasterxml.jackson.databind.JsonNode;

/** The values a template preview renders with: a stored invitation's, or sample values sent by the admin. */
final class SampleModels {
    /** Shown when the admin sends no sample: a plausible stranger, so every placeholder renders something. */
    static final TemplateModel DEFAULT = TemplateModel.of(new Person("Demo User", "demo@example.com"),
        new InviterInfo("Jane Example", "Growth Hacker", "Example Corp", "https://www.linkedin.com/in/jane-example",
            "jane@example.net"), "LinkedIn", "I'd like to add you to my professional network.", "2026-01-15");

    private SampleModels() {
    }

    static TemplateModel fromJson(JsonNode sample) {
        if (sample == null || sample.isNull()) {
            return DEFAULT;
        }
        if (!sample.isObject()) {
            throw ApiError.invalid("sample", "expected \"sample\" to be an object");
        }
        JsonNode recipient = object(sample, "recipient");
        JsonNode inviter = object(sample, "inviter");
        return TemplateModel.of(
            new Person(text(recipient, "recipient.name"), text(recipient, "recipient.address")),
            new InviterInfo(text(inviter, "inviter.name"), text(inviter, "inviter.headline"),
                text(inviter, "inviter.company"), text(inviter, "inviter.profileUrl"), text(inviter, "inviter.email")),
            text(sample, "platform"), text(sample, "note"), text(sample, "date"));
    }

    static TemplateModel fromRecord(InvitationRecord record) {
        return TemplateModel.of(new Person(null, record.recipient()),
            new InviterInfo(record.inviterName(), record.inviterHeadline(), record.inviterCompany(),
                record.profileUrl(), record.inviterEmail()),
            record.platform(), record.note(), LocalDate.ofInstant(record.receivedAt(), ZoneOffset.UTC).toString());
    }

    private static JsonNode object(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw ApiError.invalid("sample." + field, "expected \"sample." + field + "\" to be an object");
        }
        return value;
    }

    /** A string value; {@code path} is the field's dotted path under {@code sample}, for error messages. */
    private static String text(JsonNode parent, String path) {
        if (parent == null) {
            return null;
        }
        String field = path.substring(path.lastIndexOf('.') + 1);
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw ApiError.invalid("sample." + path, "expected \"sample." + path + "\" to be a string");
        }
        return value.asText();
    }
}
