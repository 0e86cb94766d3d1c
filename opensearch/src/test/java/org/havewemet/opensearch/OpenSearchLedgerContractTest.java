package org.havewemet.opensearch;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.havewemet.reply.LedgerStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The ledger contract on a real OpenSearch node, the second "node" being a second connection to the same indices. */
@ExtendWith(OpenSearchNode.class)
class OpenSearchLedgerContractTest extends LedgerStoreContract {
    private OpenSearchStorage storage;
    private OpenSearchStorage second;
    private LedgerStore ledger;
    private LedgerStore other;

    @BeforeEach
    void open() {
        storage = OpenSearchNode.storage();
        second = OpenSearchStorage.connect(List.of(OpenSearchNode.uri()), storage.index(""), Optional.empty());
        ledger = OpenSearchLedger.open(storage);
        other = OpenSearchLedger.open(second);
    }

    @AfterEach
    void close() throws IOException {
        storage.deleteAllIndices();
        storage.close();
        second.close();
    }

    @Override
    LedgerStore store() {
        return ledger;
    }

    @Override
    LedgerStore otherNode() {
        return other;
    }
}
