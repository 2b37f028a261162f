package org.acme.clinic.work;

import io.agroal.api.AgroalDataSource;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The minimal signed-in page with a Backline page's work added: the same statements against the same database in one
 * transaction, every value they return escaped into a Qute table, and as many bytes out as Backline's page.
 */
@Path("/work/{key}")
public class WorkPages {
    @Inject Template work;
    @Inject PageWork pages;
    @Inject AgroalDataSource dataSource;

    @GET
    @Authenticated
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public String page(@PathParam("key") String key) throws SQLException {
        List<List<List<String>>> results = run(pages.of(key).statements());
        String padding = pages.padding(key);
        if (padding == null) { // the first request: measure the table, then fill up to Backline's size
            padding = pages.paddingFor(key, work.data("results", results).data("padding", "").render().length());
        }
        return work.data("results", results).data("padding", padding).render();
    }

    @GET
    @Path("json")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public List<List<List<String>>> json(@PathParam("key") String key) throws SQLException {
        return run(pages.of(key).statements());
    }

    private List<List<List<String>>> run(List<String> statements) throws SQLException {
        List<List<List<String>>> results = new ArrayList<>(statements.size());
        try (Connection connection = dataSource.getConnection()) {
            for (String sql : statements) {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    List<List<String>> rows = new ArrayList<>();
                    if (statement.execute()) {
                        try (ResultSet rs = statement.getResultSet()) {
                            int columns = rs.getMetaData().getColumnCount();
                            while (rs.next()) {
                                List<String> row = new ArrayList<>(columns);
                                for (int c = 1; c <= columns; c++) {
                                    row.add(rs.getString(c));
                                }
                                rows.add(row);
                            }
                        }
                    }
                    results.add(rows);
                }
            }
        }
        return results;
    }
}
