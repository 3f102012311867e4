package com.example.reports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

public class ReportService {
    private static final String TABLE = "orders";
    private final Connection connection;

    public ReportService(Connection connection) {
        this.connection = connection;
    }

    public ResultSet byRegion(String region) throws SQLException {
        String sql = "SELECT id, total FROM orders WHERE region = ?";
        PreparedStatement ps = connection.prepareStatement(sql);
        ps.setString(1, region);
        return ps.executeQuery();
    }

    public String describe(int count) {
        String message = "Selected " + count + " rows from the report";
        return message;
    }
}
