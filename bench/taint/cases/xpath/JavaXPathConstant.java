// label: safe xpath
import javax.servlet.http.HttpServletRequest;
import javax.xml.xpath.*;
import org.w3c.dom.Document;

public class JavaXPathConstant {
  private Document doc;

  public String count(HttpServletRequest req) throws XPathExpressionException {
    XPath xp = XPathFactory.newInstance().newXPath();
    String label = req.getParameter("label");
    return label + ": " + xp.evaluate("count(//user)", doc);
  }
}
