package io.backline.clinic;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

/**
 * The one way to plain SQL, for a feature's {@code *Query} classes (docs/architecture.md, "One rule for SQL"). A
 * statement names the clinic as {@code :clinic}, as often as it needs, and this helper binds the current clinic there
 * itself, so no caller passes (or forgets) it; other values are {@code ?}, in order. Hibernate's tenant filter does not
 * reach plain SQL, hence the rule.
 * <p>
 * {@code list} and {@code update} run plain JDBC on the request's Hibernate session (docs/adr/0003); {@code query}
 * is a Hibernate native query, for rows read back as managed entities. The {@code …AcrossClinics} variants are for
 * the few statements that belong to no one clinic (the shared directory, the scheduler's list of clinics, a
 * provider's link that names its own clinic): their names make every such place easy to find in review.
 */
@ApplicationScoped
public class ClinicSql {
    /** Reads one row into a value. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    @Inject
    CurrentClinic currentClinic;
    @Inject
    Session session;

    /** Rows of a statement that names {@code :clinic}; {@code parameters} fill its {@code ?} marks in order. */
    public <T> List<T> list(String sql, RowReader<T> reader, Object... parameters) {
        Positional statement = Positional.of(sql, true);
        return SessionJdbc.list(session, statement.sql(), statement.bind(currentClinic.requireId(), parameters),
                reader::read);
    }

    /** A write that names {@code :clinic}; the number of rows written. */
    public int update(String sql, Object... parameters) {
        Positional statement = Positional.of(sql, true);
        return SessionJdbc.update(session, statement.sql(), statement.bind(currentClinic.requireId(), parameters));
    }

    /** A Hibernate native query with {@code :clinic} already bound, for rows read as entities. */
    public NativeQuery<?> query(String sql) {
        if (!sql.contains(":clinic")) {
            throw new IllegalArgumentException("A clinic's statement names :clinic");
        }
        return session.createNativeQuery(sql).setParameter("clinic", currentClinic.requireId());
    }

    /** Rows of a statement that belongs to no one clinic; say why where it is called. */
    public <T> List<T> listAcrossClinics(String sql, RowReader<T> reader, Object... parameters) {
        Positional statement = Positional.of(sql, false);
        return SessionJdbc.list(session, statement.sql(), statement.bind(null, parameters), reader::read);
    }

    /** A write that belongs to no one clinic; say why where it is called. */
    public int updateAcrossClinics(String sql, Object... parameters) {
        Positional statement = Positional.of(sql, false);
        return SessionJdbc.update(session, statement.sql(), statement.bind(null, parameters));
    }

    /** A Hibernate native query that belongs to no one clinic; say why where it is called. */
    public NativeQuery<?> queryAcrossClinics(String sql) {
        return session.createNativeQuery(sql);
    }

    /** A {@code timestamp with time zone} column as an instant (null stays null). */
    public static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** A statement with each {@code :clinic} turned into a {@code ?}, and where those marks are. */
    private record Positional(String sql, BitSet clinicMarks, int markCount) {
        private static final Pattern MARK = Pattern.compile("(?<!:):clinic\\b|\\?");

        /** Statements are constants, bar the directory search's combinations of filters: a few hundred at most. */
        private static final Map<String, Positional> PARSED = new ConcurrentHashMap<>();
        private static final int MOST_KEPT = 1000;

        static Positional of(String sql, boolean clinicRequired) {
            Positional known = PARSED.get(sql);
            if (known == null) {
                known = parse(sql);
                if (PARSED.size() < MOST_KEPT) {
                    PARSED.put(sql, known);
                }
            }
            if (clinicRequired == known.clinicMarks().isEmpty()) {
                throw new IllegalArgumentException(clinicRequired ? "A clinic's statement names :clinic"
                        : "A statement across clinics does not name :clinic");
            }
            return known;
        }

        private static Positional parse(String sql) {
            StringBuilder text = new StringBuilder(sql.length());
            BitSet clinicMarks = new BitSet();
            Matcher marks = MARK.matcher(sql);
            int mark = 0;
            while (marks.find()) {
                if (!marks.group().equals("?")) {
                    clinicMarks.set(mark);
                }
                marks.appendReplacement(text, "?");
                mark++;
            }
            marks.appendTail(text);
            return new Positional(text.toString(), clinicMarks, mark);
        }

        SessionJdbc.Parameters bind(String clinicId, Object[] parameters) {
            return statement -> {
                int next = 0;
                if (markCount - clinicMarks.cardinality() != parameters.length) {
                    throw new IllegalArgumentException("The statement has " + (markCount - clinicMarks.cardinality())
                            + " values to bind, not " + parameters.length);
                }
                for (int index = 1; index <= markCount; index++) {
                    set(statement, index, clinicMarks.get(index - 1) ? clinicId : parameters[next++]);
                }
            };
        }
    }

    private static void set(PreparedStatement statement, int index, Object value) throws SQLException {
        switch (value) {
            case Instant instant -> statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
            case Enum<?> constant -> statement.setString(index, constant.name());
            case UUID[] ids -> statement.setArray(index, array(statement, "uuid", ids));
            case String[] texts -> statement.setArray(index, array(statement, "text", texts));
            case null, default -> statement.setObject(index, value);
        }
    }

    private static Array array(PreparedStatement statement, String type, Object[] values) throws SQLException {
        return statement.getConnection().createArrayOf(type, values);
    }
}
