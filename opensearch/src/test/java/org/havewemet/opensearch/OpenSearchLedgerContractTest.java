package org.havewemet.opensearch;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.havewemet.reply.LedgerStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The ledger contract on a real OpenSearch node, the second "node" being a second connection to the same indices.
 * The indices are made once per class and emptied after each test (creating them per test costs a second each).
 */
@ExtendWith(OpenSearchNode.class)
class OpenSearchLedgerContractTest extends LedgerStoreContract {
    private static OpenSearchStorage storage;
    private static OpenSearchStorage second;
    private LedgerStore ledger;
    private LedgerStore other;

    @BeforeAll
    static void connect() {
        storage = OpenSearchNode.storage();
        second = OpenSearchStorage.connect(List.of(OpenSearchNode.uri()), storage.index(""), Optional.empty());
    }

    @BeforeEach
    void open() {
        ledger = OpenSearchLedger.open(storage);
        other = OpenSearchLedger.open(second);
    }

    @AfterEach
    void empty() {
        OpenSearchNode.emptyIndices(storage, OpenSearchLedger.ENTRIES, OpenSearchLedger.SLOTS);
    }

    @AfterAll
    static void close() throws IOException {
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
