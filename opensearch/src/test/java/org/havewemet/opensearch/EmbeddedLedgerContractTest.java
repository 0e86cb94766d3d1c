package org.havewemet.opensearch;

import java.io.IOException;
import java.nio.file.Path;

import org.havewemet.reply.LedgerStore;
import org.havewemet.reply.ReplyLedger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The ledger contract on the embedded journal (one per node: a second node cannot open it, so it is itself). */
class EmbeddedLedgerContractTest extends LedgerStoreContract {
    @TempDir
    Path dir;
    private ReplyLedger ledger;

    @BeforeEach
    void open() throws IOException {
        ledger = ReplyLedger.open(dir);
    }

    @AfterEach
    void close() throws IOException {
        ledger.close();
    }

    @Override
    LedgerStore store() {
        return ledger;
    }

    @Override
    LedgerStore otherNode() {
        return ledger;
    }
}
