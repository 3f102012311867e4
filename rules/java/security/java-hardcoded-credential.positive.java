package com.example.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

public class Database {
    // expect: java-hardcoded-credential
    private static final String DB_PASSWORD = "Pr0d-Db-2024!";

    public Connection open() throws SQLException {
        // expect: java-hardcoded-credential
        return DriverManager.getConnection("jdbc:postgresql://db/app", "app", "s3cr3t-pass");
    }

    public void configure(DataSourceConfig config) {
        // expect: java-hardcoded-credential
        config.setApiKey("AKIA4EXAMPLEKEY7Q2Z");
        config.connect(DB_PASSWORD);
    }

    public interface DataSourceConfig {
        void setApiKey(String key);

        void connect(String password);
    }
}
