package org.havewemet.index;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.IndexWriter;

/**
 * One index write as the journal stores it: enough to apply it again after a crash. Encoded as a small binary
 * record (op byte, then the fields in declaration order, nulls marked), so notes with any characters round-trip.
 */
sealed interface JournalOp {
    byte INDEX = 1;
    byte CORRESPONDENT = 2;
    byte ERASE = 3;
    byte PURGE = 4;

    /** Adds or replaces one invitation. */
    record Index(InvitationRecord record) implements JournalOp {
    }

    /** Remembers a correspondent of a user. */
    record Correspondent(String user, String address, String displayName) implements JournalOp {
    }

    /** Erases one person everywhere. */
    record Erase(String address) implements JournalOp {
    }

    /** Removes invitations received before the cutoff. */
    record Purge(Instant cutoff) implements JournalOp {
    }

    /**
     * Applies the operation to a writer (idempotent: updates by id, deletes by query), as the live index does and as
     * the replay at open does.
     *
     * @return the writer's sequence number of the change
     */
    default long applyTo(IndexWriter writer, InvitationSchema schema) throws IOException {
        if (this instanceof Index i) {
            return writer.updateDocument(schema.idTerm(i.record().id()), schema.toDocument(i.record()));
        } else if (this instanceof Correspondent c) {
            String id = schema.correspondentId(c.user(), Names.normalizeAddress(c.address()),
                Names.normalizeName(c.displayName()));
            return writer.updateDocument(schema.idTerm(id),
                schema.correspondentDocument(c.user(), c.address(), c.displayName()));
        } else if (this instanceof Erase e) {
            return writer.deleteDocuments(Erasure.inviter(schema, e.address()));
        } else {
            return writer.deleteDocuments(Erasure.olderThan(schema, ((Purge) this).cutoff()));
        }
    }

    static byte[] encode(JournalOp op) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            if (op instanceof Index i) {
                out.writeByte(INDEX);
                writeRecord(out, i.record());
            } else if (op instanceof Correspondent c) {
                out.writeByte(CORRESPONDENT);
                writeString(out, c.user());
                writeString(out, c.address());
                writeString(out, c.displayName());
            } else if (op instanceof Erase e) {
                out.writeByte(ERASE);
                writeString(out, e.address());
            } else if (op instanceof Purge p) {
                out.writeByte(PURGE);
                writeInstant(out, p.cutoff());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot happen: writing to memory", e);
        }
        return bytes.toByteArray();
    }

    /** @throws IOException when the bytes are not one whole operation */
    static JournalOp decode(byte[] payload) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        byte kind = in.readByte();
        return switch (kind) {
            case INDEX -> new Index(readRecord(in));
            case CORRESPONDENT -> new Correspondent(readString(in), readString(in), readString(in));
            case ERASE -> new Erase(readString(in));
            case PURGE -> new Purge(readInstant(in));
            default -> throw new IOException("unknown journal operation " + kind);
        };
    }

    private static void writeRecord(DataOutputStream out, InvitationRecord r) throws IOException {
        for (String s : new String[] {r.id(), r.recipient(), r.messageId(), r.platform(), r.event(), r.inviterName(),
            r.inviterEmail(), r.inviterHeadline(), r.inviterCompany(), r.inviterLocation(), r.profileUrl(), r.note(),
            r.noteLanguage(), r.verdict()}) {
            writeString(out, s);
        }
        List<String> reasons = r.reasons() == null ? List.of() : r.reasons();
        out.writeInt(reasons.size());
        for (String reason : reasons) {
            writeString(out, reason);
        }
        writeString(out, r.replyStatus());
        writeString(out, r.replyDetail());
        writeInstant(out, r.receivedAt());
        writeInteger(out, r.mutualConnections());
        writeInteger(out, r.connections());
        // Schema 4 appended the correction: journals written before it end here and read as uncorrected.
        InvitationRecord.Correction c = r.correction();
        out.writeBoolean(c != null);
        if (c != null) {
            writeString(out, c.by());
            writeInstant(out, c.at());
            writeString(out, c.verdict());
            writeString(out, c.previous());
        }
    }

    private static InvitationRecord readRecord(DataInputStream in) throws IOException {
        String[] s = new String[14];
        for (int i = 0; i < s.length; i++) {
            s[i] = readString(in);
        }
        int count = in.readInt();
        if (count < 0 || count > 10_000) {
            throw new IOException("implausible reason count " + count);
        }
        List<String> reasons = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            reasons.add(readString(in));
        }
        InvitationRecord r = new InvitationRecord(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9], s[10],
            s[11], s[12], s[13], reasons, readString(in), readString(in), readInstant(in), readInteger(in),
            readInteger(in));
        if (in.available() == 0 || !in.readBoolean()) {
            return r;
        }
        return r.withCorrection(new InvitationRecord.Correction(readString(in), readInstant(in), readString(in),
            readString(in)));
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > in.available()) {
            throw new IOException("string length " + length + " beyond the record");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
        out.writeBoolean(instant != null);
        if (instant != null) {
            out.writeLong(instant.getEpochSecond());
            out.writeInt(instant.getNano());
        }
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }

    private static void writeInteger(DataOutputStream out, Integer value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeInt(value);
        }
    }

    private static Integer readInteger(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readInt() : null;
    }
}
