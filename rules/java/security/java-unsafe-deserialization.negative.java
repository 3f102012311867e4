package com.example.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.Serializable;

public class SessionLoader implements Serializable {
    private transient String cache;

    public Session load(InputStream body) throws IOException {
        return new ObjectMapper().readValue(body, Session.class);
    }

    public Object loadFiltered(InputStream body) throws IOException, ClassNotFoundException {
        ObjectInputStream in = new ObjectInputStream(body);
        in.setObjectInputFilter(ObjectInputFilter.Config.createFilter("com.example.session.*;!*"));
        return in.readObject();
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        Object extra = in.readObject();
        cache = String.valueOf(extra);
    }

    public static class Session {
        public String user;
    }
}
