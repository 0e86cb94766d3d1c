package org.havewemet.james;

import org.havewemet.mailet.ExtensionDeclared;
import org.havewemet.mailet.HaveWeMetRuntime;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

/**
 * havewemet's Guice module, named in James' {@code conf/extensions.properties}:
 * <pre>
 * guice.extension.module=org.havewemet.james.HaveWeMetModule
 * guice.extension.startable=org.havewemet.james.HaveWeMetStartable
 * guice.extension.task=org.havewemet.james.HaveWeMetTaskDtos
 * </pre>
 * James installs it in the child injector of its {@code GuiceGenericLoader}, the injector that also creates
 * extension mailets, WebAdmin route extensions and startables: so {@code TriageInvitations},
 * {@code RecordCorrespondents}, {@code HaveWeMetRoutes} and {@link HaveWeMetStartable} all get the one
 * {@link HaveWeMetRuntime} bound here.
 */
public class HaveWeMetModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(ExtensionDeclared.class).toInstance(new ExtensionDeclared() { });
        // Eager: created with the extension injector, which James builds before its mail spooler and protocol
        // servers, so James' @PreDestroy stage (last created, first stopped) stops havewemet after them.
        bind(HaveWeMetRuntime.class).asEagerSingleton();
        bind(HaveWeMetStartable.class).in(Scopes.SINGLETON);
    }
}
