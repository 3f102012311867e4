package com.example.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.beans.XMLDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import javax.servlet.http.HttpServletRequest;

public class SessionLoader {
    public Object load(HttpServletRequest request) throws IOException, ClassNotFoundException {
        // expect: java-taint-deserialization
        try (ObjectInputStream in = new ObjectInputStream(request.getInputStream())) {
            // expect: java-unsafe-deserialization
            return in.readObject();
        }
    }

    public Object loadXml(InputStream body) {
        // expect: java-unsafe-deserialization
        XMLDecoder decoder = new XMLDecoder(body);
        // expect: java-unsafe-deserialization
        return decoder.readObject();
    }

    public ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        // expect: java-unsafe-deserialization
        mapper.enableDefaultTyping();
        return mapper;
    }
}
