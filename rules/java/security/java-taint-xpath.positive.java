import javax.servlet.http.HttpServletRequest;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathExpressionException;
import org.w3c.dom.Document;

public class Catalog {
  private XPath xpath;
  private Document doc;

  public String price(HttpServletRequest request) throws XPathExpressionException {
    String sku = request.getParameter("sku");
    // expect: java-taint-xpath, java-xpath-injection
    return xpath.evaluate("//product[sku='" + sku + "']/price", doc);
  }
}
