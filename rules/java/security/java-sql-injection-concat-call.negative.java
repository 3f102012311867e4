package com.example.accounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import javax.persistence.EntityManager;

public class AccountDao {
    private final Connection connection;
    private final EntityManager em;

    public AccountDao(Connection connection, EntityManager em) {
        this.connection = connection;
        this.em = em;
    }

    public ResultSet findByName(String name) throws SQLException {
        PreparedStatement ps = connection.prepareStatement("SELECT * FROM accounts WHERE name = ?");
        ps.setString(1, name);
        return ps.executeQuery();
    }

    public List<?> byOwner(String owner) {
        return em.createQuery("from Account a where a.owner = :owner")
                .setParameter("owner", owner)
                .getResultList();
    }

    public void log(ExecutorService pool, Consumer<String> audit, String message) {
        pool.execute(() -> audit.accept("closing " + message));
    }
}
