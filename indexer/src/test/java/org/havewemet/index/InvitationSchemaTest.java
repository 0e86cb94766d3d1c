package org.havewemet.index;

import java.nio.file.Path;
import java.util.List;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class InvitationSchemaTest {
    @TempDir
    Path dir;

    @Test
    void newIndexShouldUseKeywordAndLongFieldDocValuesAndBeRecognisedAsTheCurrentLayout() throws Exception {
        try (InvitationIndex index = InvitationIndex.open(dir.resolve("index"))) {
            Corpus.indexAll(index);
            index.addCorrespondent(Corpus.ALICE, "friend@example.org", null);
        }
        try (FSDirectory directory = FSDirectory.open(dir.resolve("index"));
             DirectoryReader reader = DirectoryReader.open(directory)) {
            FieldInfos fields = FieldInfos.getMergedFieldInfos(reader);
            for (String keyword : List.of(InvitationSchema.RECIPIENT, InvitationSchema.VERDICT,
                    InvitationSchema.PLATFORM, InvitationSchema.REPLY_STATUS, InvitationSchema.INVITER_KEY,
                    InvitationSchema.MONTH)) {
                assertThat(fields.fieldInfo(keyword).getDocValuesType()).as(keyword)
                        .isEqualTo(DocValuesType.SORTED_SET);
            }
            for (String number : List.of(InvitationSchema.RECEIVED_AT, InvitationSchema.MUTUAL,
                    InvitationSchema.CONNECTIONS)) {
                assertThat(fields.fieldInfo(number).getDocValuesType()).as(number)
                        .isEqualTo(DocValuesType.SORTED_NUMERIC);
                assertThat(fields.fieldInfo(number).getPointDimensionCount()).as(number).isEqualTo(1);
            }
            assertThat(InvitationSchema.layoutOf(reader)).isEqualTo(InvitationSchema.SCHEMA_VERSION).isEqualTo(4);
        }
    }

    @ParameterizedTest(name = "{0} is layout {1}")
    @CsvSource({"index-v1/segments_1, 1", "index-v2/segments_3, 2"})
    void olderFixtureShouldBeRecognisedAsItsLayout(String resource, int layout) throws Exception {
        Path fixture = Path.of(getClass().getResource("/" + resource).toURI()).getParent();
        try (FSDirectory directory = FSDirectory.open(fixture);
             DirectoryReader reader = DirectoryReader.open(directory)) {
            assertThat(InvitationSchema.layoutOf(reader)).isEqualTo(layout);
        }
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({"verdict, personal, PERSONAL", "verdict, Suspicious, SUSPICIOUS", "platform, LinkedIn, linkedin",
        "replyStatus, REPLIED, replied", "event, Reminder, reminder"})
    void keywordValuesShouldHaveOneCanonicalCasePerField(String field, String value, String canonical) {
        assertThat(InvitationSchema.canonical(field, value)).isEqualTo(canonical);
    }
}
