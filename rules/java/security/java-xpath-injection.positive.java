package com.example.xml;

import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

public class UserStore {
    private final Document users;

    public UserStore(Document users) {
        this.users = users;
    }

    public boolean login(String name, String password) throws XPathExpressionException {
        XPath xpath = XPathFactory.newInstance().newXPath();
        // expect: java-xpath-injection
        String expr = "/users/user[@name='" + name + "' and @password='" + password + "']";
        NodeList nodes = (NodeList) xpath.evaluate(expr, users, XPathConstants.NODESET);
        return nodes.getLength() > 0;
    }

    public String email(String id) throws XPathExpressionException {
        XPath xpath = XPathFactory.newInstance().newXPath();
        // expect: java-xpath-injection
        return xpath.compile("//user[@id='" + id + "']/email").evaluate(users);
    }
}
