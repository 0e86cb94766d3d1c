package org.havewemet.config;

/**
 * Each mailbox owner's own page and JSON API ({@code userweb.*}), on a listener of its own, never on WebAdmin.
 * Read when James starts: a changed port or address takes effect at the next start.
 *
 * @param port 0 (the default) keeps the listener off; else the TCP port it listens on
 * @param bind the address it binds to, 127.0.0.1 by default (put a TLS reverse proxy in front to open it wider)
 */
public record UserWebConfig(int port, String bind) {
    /** Whether the listener is on. */
    public boolean enabled() {
        return port > 0;
    }
}
