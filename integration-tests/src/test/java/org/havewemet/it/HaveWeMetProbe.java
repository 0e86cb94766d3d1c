package org.havewemet.it;

import javax.inject.Inject;

import org.apache.james.utils.GuiceProbe;
import org.havewemet.mailet.HaveWeMetRuntime;

/** Test access to the server's havewemet instance, the way James' own tests reach into a running server. */
public class HaveWeMetProbe implements GuiceProbe {
    private final HaveWeMetRuntime runtime;

    @Inject
    public HaveWeMetProbe(HaveWeMetRuntime runtime) {
        this.runtime = runtime;
    }

    public HaveWeMetRuntime runtime() {
        return runtime;
    }
}
