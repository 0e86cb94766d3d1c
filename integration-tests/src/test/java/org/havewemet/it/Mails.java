package org.havewemet.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test mails under src/test/resources/mails. */
final class Mails {
    private Mails() {
    }

    static String read(String name) {
        try (InputStream in = Mails.class.getResourceAsStream("/mails/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test mail /mails/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
