package org.havewemet.it.hardening.crash;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.domainlist.api.DomainListException;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;

/**
 * Test harness, not mail processing: creates the local user while the mailet container starts. The memory server
 * forgets its users on every stop, and James starts draining its (now persistent) spool right after the mailets are
 * initialised, before any code after {@code server.start()} could add the user: mail queued before a crash would then
 * meet an unknown recipient and bounce. Mailets are initialised before the spooler starts, so doing it here closes
 * that window. {@link #service} does nothing.
 */
public final class DemoUserOnStart extends GenericMailet {
    private final UsersRepository users;
    private final DomainList domains;

    @Inject
    public DemoUserOnStart(UsersRepository users, DomainList domains) {
        this.users = users;
        this.domains = domains;
    }

    @Override
    public void init() throws MessagingException {
        Username user = Username.of(getInitParameter("user"));
        try {
            Domain domain = user.getDomainPart().orElseThrow(() -> new MessagingException("user needs a domain"));
            if (!domains.containsDomain(domain)) {
                domains.addDomain(domain);
            }
            if (!users.contains(user)) {
                users.addUser(user, getInitParameter("password", "demo"));
            }
        } catch (DomainListException | UsersRepositoryException e) {
            throw new MessagingException("cannot create " + user, e);
        }
    }

    @Override
    public void service(Mail mail) {
        // setup only
    }
}
