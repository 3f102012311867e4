package com.example.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

public class Database {
    private static final String PASSWORD_PROPERTY = "db.password";
    private static final String API_KEY = "PAYMENT_API_KEY";

    public Connection open() throws SQLException {
        String password = System.getenv("DB_PASSWORD");
        return DriverManager.getConnection("jdbc:postgresql://db/app", "app", password);
    }

    public String label() {
        String secret = "<configure-me>";
        String token = "changeme";
        return secret + token + PASSWORD_PROPERTY + API_KEY;
    }
}
