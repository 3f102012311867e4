package com.example.xml;

import javax.xml.namespace.QName;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;

public class UserStore {
    private final Document users;

    public UserStore(Document users) {
        this.users = users;
    }

    public String email(String id) throws XPathExpressionException {
        XPath xpath = XPathFactory.newInstance().newXPath();
        xpath.setXPathVariableResolver((QName name) -> "id".equals(name.getLocalPart()) ? id : null);
        return xpath.compile("//user[@id=$id]/email").evaluate(users);
    }

    public String path(String dir) {
        String url = "/api/" + dir;
        return url;
    }
}
