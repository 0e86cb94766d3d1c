package org.havewemet.it.hardening.crash;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.configuration2.BaseHierarchicalConfiguration;
import org.apache.james.lifecycle.api.LifecycleUtil;
import org.apache.james.mailrepository.api.MailKey;
import org.apache.james.mailrepository.file.FileMailRepository;
import org.apache.james.server.core.JamesServerResourceLoader;
import org.apache.james.server.core.filesystem.FileSystemImpl;
import org.apache.mailet.Mail;

/**
 * Reads, with James' own FileMailRepository, a file mail repository of a stopped server: one {@link Delivery} per
 * entry. Must not run while the server writes there (opening a file repository removes half-written entries).
 */
final class DeliveredMail {
    /** One pass of a mail through final delivery. */
    record Delivery(String messageId, Instant at, String mailName) {
    }

    private DeliveredMail() {
    }

    /**
     * What a repository holds. Torn entries are those James could not read back (retrieve gives null, and deletes
     * them): FileMailRepository writes an entry as two plain files, so a kill during the write leaves a truncated one.
     */
    record Contents(List<Delivery> deliveries, List<Delivery> torn) {
        boolean isEmpty() {
            return deliveries.isEmpty() && torn.isEmpty();
        }
    }

    static Contents read(Path data, String repositoryUrl) throws Exception {
        FileMailRepository repository = new FileMailRepository();
        repository.setFileSystem(new FileSystemImpl(new JamesServerResourceLoader(data.toAbsolutePath().toString())));
        BaseHierarchicalConfiguration configuration = new BaseHierarchicalConfiguration();
        configuration.addProperty("[@destinationURL]", repositoryUrl);
        repository.configure(configuration);
        repository.init();
        List<Delivery> deliveries = new ArrayList<>();
        List<Delivery> torn = new ArrayList<>();
        for (Iterator<MailKey> keys = repository.list(); keys.hasNext(); ) {
            MailKey key = keys.next();
            Mail mail = repository.retrieve(key);
            if (mail == null) {
                torn.add(new Delivery(null, deliveredAt(key.asString()), key.asString()));
                continue;
            }
            try {
                deliveries.add(new Delivery(mail.getMessage().getMessageID(), deliveredAt(mail.getName()), mail.getName()));
            } finally {
                LifecycleUtil.dispose(mail);
            }
        }
        return new Contents(deliveries, torn);
    }

    /** How many times each Message-ID was delivered. */
    static Map<String, Long> countsById(List<Delivery> deliveries) {
        return deliveries.stream().collect(Collectors.groupingBy(Delivery::messageId, Collectors.counting()));
    }

    private static Instant deliveredAt(String mailName) {
        int mark = mailName.lastIndexOf(DistinctDeliveryName.MARK);
        if (mark < 0) {
            return Instant.EPOCH; // stored without a delivery time: not through the test's final delivery
        }
        String rest = mailName.substring(mark + DistinctDeliveryName.MARK.length());
        return Instant.ofEpochMilli(Long.parseLong(rest.substring(0, rest.indexOf('-'))));
    }
}
