package org.havewemet.userweb;

/**
 * The users' page listener as a server's command line asks for it ({@code ./havewemet serve --user-web-port N}),
 * bound in James' injector by the demo server: it wins over {@code userweb.*} of havewemet.yaml.
 */
public record UserWebOverride(String bind, int port) {
}
