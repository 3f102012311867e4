import javax.servlet.http.HttpServletRequest;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathExpressionException;
import org.w3c.dom.Document;

public class Catalog {
  private XPath xpath;
  private Document doc;

  public String price(HttpServletRequest request) throws XPathExpressionException {
    int position = Integer.parseInt(request.getParameter("pos"));
    // expect: java-xpath-injection
    return xpath.evaluate("//product[" + position + "]/price", doc);
  }
}
