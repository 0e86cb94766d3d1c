package org.havewemet.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Searches an index without writing to it and without taking its write lock, so the command line can search while
 * the server runs. It sees the last commit; {@link #refresh()} picks up newer commits.
 */
public final class ReadOnlyInvitationIndex implements AutoCloseable {
    private final Directory directory;
    private final SearcherManager searchers;
    private final IndexReads reads = new IndexReads(new InvitationSchema());

    private ReadOnlyInvitationIndex(Directory directory, SearcherManager searchers) {
        this.directory = directory;
        this.searchers = searchers;
    }

    /**
     * @throws NoSuchFileException when {@code dir} holds no index (never creates one)
     */
    public static ReadOnlyInvitationIndex open(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "no invitation index directory");
        }
        Directory directory = FSDirectory.open(dir);
        try {
            if (!DirectoryReader.indexExists(directory)) {
                throw new NoSuchFileException(dir.toString(), null, "no invitation index in this directory");
            }
            return new ReadOnlyInvitationIndex(directory, new SearcherManager(directory, new SearcherFactory()));
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /** Looks for a newer commit; cheap when there is none. */
    public void refresh() throws IOException {
        searchers.maybeRefresh();
    }

    public SearchResult search(String user, String query, SortOrder sort, int limit, int offset) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return reads.search(searcher, user, query, sort, limit, offset);
        } finally {
            searchers.release(searcher);
        }
    }

    public List<InviterSummary> inviters(String user, String query, int limit, int offset) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return reads.inviters(searcher, user, query, limit, offset);
        } finally {
            searchers.release(searcher);
        }
    }

    public Optional<InvitationRecord> get(String id) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return reads.get(searcher, id);
        } finally {
            searchers.release(searcher);
        }
    }

    public long count(String user) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return reads.count(searcher, user);
        } finally {
            searchers.release(searcher);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
        } finally {
            directory.close();
        }
    }
}
