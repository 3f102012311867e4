package com.example.reports;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

public class ReportService {
    private final Connection connection;

    public ReportService(Connection connection) {
        this.connection = connection;
    }

    public ResultSet byRegion(String region, String sort) throws SQLException {
        // expect: java-sql-string-concat
        String sql = "SELECT id, total FROM orders WHERE region = '" + region + "'";
        if (sort != null) {
            // expect: java-sql-string-concat
            sql += " ORDER BY " + sort;
        }
        return connection.createStatement().executeQuery(sql);
    }

    public void archive(String id) throws SQLException {
        // expect: java-sql-string-concat
        String call = "{call archive_report('" + id + "')}";
        CallableStatement cs = connection.prepareCall(call);
        cs.execute();
    }

    public int rename(String id, String name) throws SQLException {
        // expect: java-sql-string-concat
        String update = String.format("UPDATE reports SET name = '%s' WHERE id = %s", name, id);
        return connection.createStatement().executeUpdate(update);
    }
}
