package com.example.xml;

import java.io.InputStream;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import org.w3c.dom.Document;

public class InvoiceParser {
    public Document parse(InputStream body) throws Exception {
        // expect: java-xxe-parser-factory
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        DocumentBuilder builder = dbf.newDocumentBuilder();
        return builder.parse(body);
    }

    public XMLStreamReader stream(InputStream body) throws Exception {
        // expect: java-xxe-parser-factory
        XMLInputFactory factory = XMLInputFactory.newInstance();
        return factory.createXMLStreamReader(body);
    }
}
