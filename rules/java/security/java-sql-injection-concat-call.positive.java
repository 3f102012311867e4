package com.example.accounts;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.persistence.EntityManager;
import org.springframework.jdbc.core.JdbcTemplate;

public class AccountDao {
    private final Connection connection;
    private final EntityManager em;
    private final JdbcTemplate jdbc;

    public AccountDao(Connection connection, EntityManager em, JdbcTemplate jdbc) {
        this.connection = connection;
        this.em = em;
        this.jdbc = jdbc;
    }

    public ResultSet findByName(String name) throws SQLException {
        Statement st = connection.createStatement();
        // expect: java-sql-injection-concat-call
        return st.executeQuery("SELECT * FROM accounts WHERE name = '" + name + "'");
    }

    public List<?> byOwner(String owner) {
        // expect: java-sql-injection-concat-call
        return em.createQuery("from Account a where a.owner = '" + owner + "'").getResultList();
    }

    public int close(String id) {
        // expect: java-sql-injection-concat-call
        return jdbc.update("UPDATE accounts SET status = 'closed' WHERE id = " + id);
    }

    public void audit(Statement st, String user) throws SQLException {
        // expect: java-sql-injection-concat-call
        st.execute(String.format("INSERT INTO audit (actor) VALUES ('%s')", user));
    }
}
