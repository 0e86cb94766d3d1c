package org.havewemet.it;

import javax.inject.Inject;

import org.apache.james.utils.ClassName;
import org.apache.james.utils.GuiceGenericLoader;
import org.apache.james.utils.GuiceProbe;
import org.havewemet.mailet.HaveWeMetRuntime;

/**
 * Test access to the server's havewemet instance, the way James' own tests reach into a running server. The runtime
 * is bound by our extension module in the injector James creates extensions with (GuiceGenericLoader's child
 * injector), not in the server's root injector where probes live: so it is looked up through that loader.
 */
public class HaveWeMetProbe implements GuiceProbe {
    private final GuiceGenericLoader extensions;

    @Inject
    public HaveWeMetProbe(GuiceGenericLoader extensions) {
        this.extensions = extensions;
    }

    public HaveWeMetRuntime runtime() {
        try {
            return extensions.instantiate(new ClassName(HaveWeMetRuntime.class.getName()));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
