package io.backline.clinic;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.hibernate.Session;
import org.hibernate.engine.jdbc.spi.JdbcCoordinator;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * A SQL statement run on the request's Hibernate session with plain JDBC: rows read, or rows written. For the busiest
 * pages' lists and the access log's inserts: a Hibernate native query resolves its result mapping again on every run
 * and hydrates entities into the persistence context, three to four times the CPU of the statement itself (JFR), and
 * an entity insert costs a flush. Going through the session's statement preparer keeps the session's connection and
 * transaction, Hibernate's statistics (the tests count statements per page with them) and its translation of SQL
 * errors.
 * <p>
 * Two things it does not do. The statement names the clinic itself, as every native statement here does: Hibernate's
 * tenant filter does not apply to it. And nothing is flushed first, so it does not see entities changed but not yet
 * flushed in the same transaction: use it for reads that come before any change, or after a commit, and for writes
 * to tables whose rows Hibernate does not manage.
 */
final class SessionJdbc {

    private SessionJdbc() {
    }

    @FunctionalInterface
    interface Parameters {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    static <T> List<T> list(Session session, String sql, Parameters parameters, RowReader<T> reader) {
        return run(session, sql, parameters, "Could not read rows", (jdbc, statement) -> {
            ResultSet rows = jdbc.getResultSetReturn().extract(statement, sql);
            List<T> found = new ArrayList<>();
            while (rows.next()) {
                found.add(reader.read(rows));
            }
            return found;
        });
    }

    /**
     * A statement that writes, in the caller's transaction when there is one; without one it runs on its own
     * (the pool's connections commit each statement then). Returns the number of rows written.
     */
    static int update(Session session, String sql, Parameters parameters) {
        return run(session, sql, parameters, "Could not write rows",
                (jdbc, statement) -> jdbc.getResultSetReturn().executeUpdate(statement, sql));
    }

    @FunctionalInterface
    private interface Execution<T> {
        T execute(JdbcCoordinator jdbc, PreparedStatement statement) throws SQLException;
    }

    private static <T> T run(Session session, String sql, Parameters parameters, String failure, Execution<T> execution) {
        SharedSessionContractImplementor owner = session.unwrap(SharedSessionContractImplementor.class);
        JdbcCoordinator jdbc = owner.getJdbcCoordinator();
        PreparedStatement statement = null;
        boolean success = false;
        try {
            statement = jdbc.getStatementPreparer().prepareStatement(sql);
            parameters.bind(statement);
            T result = execution.execute(jdbc, statement);
            success = true;
            return result;
        } catch (SQLException e) {
            throw owner.getJdbcServices().getSqlExceptionHelper().convert(e, failure, sql);
        } finally {
            if (statement != null) {
                jdbc.getLogicalConnection().getResourceRegistry().release(statement);
            }
            jdbc.afterStatementExecution();
            // Outside a transaction this hands the connection back to the pool, as Hibernate's own queries do.
            owner.afterOperation(success);
        }
    }
}
