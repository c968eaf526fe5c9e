package org.peel.access;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.LocalTransactionHandler;
import org.jdbi.v3.core.transaction.TransactionException;
import org.jdbi.v3.core.transaction.TransactionHandler;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Peel's database transactions: JDBI's local transactions, except that the audit entries a transaction records are
 * held back to its end and written in the same message to the server as its {@code COMMIT} (one multi-row insert,
 * then the commit, pipelined). An audited change therefore costs the force no more round trips to the database than
 * the change alone, and its entries still commit with it or not at all: if an entry cannot be written the commit
 * never runs and the change is rolled back with it.
 * <p>
 * A transaction rolled back (or rolled back to a savepoint) drops the entries it held (or those recorded after the
 * savepoint), exactly as the rows themselves would have been dropped. Outside a transaction an entry is written at
 * once ({@link AuditTrail#record(Handle, AuditEvent)} decides). A handle whose transaction is ended behind JDBI's back
 * (on the raw JDBC connection) must not record through the trail; nothing in Peel does.
 */
public final class AuditedTransactions implements TransactionHandler {

    private final TransactionHandler local = LocalTransactionHandler.binding();
    private final Map<Handle, Bound> bound = Collections.synchronizedMap(new WeakHashMap<>());

    private AuditedTransactions() {
    }

    /** Makes the Jdbi's transactions hold audit entries back to their commit. */
    public static Jdbi install(Jdbi jdbi) {
        return jdbi.setTransactionHandler(new AuditedTransactions());
    }

    /**
     * Holds the entry for the end of the handle's open transaction. False when the handle is not in a transaction
     * managed by this handler: the caller then writes the entry at once.
     */
    static boolean hold(Handle h, AuditTrail.Row row) {
        if (!(h.getJdbi().getTransactionHandler() instanceof AuditedTransactions t)) {
            return false;
        }
        Bound b = t.bound.get(h);
        if (b == null || !h.isInTransaction()) {
            return false;
        }
        b.held.add(row);
        return true;
    }

    @Override
    public TransactionHandler specialize(Handle handle) throws SQLException {
        Bound b = new Bound(local.specialize(handle));
        bound.put(handle, b);
        handle.addCleanable(() -> bound.remove(handle));
        return b;
    }

    private Bound of(Handle h) {
        Bound b = bound.get(h);
        if (b == null) {
            throw new IllegalStateException("a handle this transaction handler was never given");
        }
        return b;
    }

    @Override
    public void begin(Handle handle) {
        of(handle).begin(handle);
    }

    @Override
    public void commit(Handle handle) {
        of(handle).commit(handle);
    }

    @Override
    public void rollback(Handle handle) {
        of(handle).rollback(handle);
    }

    @Override
    public boolean isInTransaction(Handle handle) {
        return of(handle).isInTransaction(handle);
    }

    @Override
    public void savepoint(Handle handle, String name) {
        of(handle).savepoint(handle, name);
    }

    @Override
    public void rollbackToSavepoint(Handle handle, String name) {
        of(handle).rollbackToSavepoint(handle, name);
    }

    @Override
    public void releaseSavepoint(Handle handle, String name) {
        of(handle).releaseSavepoint(handle, name);
    }

    @Override
    public <R, X extends Exception> R inTransaction(Handle handle, HandleCallback<R, X> callback) throws X {
        return of(handle).inTransaction(handle, callback);
    }

    @Override
    public <R, X extends Exception> R inTransaction(Handle handle, TransactionIsolationLevel level,
                                                    HandleCallback<R, X> callback) throws X {
        return of(handle).inTransaction(handle, level, callback);
    }

    /** One handle's transactions: JDBI's own, with the entries held for the open one. */
    private static final class Bound implements TransactionHandler {
        private final TransactionHandler local;
        private final List<AuditTrail.Row> held = new ArrayList<>();
        private final Map<String, Integer> savepoints = new HashMap<>();

        Bound(TransactionHandler local) {
            this.local = local;
        }

        @Override
        public void begin(Handle handle) {
            if (!local.isInTransaction(handle)) {
                held.clear();
                savepoints.clear();
            }
            local.begin(handle);
        }

        @Override
        public void commit(Handle handle) {
            if (!held.isEmpty()) {
                List<AuditTrail.Row> rows = List.copyOf(held);
                held.clear();
                savepoints.clear();
                try {
                    AuditTrail.insertAndCommit(handle, rows);
                } catch (RuntimeException ex) {
                    try {
                        local.rollback(handle);
                    } catch (RuntimeException rollback) {
                        ex.addSuppressed(rollback);
                    }
                    throw new TransactionException("Failed to commit transaction with its audit entries", ex);
                }
            }
            // the connection is idle now when the entries went with the commit: JDBI's own commit finds nothing to
            // commit and only restores the connection's auto-commit
            local.commit(handle);
        }

        @Override
        public void rollback(Handle handle) {
            held.clear();
            savepoints.clear();
            local.rollback(handle);
        }

        @Override
        public boolean isInTransaction(Handle handle) {
            return local.isInTransaction(handle);
        }

        @Override
        public void savepoint(Handle handle, String name) {
            local.savepoint(handle, name);
            savepoints.put(name, held.size());
        }

        @Override
        public void rollbackToSavepoint(Handle handle, String name) {
            local.rollbackToSavepoint(handle, name);
            Integer size = savepoints.remove(name);
            if (size != null && size < held.size()) {
                held.subList(size, held.size()).clear();
            }
        }

        @Override
        public void releaseSavepoint(Handle handle, String name) {
            local.releaseSavepoint(handle, name);
            savepoints.remove(name);
        }

        @Override
        public <R, X extends Exception> R inTransaction(Handle handle, HandleCallback<R, X> callback) throws X {
            // JDBI's handler begins, commits and rolls back through the handle, so through this handler
            return local.inTransaction(handle, callback);
        }

        @Override
        public <R, X extends Exception> R inTransaction(Handle handle, TransactionIsolationLevel level,
                                                        HandleCallback<R, X> callback) throws X {
            return local.inTransaction(handle, level, callback);
        }
    }
}
