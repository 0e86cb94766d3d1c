package org.havewemet.mailet;

/**
 * Bound only by {@code HaveWeMetModule}: its presence tells the runtime that James loaded the extension module, so
 * the runtime is the one singleton of the extension's injector (and not a copy Guice made up for one mailet).
 */
public interface ExtensionDeclared {
}
