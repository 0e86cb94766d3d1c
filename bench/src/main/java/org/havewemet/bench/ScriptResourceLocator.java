package org.havewemet.bench;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;

import org.apache.james.core.MailAddress;
import org.apache.james.transport.mailets.jsieve.ResourceLocator;

/**
 * Hands James' Sieve mailet the same script for every recipient, the way its SieveRepository-backed locator hands
 * out a user's active script, but without a repository lookup (so the benchmark measures Sieve, not storage).
 */
public final class ScriptResourceLocator extends ResourceLocator {
    private final byte[] script;
    private final ZonedDateTime activated = ZonedDateTime.now();

    public ScriptResourceLocator(String script) {
        super(null, null);
        this.script = script.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public UserSieveInformation get(MailAddress mailAddress) {
        return new UserSieveInformation(activated, ZonedDateTime.now(), new ByteArrayInputStream(script));
    }
}
